// The ranking of candidate quotes for a theme: reviewed coding first, then passages that
// carry this theme more than any other, then short ones. Each test is built so that a
// ranking ignoring the rule it names would put the candidates the other way round (the
// input order and the tie-breaks by report favour the wrong answer).
#include "analysis/report/quote_ranking.hpp"

#include <gtest/gtest.h>

namespace sgwrs::analysis {
namespace {

QuoteCandidate candidate(std::int64_t report, ThemeScores scores, std::size_t sentences = 1,
                         bool reviewed = true) {
  QuoteCandidate c;
  c.report_id = report;
  c.start = 0;
  c.end = 10;
  c.text = "passage " + std::to_string(report);
  c.reviewed = reviewed;
  c.sentences = sentences;
  c.scores = std::move(scores);
  return c;
}

std::vector<std::int64_t> order(const std::vector<QuoteCandidate>& ranked) {
  std::vector<std::int64_t> out;
  for (const auto& c : ranked) out.push_back(c.report_id);
  return out;
}

TEST(QuoteRanking, SpecificityIsOwnScoreLessTheStrongestOther) {
  EXPECT_DOUBLE_EQ(specificity({{"leadership", 0.75}, {"respite", 0.5}}, "leadership"), 0.25);
  EXPECT_DOUBLE_EQ(specificity({{"leadership", 0.5}, {"respite", 0.875}}, "leadership"), -0.375);
  EXPECT_DOUBLE_EQ(specificity({}, "leadership"), 0.0);
  EXPECT_DOUBLE_EQ(specificity({{"respite", 0.5}}, "leadership"), -0.5);
}

TEST(QuoteRanking, LengthWeightFavoursOneToThreeSentences) {
  EXPECT_DOUBLE_EQ(length_weight(1), 1.0);
  EXPECT_DOUBLE_EQ(length_weight(3), 1.0);
  EXPECT_DOUBLE_EQ(length_weight(6), 0.5);
  EXPECT_LT(length_weight(12), length_weight(4));
}

// The issue's own example: "Leadership" quoted with a paragraph about replacement care.
// Both score the same for leadership; the first scores higher still for respite.
TEST(QuoteRanking, APassageCarryingAnotherThemeMoreRanksBelowOneThatDoesNot) {
  const auto ranked =
      rank_quote_candidates({candidate(1, {{"leadership", 0.75}, {"respite", 0.875}}),
                             candidate(2, {{"leadership", 0.75}, {"respite", 0.25}})},
                            "leadership");
  EXPECT_EQ(order(ranked), (std::vector<std::int64_t>{2, 1}));
}

TEST(QuoteRanking, AStrongerOwnScoreRanksHigherWhenNothingElseCompetes) {
  const auto ranked = rank_quote_candidates(
      {candidate(1, {{"leadership", 0.5}}), candidate(2, {{"leadership", 0.875}})}, "leadership");
  EXPECT_EQ(order(ranked), (std::vector<std::int64_t>{2, 1}));
}

TEST(QuoteRanking, ALongParagraphRanksBelowAShortPassageOfTheSameStrength) {
  const auto ranked = rank_quote_candidates(
      {candidate(1, {{"leadership", 0.75}}, 8), candidate(2, {{"leadership", 0.75}}, 2)},
      "leadership");
  EXPECT_EQ(order(ranked), (std::vector<std::int64_t>{2, 1}));
}

// Not only a tie-break: eight sentences with stronger evidence (0.875) still rank below one
// sentence with less (0.5), as (1.875 / 2) × 3/8 < 1.5 / 2.
TEST(QuoteRanking, ALongParagraphNeedsFarMoreEvidenceToOutrankAShortPassage) {
  const auto ranked = rank_quote_candidates(
      {candidate(1, {{"leadership", 0.875}}, 8), candidate(2, {{"leadership", 0.5}}, 1)},
      "leadership");
  EXPECT_EQ(order(ranked), (std::vector<std::int64_t>{2, 1}));
}

TEST(QuoteRanking, OneToThreeSentencesAreEqualSoSpecificityDecidesAmongThem) {
  // Three sentences, more specific, beats one sentence, less specific: within the preferred
  // length, the number of sentences does not count against a passage.
  const auto ranked =
      rank_quote_candidates({candidate(1, {{"leadership", 0.5}, {"respite", 0.5}}, 1),
                             candidate(2, {{"leadership", 0.75}}, 3)},
                            "leadership");
  EXPECT_EQ(order(ranked), (std::vector<std::int64_t>{2, 1}));
}

TEST(QuoteRanking, ReviewedCodingComesBeforeAnUnreviewedSuggestion) {
  const auto ranked = rank_quote_candidates(
      {candidate(1, {{"leadership", 0.875}}, 1, false), candidate(2, {{"leadership", 0.5}}, 1)},
      "leadership");
  EXPECT_EQ(order(ranked), (std::vector<std::int64_t>{2, 1}));
}

TEST(QuoteRanking, TiesGoToFewerSentencesThenReportOrder) {
  const auto ranked = rank_quote_candidates(
      {candidate(3, {{"t", 0.5}}, 2), candidate(2, {{"t", 0.5}}, 2), candidate(1, {{"t", 0.5}}, 3)},
      "t");
  EXPECT_EQ(order(ranked), (std::vector<std::int64_t>{2, 3, 1}));
}

}  // namespace
}  // namespace sgwrs::analysis
