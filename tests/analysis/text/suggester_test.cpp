#include "analysis/text/suggester.hpp"

#include <algorithm>
#include <cmath>
#include <thread>

#include <gtest/gtest.h>

#include "analysis/text/segment.hpp"
#include "text_test_util.hpp"

namespace sgwrs::analysis {
namespace {

using test::cut;

ThemeDef theme(std::string id, std::vector<Indicator> indicators) {
  ThemeDef t;
  t.id = std::move(id);
  t.name_en = t.id;
  t.name_cy = t.id;
  t.indicators = std::move(indicators);
  return t;
}

Codebook small_codebook() {
  Codebook c;
  c.name = "test";
  c.themes.push_back(theme("time", {{"time", Language::en},
                                    {"no time", Language::en},
                                    {"lack of time", Language::en},
                                    {"caseload", Language::en, 1.5},
                                    {"admin", Language::en},
                                    {"amser", Language::cy},
                                    {"dim amser", Language::cy}}));
  c.themes.push_back(theme(
      "reflect",
      {{"reflective space", Language::en}, {"debrief", Language::en}, {"myfyrio", Language::cy}}));
  c.themes.push_back(theme("family", {{"plant", Language::cy},
                                      {"cefnogaeth", Language::cy},
                                      {"gweithwyr", Language::cy},
                                      {"bod yn deulu", Language::cy}}));
  return c;
}

// The suggestions for one sentence: treat the whole text as one sentence segment.
std::vector<Suggestion> on_sentence(const Suggester& s, std::string_view text, Language lang) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return s.suggest(text, lang, {Segment{SegmentKind::sentence, {0, n}}});
}

const Suggestion* find(const std::vector<Suggestion>& v, std::string_view theme) {
  auto it =
      std::find_if(v.begin(), v.end(), [&](const Suggestion& s) { return s.theme_id == theme; });
  return it == v.end() ? nullptr : &*it;
}

std::vector<std::string> evidence_texts(std::string_view text, const Suggestion& s) {
  std::vector<std::string> out;
  for (const Evidence& e : s.evidence)
    out.push_back(cut(text, e.span) + (e.negated ? " (negated)" : ""));
  return out;
}

TEST(Suggester, MatchesStemsAndPhrasesInOrder) {
  Suggester s(small_codebook());
  std::string text = "Caseloads are rising and there is no time.";
  auto out = on_sentence(s, text, Language::en);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].theme_id, "time");
  // "time" sits inside "no time" for the same theme, so only the phrase is evidence.
  EXPECT_EQ(evidence_texts(text, out[0]), (std::vector<std::string>{"Caseloads", "no time"}));
  EXPECT_EQ(out[0].evidence[0].span, (Span{0, 9}));
  EXPECT_EQ(out[0].evidence[1].span, (Span{34, 41}));
  EXPECT_EQ(out[0].evidence[0].phrase, "caseload");
  // S = 1.5 + 1 = 2.5; score = 1 - 2^-2.5.
  EXPECT_NEAR(out[0].score, 1 - std::pow(2.0, -2.5), 1e-12);

  // Words out of order, or split by a sentence end, are not the phrase.
  auto reversed = on_sentence(s, "Time? No.", Language::en);
  ASSERT_EQ(reversed.size(), 1u);
  EXPECT_EQ(evidence_texts("Time? No.", reversed[0]), (std::vector<std::string>{"Time"}));
  EXPECT_TRUE(on_sentence(s, "Reflective. Space.", Language::en).empty());
}

TEST(Suggester, ScoreHasDiminishingReturnsAndRepeatsDoNotCount) {
  Suggester s(small_codebook());
  EXPECT_DOUBLE_EQ(on_sentence(s, "Admin.", Language::en)[0].score, 0.5);
  EXPECT_DOUBLE_EQ(on_sentence(s, "Admin and more admin, admin.", Language::en)[0].score, 0.5);
  EXPECT_DOUBLE_EQ(on_sentence(s, "Admin takes our time.", Language::en)[0].score, 0.75);
  EXPECT_DOUBLE_EQ(on_sentence(s, "Admin, time and a caseload.", Language::en)[0].score,
                   1 - std::pow(2.0, -3.5));
}

TEST(Suggester, NegatorWithinThreeWordsNegatesEvidence) {
  Suggester s(small_codebook());
  EXPECT_TRUE(on_sentence(s, "We do not have a reflective space.", Language::en).empty());
  EXPECT_TRUE(on_sentence(s, "There isn't any debrief.", Language::en).empty());
  EXPECT_TRUE(on_sentence(s, "Never a proper debrief.", Language::en).empty());
  // Negated evidence is listed, marked, when something else carries the theme.
  std::string text = "Admin grows and we never get a debrief or time.";
  auto out = on_sentence(s, text, Language::en);
  const Suggestion* time = find(out, "time");
  ASSERT_NE(time, nullptr);
  EXPECT_EQ(evidence_texts(text, *time), (std::vector<std::string>{"Admin", "time"}));
  EXPECT_EQ(find(out, "reflect"), nullptr);  // "never get a debrief": negated
  // Four words back is out of reach.
  EXPECT_EQ(on_sentence(s, "No help with the new debrief.", Language::en).size(), 1u);
}

TEST(Suggester, NegationStopsAtClauseBreaksAndBut) {
  Suggester s(small_codebook());
  EXPECT_EQ(on_sentence(s, "No, the debrief works.", Language::en).size(), 1u);
  EXPECT_EQ(on_sentence(s, "Not perfect but debrief helps.", Language::en).size(), 1u);
}

TEST(Suggester, DeniedAbsenceDoesNotCount) {
  Suggester s(small_codebook());
  // An absence stated: counts, with the phrase as evidence.
  std::string lack = "There is a lack of time.";
  auto out = on_sentence(s, lack, Language::en);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(evidence_texts(lack, out[0]), (std::vector<std::string>{"lack of time"}));
  // The absence denied: "not a lack of time" is not evidence of a time problem, and the
  // "time" inside it is not counted on its own.
  std::string denied = "It is not a lack of time.";
  EXPECT_TRUE(on_sentence(s, denied, Language::en).empty());
  auto matches = s.find_matches(denied, Language::en);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_TRUE(matches[0].negated);
  EXPECT_EQ(cut(denied, matches[0].span), "lack of time");
  // The denial four words before the absence phrase still reaches it.
  EXPECT_TRUE(on_sentence(s, "It is not that there is no time.", Language::en).empty());
  // ...but not across a clause break.
  EXPECT_EQ(on_sentence(s, "It is not fair; there is no time.", Language::en).size(), 1u);
}

TEST(Suggester, WelshMutatedFormsMatchRadicalIndicators) {
  Suggester s(small_codebook());
  for (std::string text :
       {"Mae ei blant yn hapus.", "Rydw i'n caru fy mhlant.", "Mae ei phlant hi'n hŷn."}) {
    auto out = on_sentence(s, text, Language::cy);
    ASSERT_EQ(out.size(), 1u) << text;
    EXPECT_EQ(out[0].theme_id, "family");
    EXPECT_EQ(out[0].evidence[0].phrase, "plant");
  }
  std::string text = "Rydyn ni'n rhoi ein cefnogaeth, ei gefnogaeth a'u nghefnogaeth i weithwyr.";
  auto out = on_sentence(s, text, Language::cy);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(evidence_texts(text, out[0]),
            (std::vector<std::string>{"cefnogaeth", "gefnogaeth", "nghefnogaeth", "weithwyr"}));
  // Two distinct indicators (repeats of cefnogaeth do not add): 1 - 2^-2.
  EXPECT_DOUBLE_EQ(out[0].score, 0.75);
  // A phrase whose later word is mutated in the text: "bod yn deulu".
  EXPECT_EQ(on_sentence(s, "Mae bod yn deulu yn bwysig.", Language::cy).size(), 1u);
  // Welsh indicators do not fire on English text, nor English on Welsh.
  EXPECT_TRUE(on_sentence(s, "The plant grew.", Language::en).empty());
  EXPECT_TRUE(on_sentence(s, "Admin.", Language::cy).empty());
}

TEST(Suggester, WelshNegation) {
  Suggester s(small_codebook());
  // "dim amser" names an absence and counts; the "amser" inside it is not counted again.
  std::string text = "Does dim amser gyda ni.";
  auto out = on_sentence(s, text, Language::cy);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(evidence_texts(text, out[0]), (std::vector<std::string>{"dim amser"}));
  // "Dydyn ni ddim yn myfyrio": negated.
  EXPECT_TRUE(on_sentence(s, "Dydyn ni ddim yn myfyrio.", Language::cy).empty());
  EXPECT_TRUE(on_sentence(s, "Heb fyfyrio.", Language::cy).empty());
  EXPECT_EQ(on_sentence(s, "Rydyn ni'n myfyrio bob wythnos.", Language::cy).size(), 1u);
}

TEST(Suggester, SuggestsForEverySentenceAndParagraph) {
  Suggester s(small_codebook());
  std::string text = "Admin is heavy. We debrief weekly.\n\nNothing else.";
  auto out = s.suggest(text, Language::en);
  // Paragraph 1: time + reflect; its sentences: time, reflect; paragraph 2: nothing.
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0].kind, SegmentKind::paragraph);
  EXPECT_EQ(out[0].span, (Span{0, 34}));
  EXPECT_EQ(out[2].kind, SegmentKind::sentence);
  EXPECT_EQ(out[2].theme_id, "time");
  EXPECT_EQ(out[2].span, (Span{0, 15}));
  EXPECT_EQ(out[3].theme_id, "reflect");
  EXPECT_EQ(out[3].span, (Span{16, 34}));
  EXPECT_EQ(cut(text, out[3].evidence[0].span), "debrief");
  for (const Suggestion& x : out) {
    EXPECT_GT(x.score, 0);
    EXPECT_LE(x.score, 1);
  }
}

TEST(Suggester, EmptyInputsGiveNothing) {
  Suggester s(small_codebook());
  EXPECT_TRUE(s.suggest("", Language::en).empty());
  EXPECT_TRUE(s.suggest("Admin.", Language::en, {}).empty());
  Codebook english_only;
  english_only.name = "x";
  english_only.themes.push_back(theme("t", {{"admin", Language::en}}));
  EXPECT_TRUE(Suggester(english_only).suggest("Admin ac amser.", Language::cy).empty());
  EXPECT_TRUE(Suggester(Codebook{}).suggest("Admin.", Language::en).empty());
}

TEST(Suggester, EachSuggesterKeepsItsOwnWordCache) {
  // Text words are cached per thread with the ids they resolved to; two Suggesters on one
  // thread, used in turn, must never read each other's ids (the same words mean other
  // themes in another codebook).
  Codebook other;
  other.name = "other";
  other.themes.push_back(theme("reflect", {{"debrief", Language::en}}));
  other.themes.push_back(
      theme("workload", {{"caseload", Language::en}, {"no time", Language::en}}));
  const std::string text = "Caseloads are rising and there is no time. We debrief weekly.";
  for (int round = 0; round < 2; ++round) {
    Suggester first(small_codebook());
    Suggester second(other);
    auto a = on_sentence(first, text, Language::en);
    auto b = on_sentence(second, text, Language::en);
    ASSERT_TRUE(find(a, "time") && find(a, "reflect")) << round;
    EXPECT_EQ(evidence_texts(text, *find(a, "time")),
              (std::vector<std::string>{"Caseloads", "no time"}));
    ASSERT_TRUE(find(b, "workload") && find(b, "reflect")) << round;
    EXPECT_EQ(find(b, "time"), nullptr);
    EXPECT_EQ(evidence_texts(text, *find(b, "workload")),
              (std::vector<std::string>{"Caseloads", "no time"}));
    EXPECT_EQ(evidence_texts(text, *find(b, "reflect")), (std::vector<std::string>{"debrief"}));
  }
}

TEST(Suggester, SameResultsFromSeveralThreads) {
  // The tokeniser's ICU iterators and stem cache are per thread; a shared Suggester must
  // give every thread the same answer.
  Suggester s(small_codebook());
  std::string text =
      "Caseloads are rising and there is no time. We debrief on Fridays.\n\n"
      "Mae ei blant yn cael cefnogaeth.";
  auto expected_en = s.suggest(text, Language::en);
  auto expected_cy = s.suggest(text, Language::cy);
  auto same = [](const std::vector<Suggestion>& a, const std::vector<Suggestion>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i].theme_id != b[i].theme_id || a[i].span != b[i].span || a[i].score != b[i].score ||
          a[i].evidence.size() != b[i].evidence.size())
        return false;
    return true;
  };
  std::vector<int> ok(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      int good = 0;
      for (int i = 0; i < 200; ++i)
        good += same(s.suggest(text, Language::en), expected_en) &&
                same(s.suggest(text, Language::cy), expected_cy);
      ok[t] = good;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok, (std::vector<int>{200, 200, 200, 200}));
  EXPECT_FALSE(expected_en.empty());
  EXPECT_FALSE(expected_cy.empty());
}

// ---- the default codebook on realistic sentences --------------------------------------

class DefaultCodebookSuggestions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = load_codebook_file(std::string(SGWRS_SOURCE_DIR) + "/data/codebook/default.json");
    ASSERT_TRUE(r) << r.error().detail;
    suggester_ = new Suggester(*r);
  }
  static void TearDownTestSuite() {
    delete suggester_;
    suggester_ = nullptr;
  }
  static std::vector<std::string> themes(std::string_view text, Language lang) {
    std::vector<std::string> out;
    for (const Suggestion& s : on_sentence(*suggester_, text, lang)) out.emplace_back(s.theme_id);
    std::sort(out.begin(), out.end());
    return out;
  }
  static Suggester* suggester_;
};
Suggester* DefaultCodebookSuggestions::suggester_ = nullptr;

TEST_F(DefaultCodebookSuggestions, English) {
  using V = std::vector<std::string>;
  EXPECT_EQ(
      themes("Our caseloads are so high that there is no time for proper visits.", Language::en),
      (V{"time-and-capacity"}));
  EXPECT_EQ(themes("Supervision has become a tick box exercise focused on performance targets.",
                   Language::en),
            (V{"supervision", "systems-and-processes"}));
  EXPECT_EQ(themes("Having a mentor in the team and peer support keeps us going.", Language::en),
            (V{"mentoring"}));
  EXPECT_EQ(themes("Families are opening up and meetings feel less hostile.", Language::en),
            (V{"engagement-and-trust"}));
  EXPECT_EQ(themes("Senior leaders need to protect time for reflective practice.", Language::en),
            (V{"leadership", "reflective-practice", "time-and-capacity"}));
  EXPECT_EQ(
      themes("It is not that there is no time; it is that we do not use it well.", Language::en),
      V{});
  std::string text = "We are exhausted and can't switch off at night.";
  auto out = on_sentence(*suggester_, text, Language::en);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].theme_id, "burnout-and-wellbeing");
  EXPECT_EQ(evidence_texts(text, out[0]),
            (std::vector<std::string>{"exhausted", "can't switch off"}));
}

TEST_F(DefaultCodebookSuggestions, Welsh) {
  using V = std::vector<std::string>;
  EXPECT_EQ(themes("Mae llwyth achosion y gweithwyr yn rhy uchel.", Language::cy),
            (V{"time-and-capacity"}));
  EXPECT_EQ(themes("Does dim digon o amser i fyfyrio.", Language::cy), (V{"time-and-capacity"}));
  EXPECT_EQ(themes("Mae ein mentoriaid a'r hyrwyddwyr yn ein helpu bob wythnos.", Language::cy),
            (V{"mentoring"}));
  std::string text = "Mae'r oruchwyliaeth yn canolbwyntio ar dasgau yn unig.";
  auto out = on_sentence(*suggester_, text, Language::cy);
  const Suggestion* sup = find(out, "supervision");
  ASSERT_NE(sup, nullptr);
  EXPECT_EQ(evidence_texts(text, *sup),
            (std::vector<std::string>{"oruchwyliaeth", "canolbwyntio ar dasgau"}));
  EXPECT_EQ(sup->evidence[0].span, (Span{6, 19}));
  EXPECT_EQ(themes("Mae'r teuluoedd yn ymddiried ynom ni nawr ac yn agor i fyny.", Language::cy),
            (V{"engagement-and-trust"}));
}

}  // namespace
}  // namespace sgwrs::analysis
