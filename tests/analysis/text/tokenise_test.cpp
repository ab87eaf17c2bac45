#include "analysis/text/tokenise.hpp"

#include <gtest/gtest.h>

#include "analysis/text/language.hpp"
#include "analysis/text/welsh_mutation.hpp"
#include "text_test_util.hpp"

namespace sgwrs::analysis {
namespace {

std::vector<std::string> surfaces(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.surface);
  return out;
}

std::vector<std::string> keys(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.key);
  return out;
}

TEST(Tokenise, WordsOnlyWithCodePointSpans) {
  std::string text = "Dŵr, 💧 and 24 CASELOADS… isn’t";
  auto tokens = tokenise(text, Language::en);
  EXPECT_EQ(surfaces(tokens),
            (std::vector<std::string>{"Dŵr", "and", "CASELOADS", "isn’t"}));  // no number
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].span, (Span{0, 3}));
  EXPECT_EQ(tokens[1].span, (Span{7, 10}));
  EXPECT_EQ(tokens[2].span, (Span{14, 23}));
  EXPECT_EQ(tokens[3].span, (Span{25, 30}));
  for (const Token& t : tokens) EXPECT_EQ(test::cut(text, t.span), t.surface);
}

TEST(Tokenise, EnglishKeysAreFoldedSnowballStems) {
  auto tokens = tokenise("Working worked WORKS work", Language::en);
  EXPECT_EQ(keys(tokens), (std::vector<std::string>{"work", "work", "work", "work"}));
  EXPECT_EQ(keys(tokenise("Caseloads caseload reflective reflection", Language::en)),
            (std::vector<std::string>{"caseload", "caseload", "reflect", "reflect"}));
  EXPECT_EQ(english_stem("listening"), "listen");
}

TEST(Tokenise, CaseFoldingAndApostrophesAreUnified) {
  EXPECT_EQ(fold_case("Isn’t"), "isn't");
  EXPECT_EQ(fold_case("ISNʼT"), "isn't");
  EXPECT_EQ(fold_case("Straße"), "strasse");  // full case folding, not just lower-casing
  EXPECT_EQ(fold_case("ŴYR"), "ŵyr");
  auto a = tokenise("don’t", Language::en);
  auto b = tokenise("DON'T", Language::en);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a[0].key, b[0].key);
}

TEST(Negator, ListedWordsAndContractions) {
  for (const char* w : {"not", "no", "never", "without", "cannot", "nid", "ddim", "heb", "dim",
                        "isn't", "don't", "can't"})
    EXPECT_TRUE(is_negator(w)) << w;
  for (const char* w : {"note", "know", "now", "n't", "time", "nothing"})
    EXPECT_FALSE(is_negator(w)) << w;
}

// ---- Welsh -----------------------------------------------------------------------------

std::string key_cy(std::string_view word) {
  return token_key(fold_case(word), Language::cy);
}

TEST(WelshKey, MutatedFormsShareTheRadicalsKey) {
  EXPECT_EQ(key_cy("gweithwyr"), key_cy("weithwyr"));
  EXPECT_EQ(key_cy("gweithwyr"), key_cy("ngweithwyr"));
  for (const char* w : {"blant", "mhlant", "phlant", "Plant"})
    EXPECT_EQ(key_cy(w), key_cy("plant")) << w;
  for (const char* w : {"gefnogaeth", "nghefnogaeth", "chefnogaeth"})
    EXPECT_EQ(key_cy(w), key_cy("cefnogaeth")) << w;
  for (const char* w : {"dîm", "nhîm", "thîm"}) EXPECT_EQ(key_cy(w), key_cy("tîm")) << w;
  for (const char* w : {"fam", "mam"}) EXPECT_EQ(key_cy(w), key_cy("mam")) << w;  // m -> f
  for (const char* w : {"feddwl", "meddwl"}) EXPECT_EQ(key_cy(w), key_cy("meddwl")) << w;
  for (const char* w : {"ddiwrnod", "niwrnod"}) EXPECT_EQ(key_cy(w), key_cy("diwrnod")) << w;
  EXPECT_EQ(key_cy("lwyth"), key_cy("llwyth"));    // ll -> l
  EXPECT_EQ(key_cy("reolwr"), key_cy("rheolwr"));  // rh -> r
  EXPECT_EQ(key_cy("hamser"), key_cy("amser"));    // h-prothesis
  EXPECT_EQ(key_cy("Tŷ"), key_cy("ty"));           // circumflex often omitted
  // Words with different radicals keep different keys.
  EXPECT_NE(key_cy("plant"), key_cy("cant"));
  EXPECT_NE(key_cy("gwaith"), key_cy("gwaed"));
  EXPECT_NE(key_cy("llyfr"), key_cy("ffyrdd"));
}

std::vector<std::string> candidates(std::string_view word) {
  WelshCandidates c;
  welsh_radical_candidates(fold_case(word), c);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < c.count; ++i) out.emplace_back(c[i]);
  return out;
}

TEST(WelshCandidates, ListTheWordAndEveryRadicalItCouldComeFrom) {
  using V = std::vector<std::string>;
  EXPECT_EQ(candidates("plant"), (V{"plant"}));
  EXPECT_EQ(candidates("blant"), (V{"blant", "plant"}));            // soft p
  EXPECT_EQ(candidates("mhlant"), (V{"mhlant", "plant"}));          // nasal p
  EXPECT_EQ(candidates("phlant"), (V{"phlant", "plant"}));          // aspirate p
  EXPECT_EQ(candidates("weithwyr"), (V{"weithwyr", "gweithwyr"}));  // soft g, dropped
  EXPECT_EQ(candidates("ngweithwyr"), (V{"ngweithwyr", "gweithwyr"}));
  EXPECT_EQ(candidates("gefnogaeth"), (V{"gefnogaeth", "cefnogaeth"}));
  EXPECT_EQ(candidates("nghefnogaeth"), (V{"nghefnogaeth", "cefnogaeth"}));
  EXPECT_EQ(candidates("chefnogaeth"), (V{"chefnogaeth", "cefnogaeth"}));
  // f is soft b or soft m: both are candidates.
  EXPECT_EQ(candidates("fod"), (V{"fod", "bod", "mod"}));
  EXPECT_EQ(candidates("ddim"), (V{"ddim", "dim"}));
  EXPECT_EQ(candidates("dîm"), (V{"dim", "tim"}));  // diacritics dropped
  EXPECT_EQ(candidates("nhîm"), (V{"nhim", "tim"}));
  EXPECT_EQ(candidates("lwyth"), (V{"lwyth", "llwyth", "glwyth"}));
  EXPECT_EQ(candidates("reolwyr"), (V{"reolwyr", "rheolwyr", "greolwyr"}));
  EXPECT_EQ(candidates("hamser"), (V{"hamser", "amser"}));
  EXPECT_EQ(candidates("llwyth"), (V{"llwyth"}));  // ll, rh, ff are radical only
  EXPECT_EQ(candidates("ffurflen"), (V{"ffurflen"}));
}

TEST(WelshTokenise, KeysOnRealSentence) {
  auto tokens = tokenise("Mae'r gweithwyr yn teimlo bod ein gweithwyr ni'n brysur", Language::cy);
  ASSERT_EQ(tokens.size(), 9u);
  EXPECT_EQ(tokens[0].surface, "Mae'r");
  EXPECT_EQ(tokens[1].key, tokens[6].key);
  EXPECT_EQ(tokens[1].key, key_cy("weithwyr"));
}

TEST(Language, WelshAndEnglishByFunctionWords) {
  EXPECT_EQ(detect_language("Mae'r gweithwyr yn teimlo nad oes ganddyn nhw ddigon o amser."),
            Language::cy);
  EXPECT_EQ(detect_language("Dydyn ni ddim yn cael amser i fyfyrio gyda'n gilydd."), Language::cy);
  EXPECT_EQ(detect_language("The workers feel that they do not have enough time."), Language::en);
  EXPECT_EQ(detect_language("Supervision is a tick-box exercise and there is no time for it."),
            Language::en);
  EXPECT_EQ(detect_language(""), Language::en);
  EXPECT_EQ(detect_language("💧 42"), Language::en);
}

}  // namespace
}  // namespace sgwrs::analysis
