#include "domain/identity/password_policy.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "domain/core/validation.hpp"

namespace sgwrs {

std::string_view password_problem(std::string_view password, std::string_view email) {
  if (!is_valid_utf8(password)) return "invalid_utf8";
  const auto n = code_point_count(password);
  if (n < kPasswordMin) return "password_too_short";
  if (n > kPasswordMax) return "password_too_long";
  std::string lower(password);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (is_common_password(lower)) return "password_common";
  if (!email.empty()) {
    const std::string local(email.substr(0, email.find('@')));
    if (lower == email || lower == local) return "password_is_username";
  }
  return {};
}

}  // namespace sgwrs
