// Markdown keeps its words and loses the markup a reader does not see.
#include <gtest/gtest.h>

#include "analysis/import/extract.hpp"
#include "analysis/import/headings.hpp"
#include "analysis/import/markdown_text.hpp"

namespace sgwrs::analysis {
namespace {

TEST(Markdown, HeadingsBecomePlainLines) {
  EXPECT_EQ(markdown_to_plain_text("# What is working well\nText\n## Barriers ##\n"),
            "What is working well\nText\nBarriers\n");
  // Setext headings lose their underline; a thematic break becomes an empty line.
  EXPECT_EQ(markdown_to_plain_text("Working well\n============\nText\n\n---\nMore"),
            "Working well\nText\n\n\nMore");
  // "#hashtag" is not a heading.
  EXPECT_EQ(markdown_to_plain_text("#notaheading"), "#notaheading");
}

TEST(Markdown, EmphasisAndInlineMarkupAreRemoved) {
  EXPECT_EQ(markdown_to_plain_text("We **really** feel *heard* and __safe__, _mostly_."),
            "We really feel heard and safe, mostly.");
  EXPECT_EQ(markdown_to_plain_text("***both*** and ~~gone~~"), "both and gone");
  EXPECT_EQ(markdown_to_plain_text("See [the guide](https://example.org/x) and `code`"),
            "See the guide and code");
  EXPECT_EQ(markdown_to_plain_text("![a chart](c.png)"), "a chart");
  EXPECT_EQ(markdown_to_plain_text("a \\*literal\\* star"), "a *literal* star");
}

TEST(Markdown, MarkupLookalikesAreKept) {
  EXPECT_EQ(markdown_to_plain_text("2 * 3 = 6 and snake_case_name"),
            "2 * 3 = 6 and snake_case_name");
  EXPECT_EQ(markdown_to_plain_text("* a bullet\n- another\n1. numbered"),
            "* a bullet\n- another\n1. numbered");
  EXPECT_EQ(markdown_to_plain_text("an *unclosed star"), "an *unclosed star");
}

TEST(Markdown, ExtractedMarkdownSplitsUnderItsHeadings) {
  const auto r = extract_text("r.md",
                              "# Follow-up\n\n## What's working well?\nWe feel **heard**.\n\n"
                              "## Beth sy'n rhwystro?\nDim *amser*.\n",
                              {});
  ASSERT_TRUE(std::holds_alternative<ExtractedText>(r));
  const auto& text = std::get<ExtractedText>(r);
  EXPECT_EQ(text.format, "md");
  EXPECT_EQ(
      text.text,
      "Follow-up\n\nWhat's working well?\nWe feel heard.\n\nBeth sy'n rhwystro?\nDim amser.\n");
  const ParsedReport p = split_headings(text.text);
  ASSERT_EQ(p.sections.size(), 3u);
  EXPECT_EQ(p.sections[1].heading, Heading::working_well);
  // "We feel heard." starts at code point 32: "Follow-up\n\n" is 11, the heading line 21.
  EXPECT_EQ(p.sections[1].body, (Span{32, 46}));
  EXPECT_EQ(p.sections[2].heading, Heading::getting_in_the_way);
}

}  // namespace
}  // namespace sgwrs::analysis
