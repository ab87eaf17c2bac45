// Spreading a finding's quotes across organisations, service areas and years, with pinned
// passages kept, set-aside ones skipped and left-out reports never quoted.
#include "analysis/report/quote_spread.hpp"

#include <gtest/gtest.h>

namespace sgwrs::analysis {
namespace {

QuoteCandidate at(std::int64_t report, std::string org, std::string area, int year,
                  double score = 0.75, bool reviewed = true) {
  QuoteCandidate c;
  c.report_id = report;
  c.start = 0;
  c.end = 5;
  c.text = "passage " + std::to_string(report);
  c.organisation = std::move(org);
  c.service_area = std::move(area);
  c.year = year;
  c.reviewed = reviewed;
  c.scores = {{"t", score}};
  return c;
}

std::vector<std::int64_t> reports_of(const std::vector<ChosenQuote>& chosen) {
  std::vector<std::int64_t> out;
  for (const auto& q : chosen) out.push_back(q.candidate.report_id);
  return out;
}

TEST(QuoteSpread, ANewOrganisationBeforeTheSameOneAgain) {
  const std::vector<QuoteCandidate> ranked{at(1, "A", "housing", 2025), at(2, "A", "housing", 2025),
                                           at(3, "B", "housing", 2025)};
  EXPECT_EQ(reports_of(spread_quotes(ranked, "t", {}, {}, {}, 2)),
            (std::vector<std::int64_t>{1, 3}));
}

TEST(QuoteSpread, ThenANewServiceAreaThenANewYear) {
  // All from A after the first: a new area (report 3) beats a new year (report 2).
  const std::vector<QuoteCandidate> ranked{at(1, "A", "housing", 2025), at(2, "A", "housing", 2024),
                                           at(3, "A", "community", 2025)};
  EXPECT_EQ(reports_of(spread_quotes(ranked, "t", {}, {}, {})),
            (std::vector<std::int64_t>{1, 3, 2}));
}

TEST(QuoteSpread, OneQuotePerReport) {
  QuoteCandidate second = at(1, "A", "housing", 2025);
  second.start = 10;
  second.end = 20;
  const std::vector<QuoteCandidate> ranked{at(1, "A", "housing", 2025), second};
  EXPECT_EQ(spread_quotes(ranked, "t", {}, {}, {}).size(), 1u);
}

TEST(QuoteSpread, NeverFromALeftOutReportEvenWhenPinned) {
  const std::vector<QuoteCandidate> ranked{at(1, "Small", "housing", 2025),
                                           at(2, "A", "housing", 2025)};
  const auto chosen = spread_quotes(ranked, "t", {passage_key(ranked[0])}, {}, {1});
  EXPECT_EQ(reports_of(chosen), (std::vector<std::int64_t>{2}));
  EXPECT_FALSE(chosen[0].pinned);
}

TEST(QuoteSpread, PinnedComeFirstAndASetAsideOneGivesWayToTheNext) {
  const std::vector<QuoteCandidate> ranked{at(1, "A", "housing", 2025), at(2, "B", "housing", 2025),
                                           at(3, "C", "housing", 2025),
                                           at(4, "D", "housing", 2025)};
  const auto chosen =
      spread_quotes(ranked, "t", {passage_key(ranked[2])}, {passage_key(ranked[0])}, {});
  EXPECT_EQ(reports_of(chosen), (std::vector<std::int64_t>{3, 2, 4}));
  EXPECT_TRUE(chosen[0].pinned);
  EXPECT_FALSE(chosen[1].pinned);
}

TEST(QuoteSpread, SpreadingNeverPromotesAPassageAboutSomethingElse) {
  QuoteCandidate other = at(3, "B", "community", 2024);
  other.scores = {{"t", 0.5}, {"respite", 0.875}};  // more about respite than this theme
  const std::vector<QuoteCandidate> ranked{at(1, "A", "housing", 2025), at(2, "A", "housing", 2025),
                                           other};
  EXPECT_EQ(reports_of(spread_quotes(ranked, "t", {}, {}, {}, 2)),
            (std::vector<std::int64_t>{1, 2}));
}

TEST(QuoteSpread, NorOneNobodyReviewed) {
  const std::vector<QuoteCandidate> ranked{at(1, "A", "housing", 2025), at(2, "A", "housing", 2025),
                                           at(3, "B", "community", 2024, 0.875, false)};
  EXPECT_EQ(reports_of(spread_quotes(ranked, "t", {}, {}, {}, 2)),
            (std::vector<std::int64_t>{1, 2}));
}

}  // namespace
}  // namespace sgwrs::analysis
