#pragma once
// Rules for a new password, following NCSC and NIST SP 800-63B: length over complexity,
// long passphrases allowed, and the commonest passwords refused.
#include <string_view>

namespace sgwrs {

constexpr std::size_t kPasswordMin = 8;
constexpr std::size_t kPasswordMax = 256;  // at least 64 must be allowed; we allow more

// Empty when acceptable, else the catalogue key (under "core.errors.") explaining why not.
std::string_view password_problem(std::string_view password, std::string_view email);

bool is_common_password(std::string_view lowercase_password);

}  // namespace sgwrs
