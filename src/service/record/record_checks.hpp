#pragma once
// Checks shared by the record's services: text lengths and the days people give.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/core/date.hpp"
#include "domain/core/validation.hpp"

namespace sgwrs::record_checks {

constexpr std::size_t kShortText = 200;
constexpr std::size_t kNotes = 2000;
constexpr std::size_t kLongText = 20000;

inline std::string today(std::int64_t now) {
  using namespace std::chrono;
  return format_iso_date(Date{floor<days>(sys_seconds(seconds(now)))});
}

// An ISO day that exists and, unless `future_ok`, is not after today. Empty passes when
// `optional`.
inline void check_day(Validator& v, std::string_view field, const std::string& day, bool optional,
                      bool future_ok, std::int64_t now) {
  if (day.empty()) {
    if (!optional) v.fail(field, "required");
    return;
  }
  const auto d = parse_iso_date(day);
  if (!d) return v.fail(field, "date_format");
  if (!future_ok && day > today(now)) v.fail(field, "date_in_future");
}

}  // namespace sgwrs::record_checks
