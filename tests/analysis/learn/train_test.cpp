#include "analysis/learn/train.hpp"

#include <gtest/gtest.h>

#include "analysis/learn/blend.hpp"
#include "learn_test_util.hpp"

namespace sgwrs::analysis::learn {
namespace {

using test::example;

// Families are written about in words no indicator holds; the model must find them.
std::vector<Example> corpus(const Suggester& s) {
  std::vector<Example> out;
  const char* family[] = {
      "Parents and grandparents joined the meeting", "The mother and her children were there",
      "Grandparents looked after the children",      "A father spoke about his children",
      "Parents told us what their children need",    "The children and their mother came together",
      "Her parents and children were at the visit"};
  const char* time[] = {"The caseload is too high",         "Another caseload review this week",
                        "Caseload pressure means rushing",  "We share the caseload badly",
                        "With this caseload nothing waits", "The caseload keeps growing",
                        "A lighter caseload would help"};
  const char* other[] = {"The office moved to a new building",
                         "Training happened in March",
                         "The form was updated",
                         "Managers met on Tuesday",
                         "The report was written late",
                         "Phones were replaced",
                         "A new system arrived"};
  for (auto t : family) out.push_back(example(s, t, {"family"}));
  for (auto t : time) out.push_back(example(s, t, {"time"}));
  for (auto t : other) out.push_back(example(s, t, {}));
  return out;
}

// The same coding found in three reports: enough examples for the model's say to outweigh
// the indicators' silence about families.
std::vector<Example> larger_corpus(const Suggester& s) {
  std::vector<Example> out;
  for (int i = 0; i < 3; ++i)
    for (auto& e : corpus(s)) out.push_back(std::move(e));
  return out;
}

TEST(Train, LearnsAThemeTheIndicatorsCannotSee) {
  const auto cb = test::small_codebook();
  const Suggester s(cb);
  const auto m = train_theme_model(corpus(s), {"time", "support", "family"}, 4);
  EXPECT_EQ(m.codebook_version, 4);
  ASSERT_EQ(m.themes.size(), 3u);
  const auto& family = m.themes[2];
  ASSERT_TRUE(family.trained);
  EXPECT_EQ(family.positives, 7u);
  EXPECT_EQ(family.negatives, 14u);
  const auto yes = example(s, "The children and parents were at home", {}).x;
  const auto no = example(s, "The office form was replaced", {}).x;
  EXPECT_GT(probability(family, yes), 0.5);
  EXPECT_LT(probability(family, no), 0.5);
  EXPECT_GT(probability(family, yes), probability(family, no) + 0.2);
}

TEST(Train, ThemesWithTooFewExamplesStayUntrained) {
  const Suggester s(test::small_codebook());
  auto data = corpus(s);
  data.push_back(example(s, "Help was offered", {"support"}));  // one example only
  const auto m = train_theme_model(data, {"time", "support", "family"}, 1);
  EXPECT_TRUE(m.themes[0].trained);
  EXPECT_FALSE(m.themes[1].trained);
  EXPECT_EQ(m.themes[1].positives, 1u);
  EXPECT_TRUE(m.themes[1].weights.empty());
}

TEST(Train, NoExamplesAtAllIsNoCrash) {
  const auto m = train_theme_model({}, {"time", "family"}, 1);
  ASSERT_EQ(m.themes.size(), 2u);
  EXPECT_FALSE(m.themes[0].trained);
  EXPECT_FALSE(m.themes[1].trained);
}

TEST(Train, OnlyPositivesIsNoCrash) {
  const Suggester s(test::small_codebook());
  std::vector<Example> all;
  for (int i = 0; i < 6; ++i) all.push_back(example(s, "The caseload is high", {"time"}));
  const auto m = train_theme_model(all, {"time"}, 1);
  EXPECT_FALSE(m.themes[0].trained);  // nothing to tell it from
}

TEST(Blend, ColdStartFallsBackToIndicators) {
  ThemeWeights cold{"support", 2, 30, false, 0, {}};
  EXPECT_EQ(model_share(&cold), 0);
  EXPECT_EQ(model_share(nullptr), 0);
  EXPECT_DOUBLE_EQ(blend(&cold, 0.99, 0.5), 0.5);
  EXPECT_TRUE(suggests(&cold, 0.5, 0.5));
  EXPECT_FALSE(suggests(&cold, 0.9, 0));  // no indicator, no learned theme: nothing
}

TEST(Blend, TheModelsShareGrowsWithItsExamples) {
  ThemeWeights few{"t", 5, 30, true, 0, {}}, many{"t", 45, 30, true, 0, {}};
  EXPECT_DOUBLE_EQ(model_share(&few), 0.5);
  EXPECT_DOUBLE_EQ(model_share(&many), 0.9);
  EXPECT_DOUBLE_EQ(blend(&few, 1.0, 0.0), 0.5);
  EXPECT_DOUBLE_EQ(blend(&many, 0.0, 1.0), 0.1);
  EXPECT_TRUE(suggests(&many, 0.6, 0));     // learned, no indicator needed
  EXPECT_FALSE(suggests(&many, 0.3, 0.5));  // learned: an indicator alone is not enough
}

TEST(BlendedSuggester, KeepsEvidenceAndNamesTheModel) {
  const auto cb = test::small_codebook();
  const Suggester s(cb);
  auto m = std::make_shared<ThemeModel>(
      train_theme_model(larger_corpus(s), {"time", "support", "family"}, 1));
  m->version = 3;
  const BlendedSuggester b(s, m);
  EXPECT_EQ(b.model_name(), "learned-v3");
  const std::string text = "The caseload is high. Parents and children came. Help arrived.";
  const std::vector<SegmentInput> segs{{{SegmentKind::sentence, {0, 21}}, "other"},
                                       {{SegmentKind::sentence, {22, 48}}, "other"},
                                       {{SegmentKind::sentence, {49, 62}}, "other"}};
  const auto out = b.suggest(text, Language::en, segs);
  bool time = false, family = false, support = false;
  for (const auto& x : out) {
    if (x.theme_id == "time" && x.span.start == 0) {
      time = true;
      EXPECT_EQ(x.model, "learned-v3");
      ASSERT_FALSE(x.evidence.empty());
      EXPECT_EQ(x.evidence[0].phrase, "caseload");
    }
    if (x.theme_id == "family" && x.span.start == 22) {
      family = true;
      EXPECT_TRUE(x.evidence.empty());  // learned from coding, no indicator words
    }
    if (x.theme_id == "support") {
      support = true;
      EXPECT_EQ(x.model, kIndicatorModel);  // untrained: the indicators made it
    }
  }
  EXPECT_TRUE(time);
  EXPECT_TRUE(family);
  EXPECT_TRUE(support);
}

TEST(BlendedSuggester, WithoutAModelItIsTheIndicators) {
  const auto cb = test::small_codebook();
  const Suggester s(cb);
  const BlendedSuggester b(s, nullptr);
  EXPECT_EQ(b.model_name(), kIndicatorModel);
  const std::string text = "The caseload is high.";
  const auto out = b.suggest(text, Language::en, {{{SegmentKind::sentence, {0, 21}}, ""}});
  const auto plain = s.suggest(text, Language::en, {{SegmentKind::sentence, {0, 21}}});
  ASSERT_EQ(out.size(), plain.size());
  EXPECT_EQ(out[0].score, plain[0].score);
  EXPECT_EQ(out[0].model, kIndicatorModel);
}

}  // namespace
}  // namespace sgwrs::analysis::learn
