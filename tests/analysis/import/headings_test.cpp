// Recognising the four headings and splitting a report under them, with code point offsets.
#include <gtest/gtest.h>

#include <unicode/unistr.h>

#include "analysis/import/headings.hpp"
#include "domain/core/validation.hpp"

namespace sgwrs::analysis {
namespace {

// The body text of a section, cut from the report by its code point span.
std::string body_of(const ParsedReport& r, const Section& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(r.text);
  // Offsets are code points, so count through code points, not UTF-16 units.
  const int32_t start = u.moveIndex32(0, static_cast<int32_t>(s.body.start));
  const int32_t end = u.moveIndex32(0, static_cast<int32_t>(s.body.end));
  std::string out;
  u.tempSubStringBetween(start, end).toUTF8String(out);
  return out;
}

TEST(Headings, EnglishVariants) {
  for (const char* line :
       {"What is working well", "What's working well?", "WHAT\u2019S WORKING WELL?", "Working well",
        "What works well:", "1. What is working well", "## What is working well",
        "**What is working well?**", "Q1: What's working well?", "a) Working well",
        "  What is working well  "})
    EXPECT_EQ(classify_heading_line(line), Heading::working_well) << line;
  for (const char* line : {"What gets in the way", "What gets in the way?", "Barriers",
                           "Challenges:", "2) Barriers and challenges", "What isn't working well"})
    EXPECT_EQ(classify_heading_line(line), Heading::getting_in_the_way) << line;
  for (const char* line : {"What would make a difference", "What would make a difference?",
                           "What would help", "3 \u2013 What would help?"})
    EXPECT_EQ(classify_heading_line(line), Heading::make_a_difference) << line;
  for (const char* line : {"What leaders need to understand", "Messages for leaders",
                           "What do leaders need to know?", "4. Messages for leaders:"})
    EXPECT_EQ(classify_heading_line(line), Heading::leaders_understand) << line;
}

TEST(Headings, WelshVariants) {
  for (const char* line : {"Beth sy'n gweithio'n dda", "Beth sy\u2019n gweithio\u2019n dda?",
                           "Beth sydd yn gweithio yn dda", "BETH SY'N GWEITHIO'N DDA"})
    EXPECT_EQ(classify_heading_line(line), Heading::working_well) << line;
  for (const char* line :
       {"Beth sy'n rhwystro", "Beth sy'n rhwystro?", "Beth sy'n mynd yn y ffordd", "Rhwystrau"})
    EXPECT_EQ(classify_heading_line(line), Heading::getting_in_the_way) << line;
  for (const char* line :
       {"Beth fyddai'n gwneud gwahaniaeth", "Beth fyddai\u2019n gwneud gwahaniaeth?"})
    EXPECT_EQ(classify_heading_line(line), Heading::make_a_difference) << line;
  for (const char* line : {"Beth mae angen i arweinwyr ei ddeall", "3. Negeseuon i arweinwyr"})
    EXPECT_EQ(classify_heading_line(line), Heading::leaders_understand) << line;
  // A bilingual heading line.
  EXPECT_EQ(classify_heading_line("What is working well? / Beth sy'n gweithio'n dda?"),
            Heading::working_well);
  // Halves that disagree are not one heading.
  EXPECT_EQ(classify_heading_line("Working well / Barriers"), std::nullopt);
}

TEST(Headings, OrdinaryTextIsNotAHeading) {
  for (const char* line :
       {"Working well with partners has helped us a lot.", "What is working well is supervision",
        "Barriers to this include caseloads and the office culture",
        "The team said:", "We need time.", "", "NHS"})
    EXPECT_EQ(classify_heading_line(line), std::nullopt) << line;
  // Headings that are not one of the four are "other".
  EXPECT_EQ(classify_heading_line("Introduction"), Heading::other);
  EXPECT_EQ(classify_heading_line("# Attendees"), Heading::other);
  EXPECT_EQ(classify_heading_line("NEXT STEPS"), Heading::other);
  EXPECT_EQ(classify_heading_line("Camau nesaf:"), Heading::other);
}

TEST(Headings, SplitsUnderHeadingsWithCodePointOffsets) {
  // Multi-byte letters before and inside bodies: ŵ and ŷ are 2 bytes, ’ is 3, 😀 is 4.
  const std::string text =
      "Gr\u0175p \U0001F600 Caerdydd\n"  // code points 0-14, \n at 15
      "\n"                               // 16
      "What\u2019s working well?\n"      // 17-36, \n at 37
      "T\u00eem \u0175yr.\n"             // 38-45, \n at 46
      "\n"                               // 47
      "Beth sy'n rhwystro\n"             // 48-65, \n at 66
      "Dim amser \u0177d.\n"             // 67-79, \n at 80
      "Introduction\n"                   // 81-92, \n at 93
      "Stray text\n";                    // 94-103, \n at 104                           // 96..106
  const ParsedReport r = split_headings(text);
  EXPECT_EQ(r.text, text);
  ASSERT_EQ(r.sections.size(), 4u);

  EXPECT_EQ(r.sections[0].heading, Heading::other);
  EXPECT_EQ(r.sections[0].heading_text, "");
  EXPECT_EQ(r.sections[0].body, (Span{0, 15}));
  EXPECT_EQ(body_of(r, r.sections[0]), "Gr\u0175p \U0001F600 Caerdydd");

  EXPECT_EQ(r.sections[1].heading, Heading::working_well);
  EXPECT_EQ(r.sections[1].heading_text, "What\u2019s working well?");
  EXPECT_EQ(r.sections[1].body, (Span{38, 46}));
  EXPECT_EQ(body_of(r, r.sections[1]), "T\u00eem \u0175yr.");

  EXPECT_EQ(r.sections[2].heading, Heading::getting_in_the_way);
  EXPECT_EQ(r.sections[2].body, (Span{67, 80}));
  EXPECT_EQ(body_of(r, r.sections[2]), "Dim amser \u0177d.");

  EXPECT_EQ(r.sections[3].heading, Heading::other);
  EXPECT_EQ(r.sections[3].heading_text, "Introduction");
  EXPECT_EQ(body_of(r, r.sections[3]), "Stray text");
  EXPECT_EQ(r.sections[3].body, (Span{94, 104}));
  EXPECT_TRUE(has_recognised_heading(r));
}

TEST(Headings, HeadingsWithoutBlankLinesAndEmptySections) {
  // Word documents have no blank lines between paragraphs; an empty section stays.
  const ParsedReport r = split_headings(
      "What is working well\nMentors.\nWhat gets in the way\nWhat would help\nTime.");
  ASSERT_EQ(r.sections.size(), 3u);
  EXPECT_EQ(body_of(r, r.sections[0]), "Mentors.");
  EXPECT_EQ(r.sections[1].heading, Heading::getting_in_the_way);
  EXPECT_EQ(r.sections[1].body.start, r.sections[1].body.end);
  EXPECT_EQ(r.sections[1].body.start, 51u);  // where its body would start
  EXPECT_EQ(body_of(r, r.sections[2]), "Time.");
}

TEST(Headings, NoRecognisedHeadingIsOneOtherSection) {
  const ParsedReport r = split_headings("\n\nIntroduction\nWe met on Tuesday.\nIt went well.\n\n");
  ASSERT_EQ(r.sections.size(), 1u);
  EXPECT_EQ(r.sections[0].heading, Heading::other);
  EXPECT_EQ(r.sections[0].body, (Span{2, 47}));
  EXPECT_FALSE(has_recognised_heading(r));
  EXPECT_TRUE(split_headings("  \n ").sections.empty());
}

}  // namespace
}  // namespace sgwrs::analysis
