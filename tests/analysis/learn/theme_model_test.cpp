#include "analysis/learn/theme_model.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace sgwrs::analysis::learn {
namespace {

ThemeModel sample() {
  ThemeModel m;
  m.codebook_version = 3;
  m.version = 7;
  m.themes.push_back({"time", 12, 40, true, -0.75, {{5, 1.5f}, {900, -0.25f}}, 0.35});
  m.themes.push_back({"family", 1, 51, false, 0, {}, 0.5});
  return m;
}

TEST(ThemeModel, NamesItselfByVersion) {
  EXPECT_EQ(sample().name(), "learned-v7");
}

TEST(ThemeModel, RoundTripsThroughText) {
  const auto m = sample();
  const auto back = parse_model(serialise_model(m));
  ASSERT_TRUE(back) << back.error().detail;
  EXPECT_EQ(back->codebook_version, 3);
  EXPECT_EQ(back->version, 7);
  ASSERT_EQ(back->themes.size(), 2u);
  EXPECT_EQ(back->themes[0].theme_id, "time");
  EXPECT_EQ(back->themes[0].positives, 12u);
  EXPECT_TRUE(back->themes[0].trained);
  EXPECT_DOUBLE_EQ(back->themes[0].bias, -0.75);
  EXPECT_EQ(back->themes[0].weights, m.themes[0].weights);
  EXPECT_DOUBLE_EQ(back->themes[0].threshold, 0.35);
  EXPECT_FALSE(back->themes[1].trained);
}

TEST(ThemeModel, ProbabilityIsTheLogisticOfTheDotProduct) {
  const auto m = sample();
  SparseVector x{{{5, 0.5f}, {77, 1.f}, {900, 1.f}}};
  const double z = -0.75 + 1.5 * 0.5 - 0.25;
  EXPECT_NEAR(probability(m.themes[0], x), 1 / (1 + std::exp(-z)), 1e-9);
  EXPECT_EQ(probability(m.themes[1], x), 0);  // untrained
}

TEST(ThemeModel, DamageIsRecognisedNotScored) {
  const auto good = serialise_model(sample());
  for (std::string bad : {std::string(), std::string("garbage"), good.substr(0, good.size() / 2),
                          good.substr(0, good.size() - 3)}) {
    const auto r = parse_model(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().key, "model_corrupt");
  }
  // One weight changed: the checksum no longer matches.
  std::string flipped = good;
  flipped[flipped.find("1.5")] = '7';
  EXPECT_FALSE(parse_model(flipped));
  // Every single byte changed, one at a time, is refused (or, by luck, still parses to
  // valid numbers with a matching checksum: never, for FNV-1a over this text).
  for (std::size_t i = 0; i < good.size(); i += 7) {
    std::string b = good;
    b[i] ^= 0x01;
    EXPECT_FALSE(parse_model(b)) << "byte " << i;
  }
}

}  // namespace
}  // namespace sgwrs::analysis::learn
