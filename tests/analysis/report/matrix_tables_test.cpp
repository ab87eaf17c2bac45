// Prevalence matrices as tables for CSV/XLSX export. Reports: see report_fixtures.hpp.
#include "analysis/report/matrix_tables.hpp"

#include <gtest/gtest.h>

#include "analysis/report/report_fixtures.hpp"

namespace sgwrs::analysis {
namespace {

using Row = std::vector<std::string>;

TEST(MatrixTables, LongTableHasNumbersInTheirOwnColumnsAndMarksSuppression) {
  Matrix m = prevalence(test::seven_reports(), Dimension::organisation, {"time"}, {});
  Table t = matrix_long_table(m, {{"time", "Time and capacity"}});
  EXPECT_EQ(t.header, (Row{"dimension", "column", "theme_id", "theme", "reports_with_theme",
                           "reports_in_cell", "percent", "note"}));
  ASSERT_EQ(t.rows.size(), 3u);
  // A: 3 of 5; B: 2 reports, suppressed; all: A's 3 of 5, as B's reports are left out.
  EXPECT_EQ(t.rows[0],
            (Row{"organisation", "A", "time", "Time and capacity", "3", "5", "60.0", ""}));
  EXPECT_EQ(t.rows[1],
            (Row{"organisation", "B", "time", "Time and capacity", "", "", "", "suppressed"}));
  EXPECT_EQ(t.rows[2],
            (Row{"organisation", "all", "time", "Time and capacity", "3", "5", "60.0", ""}));
}

TEST(MatrixTables, WideTableReadsLikeThePage) {
  Matrix m = prevalence(test::seven_reports(), Dimension::heading, {"listening"}, {2, true});
  Table t = matrix_wide_table(m, {{"listening", "Listening and reflection"}});
  EXPECT_EQ(t.header, (Row{"Theme", "What is working well", "What gets in the way",
                           "What would make a difference", "What leaders need to understand",
                           "All reports"}));
  // listening: working-well 2 of 3 (1, 7), none elsewhere; overall 2 of 7 = 28.6% -> 29%.
  EXPECT_EQ(t.rows.at(0), (Row{"Listening and reflection", "2 of 3 (67%)", "0 of 4 (0%)",
                               "0 of 1 (0%)", "0 of 1 (0%)", "2 of 7 (29%)"}));

  Matrix orgs = prevalence(test::seven_reports(), Dimension::organisation, {"time"}, {});
  Table cy = matrix_wide_table(orgs, {}, Language::cy);
  EXPECT_EQ(cy.header, (Row{"Thema", "A", "B", "Pob adroddiad"}));
  EXPECT_EQ(cy.rows.at(0)[0], "time");
  EXPECT_EQ(cy.rows.at(0)[1], "3 o 5 (60%)");
  EXPECT_EQ(cy.rows.at(0)[2], "wedi’i atal (llai na’r lleiafswm)");
}

}  // namespace
}  // namespace sgwrs::analysis
