#include "analysis/report/numbers.hpp"

#include <charconv>
#include <cmath>

namespace sgwrs::analysis {

namespace {
bool digit(char c) {
  return c >= '0' && c <= '9';
}
}  // namespace

bool is_plain_number(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  const std::size_t int_start = i;
  while (i < s.size() && digit(s[i])) ++i;
  const std::size_t int_len = i - int_start;
  if (int_len == 0) return false;
  if (int_len > 1 && s[int_start] == '0') return false;  // "007" is an identifier
  if (i < s.size() && s[i] == '.') {
    ++i;
    const std::size_t frac_start = i;
    while (i < s.size() && digit(s[i])) ++i;
    if (i == frac_start) return false;
  }
  return i == s.size();
}

std::optional<double> plain_number_value(std::string_view s) {
  if (!is_plain_number(s)) return std::nullopt;
  if (s.front() == '+') s.remove_prefix(1);
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace sgwrs::analysis
