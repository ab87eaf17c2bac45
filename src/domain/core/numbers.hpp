#pragma once
// A whole decimal number as typed: an optional minus and digits, nothing else. From
// std::from_chars, so no locale and no exceptions, and "12abc" is not read as 12.
#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>

namespace sgwrs {

template <typename T = std::int64_t>
std::optional<T> parse_number(std::string_view s) {
  T v{};
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace sgwrs
