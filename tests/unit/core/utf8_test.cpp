// The UTF-8 module: held to ICU's own conversions, and to Unicode's rules for repairs.
#include "domain/core/utf8.hpp"

#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include <string>

namespace sgwrs {
namespace {

// Every scalar value encodes as ICU encodes it and decodes back to itself.
TEST(Utf8Module, EncodesAndDecodesEveryScalarValueAsIcuDoes) {
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string ours;
    append_utf8(ours, cp);
    std::string icu;
    icu::UnicodeString(static_cast<UChar32>(cp)).toUTF8String(icu);
    ASSERT_EQ(ours, icu) << std::hex << static_cast<unsigned>(cp);
    std::size_t i = 0;
    ASSERT_EQ(next_code_point(ours, i), cp);
    ASSERT_EQ(i, ours.size());
    ASSERT_TRUE(is_valid_utf8(ours));
  }
}

// One U+FFFD per maximal ill-formed subpart: a truncated sequence is one mistake, a
// surrogate's three bytes are three (ED cannot start A0), an overlong form's bytes are each
// one; and the text around them is kept.
TEST(Utf8Module, RepairsByMaximalSubpart) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(to_valid_utf8("a\xE2\x82z"), "a" + fffd + "z");
  EXPECT_EQ(to_valid_utf8("\xED\xA0\x80"), fffd + fffd + fffd);
  EXPECT_EQ(to_valid_utf8("\xC0\xAF"), fffd + fffd);
  EXPECT_EQ(to_valid_utf8("\xF4\x90\x80\x80"), fffd + fffd + fffd + fffd);  // above U+10FFFF
  EXPECT_EQ(to_valid_utf8("Llŷr"), "Llŷr");
  std::size_t i = 1;
  EXPECT_EQ(next_code_point("a\xE2\x82z", i), U'\uFFFD');
  EXPECT_EQ(i, 3u);
}

TEST(Utf8Module, CountsAndSlicesInCodePoints) {
  const std::string text = "Siôn a Gwenllïan";
  EXPECT_EQ(code_point_count(text), 16u);
  EXPECT_EQ(code_point_slice(text, 0, 4), "Siôn");
  EXPECT_EQ(code_point_slice(text, 7, 100), "Gwenllïan");
  EXPECT_EQ(code_point_slice(text, 5, 5), "");
  EXPECT_EQ(code_point_slice(text, 40, 50), "");
  EXPECT_EQ(byte_offset_of(text, 3), 4u);  // after "Siô", whose ô is two bytes
  EXPECT_EQ(byte_offset_of(text, 99), text.size());
  CodePointCursor cursor(text);
  EXPECT_EQ(cursor.at(4), 3u);
  EXPECT_EQ(cursor.at(text.size()), 16u);
}

}  // namespace
}  // namespace sgwrs
