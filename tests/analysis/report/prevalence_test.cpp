// Prevalence with honest denominators, suppression of small cells, and trends across
// codebook versions. Reports: see report_fixtures.hpp.
#include "analysis/report/prevalence.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "analysis/report/report_fixtures.hpp"

namespace sgwrs::analysis {
namespace {

using test::seven_reports;
using Ids = std::vector<std::int64_t>;

TEST(Prevalence, ByOrganisationSuppressesCellsUnderFiveReports) {
  Matrix m = prevalence(seven_reports(), Dimension::organisation, {"time", "listening"}, {});
  EXPECT_EQ(m.columns, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(m.themes, (std::vector<std::string>{"time", "listening"}));

  // A has 5 reports (not below 5): time in 1, 2, 4 -> 3/5.
  const Cell& a_time = m.cells.at("time").at("A");
  EXPECT_FALSE(a_time.suppressed);
  EXPECT_EQ(a_time.reports_with_theme, 3u);
  EXPECT_EQ(a_time.reports_in_cell, 5u);
  EXPECT_DOUBLE_EQ(*a_time.share, 0.6);
  EXPECT_EQ(a_time.report_ids, (Ids{1, 2, 4}));

  // B has 2 reports: suppressed, nothing disclosed, not even the denominator.
  const Cell& b_time = m.cells.at("time").at("B");
  EXPECT_TRUE(b_time.suppressed);
  EXPECT_EQ(b_time.reports_with_theme, 0u);
  EXPECT_EQ(b_time.reports_in_cell, 0u);
  EXPECT_FALSE(b_time.share);
  EXPECT_TRUE(b_time.report_ids.empty());

  // Overall names no organisation, but counts only A's reports: B's are left out of every
  // count (left_out.hpp), or 4 of 7 less A's 3 of 5 would give B's 1 of 2.
  const Cell& all = m.overall.at("time");
  EXPECT_FALSE(all.suppressed);
  EXPECT_EQ(all.reports_with_theme, 3u);
  EXPECT_EQ(all.reports_in_cell, 5u);
  EXPECT_DOUBLE_EQ(*all.share, 0.6);
  EXPECT_TRUE(m.left_out);

  EXPECT_DOUBLE_EQ(*m.cells.at("listening").at("A").share, 0.2);  // report 1 of 5
}

TEST(Prevalence, ThresholdIsConfigurable) {
  Matrix m = prevalence(seven_reports(), Dimension::organisation, {"time"}, {2, true});
  const Cell& b = m.cells.at("time").at("B");
  EXPECT_FALSE(b.suppressed);  // 2 reports is not below 2
  EXPECT_EQ(b.reports_with_theme, 1u);
  EXPECT_DOUBLE_EQ(*b.share, 0.5);
}

TEST(Prevalence, ServiceAreasAreNotSuppressedByDefault) {
  Matrix m = prevalence(seven_reports(), Dimension::service_area, {"time"}, {});
  EXPECT_EQ(m.columns,
            (std::vector<std::string>{"Adult social care", "Children's services", "Housing"}));
  const auto& row = m.cells.at("time");
  // Adult: report 4 of 4, 5 -> 1/2; Children's: 1, 2 of 1, 2, 3 -> 2/3; small cells are
  // shown. Housing holds only B's reports 6 and 7, left out of every count: it shows nothing.
  EXPECT_DOUBLE_EQ(*row.at("Adult social care").share, 0.5);
  EXPECT_FALSE(row.at("Adult social care").suppressed);
  EXPECT_NEAR(*row.at("Children's services").share, 2.0 / 3.0, 1e-12);
  EXPECT_TRUE(row.at("Housing").suppressed);
  EXPECT_DOUBLE_EQ(*prevalence(seven_reports(), Dimension::service_area, {"time"}, {2, true})
                        .cells.at("time")
                        .at("Housing")
                        .share,
                   0.5);  // 6 of 6, 7 once B is big enough to show
}

TEST(Prevalence, SuppressingEverywhereWhenConfigured) {
  Matrix m = prevalence(seven_reports(), Dimension::service_area, {"time"}, {5, false});
  for (const auto& [column, cell] : m.cells.at("time")) EXPECT_TRUE(cell.suppressed) << column;
  // Every service area has fewer than 5 reports, so every report is left out and the
  // overall figure, which would be their sum, is suppressed too.
  EXPECT_TRUE(m.overall.at("time").suppressed);
  Matrix years = prevalence(seven_reports(), Dimension::year, {"time"}, {2, false});
  EXPECT_FALSE(years.overall.at("time").suppressed);  // 2 areas, 2 organisations, 2 years
  EXPECT_EQ(years.overall.at("time").reports_in_cell, 7u);
  Matrix small = prevalence(seven_reports(), Dimension::year, {"time"}, {8, false});
  EXPECT_TRUE(small.overall.at("time").suppressed);  // 7 < 8
}

// The heading denominator is the reports with text under that heading:
// working-well 1, 3, 7 (3 has text but no theme); getting-in-the-way 1, 2, 4, 6;
// make-a-difference 3; leaders-understand 5. (Threshold 2, so B's reports count.)
TEST(Prevalence, ByHeadingCountsReportsWithTextUnderTheHeading) {
  Matrix m = prevalence(seven_reports(), Dimension::heading, {"listening", "time"}, {2, true});
  EXPECT_EQ(m.columns, (std::vector<std::string>{"working-well", "getting-in-the-way",
                                                 "make-a-difference", "leaders-understand"}));
  const Cell& listening_ww = m.cells.at("listening").at("working-well");
  EXPECT_EQ(listening_ww.reports_with_theme, 2u);
  EXPECT_EQ(listening_ww.reports_in_cell, 3u);
  EXPECT_EQ(listening_ww.report_ids, (Ids{1, 7}));
  EXPECT_EQ(m.cells.at("time").at("getting-in-the-way").reports_with_theme, 4u);
  EXPECT_DOUBLE_EQ(*m.cells.at("time").at("getting-in-the-way").share, 1.0);
  const Cell& time_ww = m.cells.at("time").at("working-well");
  EXPECT_EQ(time_ww.reports_in_cell, 3u);
  EXPECT_DOUBLE_EQ(*time_ww.share, 0.0);  // a real zero, not "no data"
}

TEST(Prevalence, ByYearInOrder) {
  Matrix m = prevalence(seven_reports(), Dimension::year, {"time"}, {2, true});
  EXPECT_EQ(m.columns, (std::vector<std::string>{"2024", "2025"}));
  EXPECT_DOUBLE_EQ(*m.cells.at("time").at("2024").share, 1.0);  // 1, 2 of 1, 2
  EXPECT_DOUBLE_EQ(*m.cells.at("time").at("2025").share, 0.4);  // 4, 6 of 3..7
}

TEST(Prevalence, NoThemesGivenMeansEveryThemeRaised) {
  Matrix m = prevalence(seven_reports(), Dimension::year, {}, {});
  EXPECT_EQ(m.themes,
            (std::vector<std::string>{"leadership", "listening", "mentoring", "office", "time"}));
}

TEST(Prevalence, NoReportsGivesEmptyColumnsAndNoShare) {
  Matrix m = prevalence({}, Dimension::organisation, {"time"}, {});
  EXPECT_TRUE(m.columns.empty());
  EXPECT_FALSE(m.overall.at("time").share);
}

// Codebook versions: in 2024 the theme was "workload" (renamed "time"), and mentoring was
// coded as "champions" or "peer-support" (merged into "mentoring").
std::vector<ReportFacts> reports_across_codebooks() {
  return {
      {1, "A", "Housing", 2024, {{"getting-in-the-way", {"workload"}}}},
      {2, "A", "Housing", 2024, {{"working-well", {"champions", "peer-support"}}}},
      {3, "A", "Housing", 2025, {{"getting-in-the-way", {"time"}}}},
      {4, "A", "Housing", 2025, {{"working-well", {"mentoring"}}}},
  };
}

// One organisation's 4 reports would be left out at the default threshold of 5.
const SuppressionRule show_all{1, true};

const ThemeLineage lineage = {
    {"workload", "time"}, {"champions", "peer-support"}, {"peer-support", "mentoring"}};

TEST(Trends, LineageKeepsRenamedAndMergedThemesComparable) {
  Matrix m = trends(reports_across_codebooks(), {"time", "mentoring"}, lineage, show_all);
  EXPECT_EQ(m.by, Dimension::year);
  // time: 2024 report 1 (as "workload") of 1, 2 -> 1/2; 2025 report 3 of 3, 4 -> 1/2.
  EXPECT_DOUBLE_EQ(*m.cells.at("time").at("2024").share, 0.5);
  EXPECT_DOUBLE_EQ(*m.cells.at("time").at("2025").share, 0.5);
  // mentoring: report 2 used both old ids, and counts once.
  EXPECT_EQ(m.cells.at("mentoring").at("2024").reports_with_theme, 1u);
  EXPECT_EQ(m.cells.at("mentoring").at("2024").report_ids, (Ids{2}));
}

TEST(Trends, OldIdsAsRowsAreMappedToCurrentOnes) {
  Matrix m = trends(reports_across_codebooks(), {"workload", "time"}, lineage, show_all);
  EXPECT_EQ(m.themes, (std::vector<std::string>{"time"}));
  Matrix without = trends(reports_across_codebooks(), {"time"}, {}, show_all);
  EXPECT_DOUBLE_EQ(*without.cells.at("time").at("2024").share, 0.0);  // what lineage fixes
}

TEST(Trends, ChainsResolveAndCyclesAreRejected) {
  EXPECT_EQ(current_theme_id("champions", lineage), "mentoring");
  EXPECT_EQ(current_theme_id("time", lineage), "time");
  EXPECT_THROW(current_theme_id("a", {{"a", "b"}, {"b", "a"}}), std::invalid_argument);
}

}  // namespace
}  // namespace sgwrs::analysis
