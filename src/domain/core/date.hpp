#pragma once
// Calendar dates: one type (std::chrono::year_month_day) and one reader, for every date a
// person types or a file carries (a report's date, later a date of birth or a review).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sgwrs {

using Date = std::chrono::year_month_day;

// Only YYYY-MM-DD with digits exactly where they belong ("2024- 3-07" and "2024-3-7" are
// refused), and only a day that exists (no 31 April, 29 February only in a leap year).
std::optional<Date> parse_iso_date(std::string_view s);

// The same form back: "2026-03-14".
std::string format_iso_date(const Date& d);

// A moment (Unix seconds) as people read it in a list, in UTC: "2026-03-14 09:05".
std::string format_utc_minute(std::int64_t seconds);
// The same with seconds, for the audit trail: "2026-03-14 09:05:31".
std::string format_utc_second(std::int64_t seconds);

}  // namespace sgwrs
