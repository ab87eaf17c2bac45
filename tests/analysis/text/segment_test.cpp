#include "analysis/text/segment.hpp"

#include <gtest/gtest.h>

#include "text_test_util.hpp"

namespace sgwrs::analysis {
namespace {

using test::cut;

std::vector<std::string> texts_of(std::string_view text, const std::vector<Segment>& segs,
                                  SegmentKind kind) {
  std::vector<std::string> out;
  for (const Segment& s : segs)
    if (s.kind == kind) out.push_back(cut(text, s.span));
  return out;
}

TEST(Segment, ParagraphsSplitOnBlankLinesAndSentencesInside) {
  std::string text =
      "  Caseloads are too high. We have no time to reflect!\n\n"
      "Supervision helps. Does it?\n";
  auto segs = segment(text);
  EXPECT_EQ(texts_of(text, segs, SegmentKind::paragraph),
            (std::vector<std::string>{"Caseloads are too high. We have no time to reflect!",
                                      "Supervision helps. Does it?"}));
  EXPECT_EQ(texts_of(text, segs, SegmentKind::sentence),
            (std::vector<std::string>{"Caseloads are too high.", "We have no time to reflect!",
                                      "Supervision helps.", "Does it?"}));
  // Each paragraph comes before its own sentences.
  ASSERT_EQ(segs.size(), 6u);
  EXPECT_EQ(segs[0].kind, SegmentKind::paragraph);
  EXPECT_EQ(segs[1].kind, SegmentKind::sentence);
  EXPECT_EQ(segs[3].kind, SegmentKind::paragraph);
  EXPECT_EQ(segs[0].span, (Span{2, 53}));  // two leading spaces trimmed
}

TEST(Segment, SingleLineBreaksAfterASentenceStartNewParagraphs) {
  std::string text = "Mentors are valued.\nChampions help too.\nNew line without stop\nAnother";
  EXPECT_EQ(texts_of(text, segment(text), SegmentKind::paragraph),
            (std::vector<std::string>{"Mentors are valued.", "Champions help too.",
                                      "New line without stop", "Another"}));
}

TEST(Segment, HardWrappedLinesContinueTheParagraphAndItsSentence) {
  std::string text = "We do not have the time we\nneed for visits. Managers know.";
  auto segs = segment(text);
  EXPECT_EQ(
      texts_of(text, segs, SegmentKind::paragraph),
      (std::vector<std::string>{"We do not have the time we\nneed for visits. Managers know."}));
  // The line break inside the sentence does not end it.
  EXPECT_EQ(
      texts_of(text, segs, SegmentKind::sentence),
      (std::vector<std::string>{"We do not have the time we\nneed for visits.", "Managers know."}));
}

TEST(Segment, BulletLinesAreParagraphsWithoutTheirMarkers) {
  std::string text =
      "What helps:\n- Time to reflect\n* Mentors. They listen.\n\xE2\x80\xA2 Peer support\n"
      "1. Whole-team training\n12) Protected time\n-not a bullet";
  auto segs = segment(text);
  EXPECT_EQ(texts_of(text, segs, SegmentKind::paragraph),
            (std::vector<std::string>{"What helps:", "Time to reflect", "Mentors. They listen.",
                                      "Peer support", "Whole-team training", "Protected time",
                                      "-not a bullet"}));
  EXPECT_EQ(texts_of(text, segs, SegmentKind::sentence),
            (std::vector<std::string>{"What helps:", "Time to reflect", "Mentors.", "They listen.",
                                      "Peer support", "Whole-team training", "Protected time",
                                      "-not a bullet"}));
}

TEST(Segment, OffsetsAreCodePointsWithWelshLettersAndEmoji) {
  // ŷ ŵ are two bytes each, the emoji four: offsets count each as one.
  std::string text = "Mae'r tŷ yn llawn. Dŵr 💧 ym mhobman!\n\nŴyr";
  auto segs = segment(text);
  ASSERT_EQ(segs.size(), 5u);
  EXPECT_EQ(segs[0].span, (Span{0, 36}));
  EXPECT_EQ(segs[1].span, (Span{0, 18}));
  EXPECT_EQ(segs[2].span, (Span{19, 36}));
  EXPECT_EQ(segs[3].span, (Span{38, 41}));
  EXPECT_EQ(cut(text, segs[2].span), "Dŵr 💧 ym mhobman!");
  EXPECT_EQ(cut(text, segs[4].span), "Ŵyr");
}

TEST(Segment, WithinLimitsToASpanAndKeepsTextOffsets) {
  std::string text = "Heading\nFirst body sentence. Second one.\n\nNext heading";
  // The body: code points 8..40 ("First body sentence. Second one.").
  auto segs = segment(text, Span{8, 40});
  ASSERT_EQ(segs.size(), 3u);
  EXPECT_EQ(segs[0].span, (Span{8, 40}));
  EXPECT_EQ(cut(text, segs[1].span), "First body sentence.");
  EXPECT_EQ(cut(text, segs[2].span), "Second one.");
  EXPECT_TRUE(segment(text, Span{5, 5}).empty());
}

TEST(Segment, NoEmptyOrPunctuationOnlySegments) {
  EXPECT_TRUE(segment("").empty());
  EXPECT_TRUE(segment("  \n\n \t\n").empty());
  EXPECT_TRUE(segment("- \n* \n...\n💧").empty());
  for (const Segment& s : segment("A.\n\n\n\nB ?  \n\n C")) EXPECT_LT(s.span.start, s.span.end);
}

}  // namespace
}  // namespace sgwrs::analysis
