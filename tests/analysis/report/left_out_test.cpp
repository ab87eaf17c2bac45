// Secondary suppression (issue 10, item 4): no total less the columns shown, in any
// dimension, gives a count the primary rule suppressed. Reports: see report_fixtures.hpp
// (organisation B has 2 reports, fewer than 5).
#include "analysis/report/left_out.hpp"

#include <gtest/gtest.h>

#include <random>

#include "analysis/report/matrix_tables.hpp"
#include "analysis/report/report_fixtures.hpp"

namespace sgwrs::analysis {
namespace {

using test::seven_reports;
using Ids = std::set<std::int64_t>;

constexpr Dimension kPartitions[] = {Dimension::organisation, Dimension::service_area,
                                     Dimension::year};

TEST(LeftOut, ReportsOfASuppressedOrganisationAreLeftOut) {
  EXPECT_EQ(left_out_reports(seven_reports(), {}), (Ids{6, 7}));
  EXPECT_TRUE(left_out_reports(seven_reports(), {2, true}).empty());  // 2 is not below 2
  const auto counted = counted_reports(seven_reports(), {});
  ASSERT_EQ(counted.size(), 5u);
  for (const auto& r : counted) EXPECT_EQ(r.organisation, "A");
}

// With every small cell suppressed, leaving reports out can shrink another column below the
// threshold; that column's reports go too, until every column shown is big enough.
TEST(LeftOut, SuppressingEverywhereRepeatsUntilEveryColumnIsBigEnough) {
  const std::vector<ReportFacts> reports = {{1, "P", "S", 2025, {}}, {2, "Q", "S", 2025, {}},
                                            {3, "Q", "T", 2025, {}}, {4, "R", "T", 2025, {}},
                                            {5, "R", "U", 2025, {}}, {6, "R", "U", 2025, {}}};
  // P (1) is too small; then S holds only 2, then Q only 3, then T only 4.
  EXPECT_EQ(left_out_reports(reports, {2, false}), (Ids{1, 2, 3, 4}));
  // Naming only organisations, P alone goes.
  EXPECT_EQ(left_out_reports(reports, {2, true}), (Ids{1}));
}

// Many random corpora: in every dimension that splits the reports into groups, for every
// theme, "all reports" less the columns shown is nothing, both the count and the
// denominator, and every dimension's total is the same. Without the rule, the difference is
// exactly the suppressed organisations' count.
TEST(LeftOut, NoSubtractionRecoversASuppressedCount) {
  std::mt19937 rng(10);
  const std::vector<std::string> orgs = {"A", "B", "C", "D"}, areas = {"X", "Y", "Z"},
                                 themes = {"time", "trust"};
  for (int round = 0; round < 200; ++round) {
    std::vector<ReportFacts> reports;
    const int n = 1 + static_cast<int>(rng() % 30);
    for (int i = 0; i < n; ++i) {
      ReportFacts r{i + 1,
                    orgs[rng() % orgs.size()],
                    areas[rng() % areas.size()],
                    2024 + static_cast<int>(rng() % 2),
                    {}};
      auto& raised = r.themes_by_heading["getting-in-the-way"];
      for (const auto& t : themes)
        if (rng() % 2) raised.insert(t);
      reports.push_back(std::move(r));
    }
    for (const SuppressionRule rule : {SuppressionRule{5, true}, SuppressionRule{3, false}}) {
      std::optional<std::size_t> total;
      for (Dimension by : kPartitions) {
        const Matrix m = prevalence(reports, by, themes, rule);
        for (const auto& theme : themes) {
          const Cell& all = m.overall.at(theme);
          if (all.suppressed) continue;
          std::size_t with = 0, in = 0;
          for (const auto& [column, cell] : m.cells.at(theme)) {
            with += cell.reports_with_theme;
            in += cell.reports_in_cell;
          }
          EXPECT_EQ(all.reports_with_theme - with, 0u) << "round " << round << " " << theme;
          EXPECT_EQ(all.reports_in_cell - in, 0u) << "round " << round;
          if (!total) total = all.reports_in_cell;
          EXPECT_EQ(all.reports_in_cell, *total) << "round " << round << ": totals differ";
        }
        const bool some_suppressed = [&] {
          for (const auto& [column, cell] : m.cells.at(themes[0]))
            if (cell.suppressed) return true;
          return false;
        }();
        if (by == Dimension::organisation && some_suppressed) {
          EXPECT_TRUE(m.left_out);
        }
      }
    }
  }
}

// The organisation matrix of the fixture: B's two reports are in no count, and the page's
// "All reports" is A's figures alone, so All less A is nothing.
TEST(LeftOut, TheAllColumnIsTheSumOfTheColumnsShown) {
  const Matrix m = prevalence(seven_reports(), Dimension::organisation, {"time", "listening"}, {});
  EXPECT_TRUE(m.left_out);
  EXPECT_TRUE(m.cells.at("time").at("B").suppressed);
  EXPECT_EQ(m.overall.at("time").reports_with_theme, m.cells.at("time").at("A").reports_with_theme);
  EXPECT_EQ(m.overall.at("time").reports_in_cell, 5u);
  // By service area: Housing holds only B's reports, so it shows nothing (suppressed), and
  // the others count A's reports only.
  const Matrix areas = prevalence(seven_reports(), Dimension::service_area, {"time"}, {});
  EXPECT_TRUE(areas.left_out);
  EXPECT_TRUE(areas.cells.at("time").at("Housing").suppressed);
  EXPECT_EQ(areas.overall.at("time").reports_in_cell, 5u);
  // Nothing to leave out, nothing said.
  EXPECT_FALSE(prevalence(seven_reports(), Dimension::organisation, {"time"}, {2, true}).left_out);
}

// One small organisation alone: "All reports" would be its count, so it is suppressed too.
TEST(LeftOut, WithEveryReportLeftOutTheTotalIsSuppressed) {
  std::vector<ReportFacts> only_b;
  for (const auto& r : seven_reports())
    if (r.organisation == "B") only_b.push_back(r);
  for (Dimension by : kPartitions) {
    const Matrix m = prevalence(only_b, by, {"time"}, {});
    EXPECT_TRUE(m.overall.at("time").suppressed) << dimension_id(by);
    for (const auto& [column, cell] : m.cells.at("time")) EXPECT_TRUE(cell.suppressed) << column;
  }
}

// The same subtraction on the exported tables: the long table's "all" row less the
// organisation rows shown is nothing.
TEST(LeftOut, TheExportedAllRowIsTheSumOfTheRowsShown) {
  const Table t =
      matrix_long_table(prevalence(seven_reports(), Dimension::organisation, {"time"}, {}), {});
  long with = 0, in = 0, all_with = -1, all_in = -1;
  for (const auto& row : t.rows) {
    if (row[1] == "all") {
      all_with = std::stol(row[4]);
      all_in = std::stol(row[5]);
    } else if (!row[4].empty()) {
      with += std::stol(row[4]);
      in += std::stol(row[5]);
    }
  }
  EXPECT_EQ(all_with - with, 0);
  EXPECT_EQ(all_in - in, 0);
}

}  // namespace
}  // namespace sgwrs::analysis
