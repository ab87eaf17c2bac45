// Name folding for search, and the word-level diff of story versions.
#include <gtest/gtest.h>

#include "domain/record/name_search.hpp"
#include "domain/record/story.hpp"

namespace sgwrs {
namespace {

TEST(NameSearch, FoldsCaseAccentsAndWelshDiacritics) {
  EXPECT_EQ(folded_words("Siôn Llŷr-PRYS"), (std::vector<std::string>{"sion", "llyr", "prys"}));
  EXPECT_EQ(folded_words("Gwenllïan  Ŵyn"), (std::vector<std::string>{"gwenllian", "wyn"}));
  // Decomposed input (e + combining acute) folds the same as composed.
  EXPECT_EQ(folded_words("Rene\xCC\x81"), folded_words("René"));
  EXPECT_TRUE(folded_words("  - ' ").empty());
  EXPECT_TRUE(folded_words("bad \xFF").empty());
}

TEST(NameSearch, APersonIsFoundByEveryNameAndByNamesJoined) {
  Person p;
  p.given_name = "Siân";
  p.family_name = "O'Brien-Hughes";
  p.preferred_name = "Sia";
  EXPECT_EQ(name_keys(p),
            (std::vector<std::string>{"brien", "hughes", "o", "obrienhughes", "sia", "sian"}));
}

std::string render(const std::vector<DiffPiece>& pieces) {
  std::string out;
  for (const auto& p : pieces)
    out +=
        p.run == DiffRun::kept ? p.text : (p.run == DiffRun::inserted ? "[+" : "[-") + p.text + "]";
  return out;
}

TEST(WordDiff, MarksWordsAddedAndTakenOutAndRebuildsBothTexts) {
  const std::string before = "Siôn works days. The children walk to school.";
  const std::string after = "Siôn works nights. The children walk to school with Nain.";
  const auto d = word_diff(before, after);
  EXPECT_EQ(render(d),
            "Siôn works [-days.][+nights.] The children walk to [-school.][+school with Nain.]");
  std::string old_text, new_text;
  for (const auto& p : d) {
    if (p.run != DiffRun::inserted) old_text += p.text;
    if (p.run != DiffRun::deleted) new_text += p.text;
  }
  EXPECT_EQ(old_text, before);
  EXPECT_EQ(new_text, after);
  EXPECT_TRUE(word_diff("", "").empty());
  EXPECT_EQ(render(word_diff("", "New story")), "[+New story]");
}

}  // namespace
}  // namespace sgwrs

namespace sgwrs {
namespace {

// What the story page shows when a sentence is replaced at the end: one run taken out and
// one put in, not a run per word.
TEST(WordDiff, AReplacedSentenceIsOneRunEachWay) {
  const auto d = word_diff("They moved in 2022.\n\nMae Nain yn symud atyn nhw.",
                           "They moved in 2022. The manager adds this at the same time.");
  std::vector<std::string> runs;
  for (const auto& p : d)
    runs.push_back(std::string(p.run == DiffRun::kept       ? "="
                               : p.run == DiffRun::inserted ? "+"
                                                            : "-") +
                   p.text);
  EXPECT_EQ(runs,
            (std::vector<std::string>{"=They moved in 2022.", "-\n\nMae Nain yn symud atyn nhw.",
                                      "+ The manager adds this at the same time."}));
}

}  // namespace
}  // namespace sgwrs
