// The fast word and sentence passes must find exactly ICU's boundaries: on chosen cases,
// on every sentence of the demo-like corpus, and on many random texts drawn from the
// characters they model (and a few they do not, which must send the text to ICU).
#include "analysis/text/boundaries.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include <unicode/utf8.h>

namespace sgwrs::analysis::detail {
namespace {

std::vector<std::string> words_of(std::string_view text, const std::vector<ByteSpan>& spans) {
  std::vector<std::string> out;
  for (const ByteSpan& s : spans) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

// Asserts that the fast passes handle `text` and agree with ICU on it.
void expect_same_as_icu(const std::string& text) {
  std::vector<ByteSpan> fast, icu;
  ASSERT_TRUE(fast_word_spans(text, fast)) << text;
  icu_word_spans(text, icu);
  EXPECT_EQ(words_of(text, fast), words_of(text, icu)) << text;
  std::vector<std::size_t> fast_ends, icu_ends;
  ASSERT_TRUE(fast_sentence_ends(text, fast_ends)) << text;
  icu_sentence_ends(text, icu_ends);
  EXPECT_EQ(fast_ends, icu_ends) << text;
}

// ICU reads "W06000015" as a number (its last join is digit to digit) and "10am" as a word.
TEST(Boundaries, WordsAreLettersJoinedByApostrophesAndFullStops) {
  const std::string text =
      "We don’t; isn't it? e.g. the U.K. team’s 10am plan: W06000015, "
      "1,000.50 a:b file_name x·y ŵyr Gwasanaethau’r — “Iawn” …";
  std::vector<ByteSpan> spans;
  ASSERT_TRUE(fast_word_spans(text, spans));
  EXPECT_EQ(words_of(text, spans),
            (std::vector<std::string>{"We", "don’t", "isn't", "it", "e.g", "the", "U.K", "team’s",
                                      "10am", "plan", "a", "b", "file_name", "x·y", "ŵyr",
                                      "Gwasanaethau’r", "Iawn"}));
  expect_same_as_icu(text);
}

TEST(Boundaries, SentenceRulesForAbbreviationsNumbersAndQuotes) {
  for (const std::string text : {
           "Mr. Smith came. He left.",           // SB7 does not apply: break after "Mr."
           "It cost 3.5 million. Then more.",    // SB6
           "See the U.S. Army report.",          // SB7
           "She said \"stop.\" Then she went.",  // SB9-11 with a closing quote
           "etc. and so on. Next!",              // SB8: a lower-case word continues
           "Really?! Yes. (Quite.) Done",        // STerm, SB8a, brackets
           "Wait... what? ok",                   // repeated full stops
           "First, then; second: third - end.", "Dim amser. Ond mae’r tîm yn gryf. “Diolch.” Hwyl",
           "No space.Next sentence.3 things", "  leading spaces. trailing   ",
           "one\u2029two. three",  // a paragraph separator inside
       })
    expect_same_as_icu(text);
}

TEST(Boundaries, CharactersOutsideTheTableGoToIcu) {
  std::vector<ByteSpan> spans;
  // A combining circumflex (NFD "ŵ"), a Hebrew letter, an emoji: not modelled.
  for (const std::string text : {"gw\u0302r", "shalom \u05E9", "good \U0001F600 news"}) {
    EXPECT_FALSE(fast_word_spans(text, spans)) << text;
    std::vector<std::size_t> ends;
    EXPECT_FALSE(fast_sentence_ends(text, ends)) << text;
    std::vector<ByteSpan> icu;
    word_spans(text, spans);
    icu_word_spans(text, icu);
    EXPECT_EQ(spans, icu) << text;
  }
  word_spans("gw\u0302r iawn", spans);
  EXPECT_EQ(words_of("gw\u0302r iawn", spans), (std::vector<std::string>{"gw\u0302r", "iawn"}));
}

std::string utf8(UChar32 c) {
  char buf[4];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, c);
  return std::string(buf, static_cast<std::size_t>(n));
}

// Random texts weighted towards what reports contain, with every character of the table's
// range possible.
std::string random_text(std::mt19937& g) {
  static const std::vector<std::string> common = {
      "a", "e", "t", "n", "s", "W", "T", "I", "y",      "w",  "ŵ",  "â",  "é", "Ŷ",  "ß", "0", "7",
      " ", " ", " ", ".", ".", ",", ";", ":", "'",      "’",  "‘",  "!",  "?", "\"", "“", "”", "(",
      ")", "-", "–", "—", "…", "•", "_", "·", "\u00A0", "\n", "\r", "\t", "@", "/",  "&", "%", "£"};
  std::uniform_int_distribution<int> length(0, 40);
  std::uniform_int_distribution<int> kind(0, 99);
  std::uniform_int_distribution<std::size_t> pick(0, common.size() - 1);
  std::uniform_int_distribution<UChar32> latin(0x20, 0x24F);
  std::uniform_int_distribution<UChar32> punctuation(0x2000, 0x206F);
  std::string out;
  for (int i = length(g); i > 0; --i) {
    const int k = kind(g);
    if (k < 80)
      out += common[pick(g)];
    else if (k < 95)
      out += utf8(latin(g));
    else
      out += utf8(punctuation(g));
  }
  return out;
}

TEST(Boundaries, FastPassesAgreeWithIcuOnRandomText) {
  std::mt19937 g(20261129);
  int handled_words = 0, handled_sentences = 0;
  const int cases = 200000;
  for (int i = 0; i < cases; ++i) {
    const std::string text = random_text(g);
    std::vector<ByteSpan> fast, icu;
    if (fast_word_spans(text, fast)) {
      ++handled_words;
      icu_word_spans(text, icu);
      ASSERT_EQ(words_of(text, fast), words_of(text, icu)) << "case " << i << ": " << text;
    }
    std::vector<std::size_t> fast_ends, icu_ends;
    if (fast_sentence_ends(text, fast_ends)) {
      ++handled_sentences;
      icu_sentence_ends(text, icu_ends);
      ASSERT_EQ(fast_ends, icu_ends) << "case " << i << ": " << text;
    }
  }
  // Most random texts stay inside the table; the few that do not went to ICU above.
  EXPECT_GT(handled_words, cases / 2);
  EXPECT_GT(handled_sentences, cases / 2);
}

}  // namespace
}  // namespace sgwrs::analysis::detail
