// Agreement statistics checked against values worked by hand (arithmetic in comments).
#include "analysis/report/agreement.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace sgwrs::analysis {
namespace {

std::vector<bool> bits(std::initializer_list<int> v) {
  std::vector<bool> out;
  for (int x : v) out.push_back(x != 0);
  return out;
}

// Krippendorff's own example of binary data, two observers, no missing data
// (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011), ten units:
//   A: 0 1 0 0 0 0 0 0 1 0
//   B: 1 1 1 0 0 1 0 0 0 0
// Coincidence matrix: o00 = 10, o01 = o10 = 4, o11 = 2; n0 = 14, n1 = 6, n.. = 20.
//   alpha = 1 - (n.. - 1) * o01 / (n0 * n1) = 1 - 19 * 4 / 84 = 8/84 = 0.0952 (published 0.095)
// Cohen: both = 1, only_a = 1, only_b = 3, neither = 5; po = 6/10;
//   pe = (2*4 + 8*6) / 100 = 0.56; kappa = (0.60 - 0.56) / 0.44 = 1/11.
TEST(Agreement, KrippendorffsBinaryTwoObserverExample) {
  Agreement a =
      agreement(bits({0, 1, 0, 0, 0, 0, 0, 0, 1, 0}), bits({1, 1, 1, 0, 0, 1, 0, 0, 0, 0}));
  EXPECT_EQ(a.units, 10u);
  EXPECT_EQ(a.both, 1u);
  EXPECT_EQ(a.only_a, 1u);
  EXPECT_EQ(a.only_b, 3u);
  EXPECT_EQ(a.neither, 5u);
  EXPECT_DOUBLE_EQ(a.percent, 60.0);
  ASSERT_TRUE(a.alpha);
  EXPECT_NEAR(*a.alpha, 8.0 / 84.0, 1e-12);
  EXPECT_NEAR(*a.alpha, 0.095, 5e-4);
  ASSERT_TRUE(a.kappa);
  EXPECT_NEAR(*a.kappa, 1.0 / 11.0, 1e-12);
}

// The textbook 2x2 example for Cohen's kappa (50 items): yes/yes 20, A yes B no 5,
// A no B yes 10, no/no 15. po = 35/50 = 0.7; A says yes 25/50, B 30/50;
//   pe = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = (0.7 - 0.5) / 0.5 = 0.4.
// Alpha: n1 = 2*20 + 15 = 55, n0 = 2*15 + 15 = 45, n.. = 100;
//   alpha = 1 - 99 * 15 / (45 * 55) = 1 - 1485/2475 = 0.4.
TEST(Agreement, CohensTextbookTable) {
  std::vector<bool> a, b;
  auto add = [&](int n, bool x, bool y) {
    for (int i = 0; i < n; ++i) {
      a.push_back(x);
      b.push_back(y);
    }
  };
  add(20, true, true);
  add(5, true, false);
  add(10, false, true);
  add(15, false, false);
  Agreement r = agreement(a, b);
  EXPECT_DOUBLE_EQ(r.percent, 70.0);
  ASSERT_TRUE(r.kappa);
  EXPECT_NEAR(*r.kappa, 0.4, 1e-12);
  ASSERT_TRUE(r.alpha);
  EXPECT_NEAR(*r.alpha, 0.4, 1e-12);
}

// Complete disagreement on two units: po = 0, pe = (1*1 + 1*1)/4 = 0.5, kappa = -1.
// Alpha: n1 = n0 = 2, n.. = 4: 1 - 3 * 2 / 4 = -0.5.
TEST(Agreement, CompleteDisagreementIsNegative) {
  Agreement r = agreement(bits({1, 0}), bits({0, 1}));
  EXPECT_DOUBLE_EQ(r.percent, 0.0);
  EXPECT_NEAR(*r.kappa, -1.0, 1e-12);
  EXPECT_NEAR(*r.alpha, -0.5, 1e-12);
}

// Perfect agreement with variation: kappa = alpha = 1.
TEST(Agreement, PerfectAgreementWithVariationIsOne) {
  Agreement r = agreement(bits({1, 0, 1, 0}), bits({1, 0, 1, 0}));
  EXPECT_DOUBLE_EQ(r.percent, 100.0);
  EXPECT_NEAR(*r.kappa, 1.0, 1e-12);
  EXPECT_NEAR(*r.alpha, 1.0, 1e-12);
}

// Both coders applied the theme everywhere: pe = 1 and there is no variation, so kappa
// and alpha are undefined (absent, never NaN) although agreement is 100%.
TEST(Agreement, NoVariationLeavesKappaAndAlphaUndefined) {
  Agreement r = agreement(bits({1, 1, 1}), bits({1, 1, 1}));
  EXPECT_DOUBLE_EQ(r.percent, 100.0);
  EXPECT_FALSE(r.kappa);
  EXPECT_FALSE(r.alpha);
}

// One coder constant, the other not: pe < 1 so kappa is defined; here
// a = 1 1 1 1, b = 1 1 1 0: po = 3/4, pe = (4*3 + 0*1)/16 = 3/4, kappa = 0.
// Alpha: n1 = 2*3 + 1 = 7, n0 = 1, n.. = 8: 1 - 7 * 1 / 7 = 0.
TEST(Agreement, OneConstantCoderGivesZero) {
  Agreement r = agreement(bits({1, 1, 1, 1}), bits({1, 1, 1, 0}));
  EXPECT_DOUBLE_EQ(r.percent, 75.0);
  EXPECT_NEAR(*r.kappa, 0.0, 1e-12);
  EXPECT_NEAR(*r.alpha, 0.0, 1e-12);
}

TEST(Agreement, NoUnitsHasNoStatistics) {
  Agreement r = agreement({}, {});
  EXPECT_EQ(r.units, 0u);
  EXPECT_DOUBLE_EQ(r.percent, 0.0);
  EXPECT_FALSE(r.kappa);
  EXPECT_FALSE(r.alpha);
}

TEST(Agreement, VectorsOfDifferentLengthAreRejected) {
  EXPECT_THROW(agreement(bits({1, 0}), bits({1})), std::invalid_argument);
}

// Six segments; ann and bob are compared, cat's codings are ignored.
//   seg 0: ann time,               bob time
//   seg 1: ann time + leadership,  bob leadership
//   seg 2:                         bob time
//   seg 3: (cat time only)        -> untouched by ann and bob, excluded
//   seg 4: ann leadership
//   seg 5: (cat risk only)        -> excluded
// Units: segments 0, 1, 2, 4.
TEST(AgreementByTheme, ExcludesSegmentsNeitherCoderTouched) {
  std::vector<SegmentCoding> codings = {
      {0, "ann", "time"}, {0, "bob", "time"}, {1, "ann", "time"}, {1, "ann", "lead"},
      {1, "bob", "lead"}, {2, "bob", "time"}, {3, "cat", "time"}, {4, "ann", "lead"},
      {5, "cat", "risk"}, {0, "ann", "time"},  // a repeated coding counts once
  };
  auto by_theme = agreement_by_theme(6, codings, "ann", "bob");
  ASSERT_EQ(by_theme.size(), 2u);  // cat's "risk" is not a theme either coder used
  ASSERT_TRUE(by_theme.count("time"));
  ASSERT_TRUE(by_theme.count("lead"));

  // time: ann 1 1 0 0, bob 1 0 1 0 -> both 1, only_a 1, only_b 1, neither 1.
  //   percent 50; n = 4, a1 = b1 = 2: chance = 2*2 + 2*2 = 8, kappa = (4*2 - 8)/(16 - 8) = 0.
  //   alpha: n1 = 2 + 2 = 4, n0 = 2 + 2 = 4: 1 - 7 * 2 / 16 = 0.125.
  const Agreement& time = by_theme.at("time");
  EXPECT_EQ(time.units, 4u);
  EXPECT_EQ(time.both, 1u);
  EXPECT_EQ(time.only_a, 1u);
  EXPECT_EQ(time.only_b, 1u);
  EXPECT_EQ(time.neither, 1u);
  EXPECT_DOUBLE_EQ(time.percent, 50.0);
  EXPECT_NEAR(*time.kappa, 0.0, 1e-12);
  EXPECT_NEAR(*time.alpha, 0.125, 1e-12);

  // lead: ann 0 1 0 1, bob 0 1 0 0 -> both 1, only_a 1, neither 2. percent 75;
  //   a1 = 2, b1 = 1: chance = 2*1 + 2*3 = 8, kappa = (4*3 - 8)/(16 - 8) = 0.5.
  //   alpha: n1 = 2 + 1 = 3, n0 = 4 + 1 = 5: 1 - 7 * 1 / 15 = 8/15.
  const Agreement& lead = by_theme.at("lead");
  EXPECT_EQ(lead.units, 4u);
  EXPECT_EQ(lead.both, 1u);
  EXPECT_EQ(lead.only_a, 1u);
  EXPECT_EQ(lead.only_b, 0u);
  EXPECT_EQ(lead.neither, 2u);
  EXPECT_DOUBLE_EQ(lead.percent, 75.0);
  EXPECT_NEAR(*lead.kappa, 0.5, 1e-12);
  EXPECT_NEAR(*lead.alpha, 8.0 / 15.0, 1e-12);
}

TEST(AgreementByTheme, NoCodingsGiveNoThemes) {
  EXPECT_TRUE(agreement_by_theme(10, {}, "ann", "bob").empty());
}

TEST(AgreementByTheme, SegmentOutsideTheTextIsRejected) {
  EXPECT_THROW(agreement_by_theme(3, {{3, "ann", "time"}}, "ann", "bob"), std::out_of_range);
}

}  // namespace
}  // namespace sgwrs::analysis
