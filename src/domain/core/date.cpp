#include "domain/core/date.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace sgwrs {

std::optional<Date> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int digits[8];
  int n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i == 4 || i == 7) continue;
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    digits[n++] = s[i] - '0';
  }
  const int y = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
  const unsigned m = static_cast<unsigned>(digits[4] * 10 + digits[5]);
  const unsigned d = static_cast<unsigned>(digits[6] * 10 + digits[7]);
  const Date date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string format_iso_date(const Date& d) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()),
                     static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

std::string format_utc_minute(std::int64_t seconds) {
  return fmt::format("{:%Y-%m-%d %H:%M}", std::chrono::sys_seconds(std::chrono::seconds(seconds)));
}

std::string format_utc_second(std::int64_t seconds) {
  return fmt::format("{:%Y-%m-%d %H:%M:%S}",
                     std::chrono::sys_seconds(std::chrono::seconds(seconds)));
}

}  // namespace sgwrs
