#include "analysis/learn/features.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "learn_test_util.hpp"

namespace sgwrs::analysis::learn {
namespace {

bool has(const SparseVector& v, std::string_view name) {
  const auto i = feature_index(name);
  for (const auto& [k, w] : v.items)
    if (k == i) return true;
  return false;
}

SparseVector one(const std::string& text, Language lang = Language::en,
                 std::string_view heading = "other") {
  const Suggester s(test::small_codebook());
  return passage_features(text, lang, {{{0, text.size()}, heading}}, s)[0];
}

TEST(Features, EnglishWordsByStemAndPairsWithinAClause) {
  const auto v = one("Workers are working, families");
  EXPECT_TRUE(has(v, "w:worker"));
  EXPECT_TRUE(has(v, "w:work"));
  EXPECT_TRUE(has(v, "b:worker are"));
  EXPECT_TRUE(has(v, "b:are work"));
  EXPECT_FALSE(has(v, "b:work famili"));  // a comma ends the clause
}

TEST(Features, WelshMutatedFormsShareTheRadical) {
  const auto v = one("Mae ei blant yn hapus", Language::cy);
  EXPECT_TRUE(has(v, "w:blant"));
  EXPECT_TRUE(has(v, "w:plant"));
}

TEST(Features, NegationMarksTheWordsAfterANegatorInItsClause) {
  const auto v = one("There is no time, but support");
  EXPECT_TRUE(has(v, "n:time"));
  EXPECT_TRUE(has(v, "w:time"));
  EXPECT_FALSE(has(v, "n:support"));
}

TEST(Features, IndicatorHitsAndTheHeading) {
  const auto v = one("The caseload is not help", Language::en, "getting-in-the-way");
  EXPECT_TRUE(has(v, "i:time"));
  EXPECT_TRUE(has(v, "ni:support"));
  EXPECT_FALSE(has(v, "i:support"));
  EXPECT_TRUE(has(v, "h:getting-in-the-way"));
  EXPECT_FALSE(has(v, "h:other"));
}

TEST(Features, SortedUniqueAndUnitLength) {
  const auto v = one("time time time and more time");
  double sum = 0;
  for (std::size_t i = 0; i < v.items.size(); ++i) {
    if (i) {
      EXPECT_LT(v.items[i - 1].first, v.items[i].first);
    }
    EXPECT_GE(v.items[i].first, 1u);
    EXPECT_LE(v.items[i].first, kFeatureSlots);
    sum += v.items[i].second * v.items[i].second;
  }
  EXPECT_NEAR(sum, 1.0, 1e-5);
}

TEST(Features, OnlyTheWordsInsideEachPassage) {
  const Suggester s(test::small_codebook());
  const std::string text = "Caseload grows. Families cope.";
  const auto v = passage_features(text, Language::en, {{{0, 15}, ""}, {{16, 30}, ""}}, s);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_TRUE(has(v[0], "w:caseload"));
  EXPECT_TRUE(has(v[0], "i:time"));
  EXPECT_FALSE(has(v[0], "w:famili"));
  EXPECT_TRUE(has(v[1], "w:famili"));
  EXPECT_FALSE(has(v[1], "i:time"));
}

TEST(Features, EmptyPassageHasOnlyItsHeading) {
  const auto v = one("");
  ASSERT_EQ(v.items.size(), 1u);
  EXPECT_TRUE(has(v, "h:other"));
}

}  // namespace
}  // namespace sgwrs::analysis::learn
