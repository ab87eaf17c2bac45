// Precision, recall and F1 of suggestions against human coding, worked by hand.
#include "analysis/report/quality.hpp"

#include <gtest/gtest.h>

namespace sgwrs::analysis {
namespace {

// suggested: (0,time) (1,time) (2,time) (0,lead) (5,risk)
// human:     (0,time) (3,time) (0,lead) (1,lead) (4,mentor)
//   time:   tp 1 (seg 0), fp 2 (segs 1, 2), fn 1 (seg 3): P = 1/3, R = 1/2,
//           F1 = 2*1 / (2*1 + 2 + 1) = 0.4 (= 2PR/(P+R) = (1/3)/(5/6))
//   lead:   tp 1, fp 0, fn 1: P = 1, R = 1/2, F1 = 2 / 3
//   risk:   tp 0, fp 1, fn 0: P = 0, R undefined, F1 = 0 / 1 = 0
//   mentor: tp 0, fp 0, fn 1: P undefined, R = 0, F1 = 0
// micro: tp 2, fp 3, fn 3: P = 2/5, R = 2/5, F1 = 4 / 10 = 0.4
// macro F1: (0.4 + 2/3 + 0 + 0) / 4 = (16/15) / 4 = 4/15
struct QualityExample : ::testing::Test {
  std::set<SegmentTheme> suggested{{0, "time"}, {1, "time"}, {2, "time"}, {0, "lead"}, {5, "risk"}};
  std::set<SegmentTheme> human{{0, "time"}, {3, "time"}, {0, "lead"}, {1, "lead"}, {4, "mentor"}};
};

TEST_F(QualityExample, PerTheme) {
  auto q = quality_by_theme(suggested, human);
  ASSERT_EQ(q.size(), 4u);

  const Quality& time = q.at("time");
  EXPECT_EQ(time.tp, 1u);
  EXPECT_EQ(time.fp, 2u);
  EXPECT_EQ(time.fn, 1u);
  EXPECT_NEAR(*time.precision, 1.0 / 3.0, 1e-12);
  EXPECT_NEAR(*time.recall, 0.5, 1e-12);
  EXPECT_NEAR(*time.f1, 0.4, 1e-12);

  const Quality& lead = q.at("lead");
  EXPECT_NEAR(*lead.precision, 1.0, 1e-12);
  EXPECT_NEAR(*lead.recall, 0.5, 1e-12);
  EXPECT_NEAR(*lead.f1, 2.0 / 3.0, 1e-12);

  const Quality& risk = q.at("risk");
  EXPECT_NEAR(*risk.precision, 0.0, 1e-12);
  EXPECT_FALSE(risk.recall);  // nobody coded risk: recall is undefined, not 0 or NaN
  EXPECT_NEAR(*risk.f1, 0.0, 1e-12);

  const Quality& mentor = q.at("mentor");
  EXPECT_FALSE(mentor.precision);  // nothing suggested
  EXPECT_NEAR(*mentor.recall, 0.0, 1e-12);
  EXPECT_NEAR(*mentor.f1, 0.0, 1e-12);
}

TEST_F(QualityExample, MicroAndMacro) {
  auto q = quality_by_theme(suggested, human);
  Quality all = overall(q);
  EXPECT_EQ(all.tp, 2u);
  EXPECT_EQ(all.fp, 3u);
  EXPECT_EQ(all.fn, 3u);
  EXPECT_NEAR(*all.precision, 0.4, 1e-12);
  EXPECT_NEAR(*all.recall, 0.4, 1e-12);
  EXPECT_NEAR(*all.f1, 0.4, 1e-12);
  EXPECT_NEAR(*macro_f1(q), 4.0 / 15.0, 1e-12);
}

TEST(Quality, PerfectSuggestionsScoreOne) {
  std::set<SegmentTheme> same{{0, "time"}, {2, "time"}};
  Quality all = overall(quality_by_theme(same, same));
  EXPECT_EQ(all.tp, 2u);
  EXPECT_DOUBLE_EQ(*all.precision, 1.0);
  EXPECT_DOUBLE_EQ(*all.recall, 1.0);
  EXPECT_DOUBLE_EQ(*all.f1, 1.0);
}

TEST(Quality, NothingAtAllIsUndefinedNotNaN) {
  auto q = quality_by_theme({}, {});
  EXPECT_TRUE(q.empty());
  Quality all = overall(q);
  EXPECT_FALSE(all.precision);
  EXPECT_FALSE(all.recall);
  EXPECT_FALSE(all.f1);
  EXPECT_FALSE(macro_f1(q));
}

}  // namespace
}  // namespace sgwrs::analysis
