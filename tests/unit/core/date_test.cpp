// One date reader (issue 8): the three that came before disagreed ("2024- 3-07" passed one,
// another gave every month 31 days).
#include <gtest/gtest.h>

#include "domain/core/date.hpp"

namespace sgwrs {
namespace {

TEST(Date, ReadsRealDaysInIsoForm) {
  const auto d = parse_iso_date("2024-02-29");
  ASSERT_TRUE(d);
  EXPECT_EQ(format_iso_date(*d), "2024-02-29");
  EXPECT_EQ(format_iso_date(*parse_iso_date("2026-12-01")), "2026-12-01");
  EXPECT_EQ(format_iso_date(*parse_iso_date("0999-01-31")), "0999-01-31");
}

TEST(Date, RefusesDaysThatDoNotExist) {
  for (const char* s : {"2023-02-29", "2100-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
                        "2026-06-00", "2026-06-32"})
    EXPECT_FALSE(parse_iso_date(s)) << s;
  EXPECT_TRUE(parse_iso_date("2000-02-29"));  // divisible by 400: a leap year
}

TEST(Date, RefusesAnythingButTheIsoForm) {
  for (const char* s :
       {"2024- 3-07", "2024-3-7", "2024-03-7", " 2024-03-07", "2024-03-07 ", "2024/03/07",
        "07/03/2024", "2024-03-07T00:00", "+024-03-07", "", "２０２４-03-07"})
    EXPECT_FALSE(parse_iso_date(s)) << s;
}

}  // namespace
}  // namespace sgwrs
