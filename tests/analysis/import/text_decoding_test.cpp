// Plain-text files: which encodings are read, and which are refused rather than guessed.
#include <gtest/gtest.h>

#include "analysis/import/extract.hpp"
#include "analysis/import/text_decoding.hpp"
#include "test_files.hpp"

namespace sgwrs::analysis {
namespace {

std::string text_of(const ExtractResult& r) {
  if (auto* e = std::get_if<ImportError>(&r)) return "error:" + e->code;
  return std::get<ExtractedText>(r).text;
}

using test::code_of;

TEST(TextDecoding, Utf8WithAndWithoutBomGiveTheSameText) {
  const std::string welsh = "Mae\u2019r t\u00eem yn gweithio\u2019n dda: \u0175yr, \u0177d.";
  EXPECT_EQ(text_of(extract_text("a.txt", welsh, {})), welsh);
  EXPECT_EQ(text_of(extract_text("a.txt", "\xEF\xBB\xBF" + welsh, {})), welsh);
}

TEST(TextDecoding, Utf16LittleAndBigEndianWithBom) {
  // "Tî ŵ 😀\r\n" by hand: T=0054 î=00EE space ŵ=0175 space 😀=D83D DE00 CR LF.
  const std::string le(
      "\xFF\xFE"
      "T\0\xEE\0 \0\x75\x01 \0\x3D\xD8\x00\xDE\r\0\n\0",
      20);
  const std::string be(
      "\xFE\xFF"
      "\0T\0\xEE\0 \x01\x75\0 \xD8\x3D\xDE\x00\0\r\0\n",
      20);
  const std::string expected = "T\u00ee \u0175 \U0001F600\n";
  EXPECT_EQ(text_of(extract_text("le.txt", le, {})), expected);
  EXPECT_EQ(text_of(extract_text("be.txt", be, {})), expected);
  // An unpaired surrogate is not text.
  EXPECT_EQ(code_of(extract_text("bad.txt",
                                 std::string("\xFF\xFE\x3D\xD8"
                                             "a\0",
                                             6),
                                 {})),
            "unknown_encoding");
}

TEST(TextDecoding, Windows1252FallbackForLatinText) {
  // "Caf\xe9 \x93quoted\x94 \x80" in 1252: é, curly quotes, euro sign.
  const std::string cp1252 =
      "Caf\xE9 staff said \x93we feel heard\x94 \x80"
      "5 a week.";
  EXPECT_EQ(text_of(extract_text("a.txt", cp1252, {})),
            "Caf\u00e9 staff said \u201cwe feel heard\u201d \u20ac5 a week.");
}

TEST(TextDecoding, BinaryJunkAndNulBytesAreRefused) {
  std::string junk;
  unsigned state = 12345;
  for (int i = 0; i < 4096; ++i) {
    state = state * 1103515245u + 12345u;
    junk += static_cast<char>((state >> 16) & 0xFF);
  }
  EXPECT_EQ(code_of(extract_text("junk.txt", junk, {})), "unknown_encoding");
  EXPECT_EQ(code_of(extract_text("nul.txt", std::string("abc\0def", 7), {})), "unknown_encoding");
  // UTF-16 without a BOM is mostly NULs for Latin text: refused, not guessed.
  EXPECT_EQ(code_of(extract_text("u16.txt", std::string("H\0i\0", 4), {})), "unknown_encoding");
  // Mostly high bytes (e.g. another single-byte code page or compressed data).
  EXPECT_EQ(code_of(extract_text("hi.txt", "\xC0\xC1\xE9\xEA\xEB\xF0 a", {})), "unknown_encoding");
}

TEST(TextDecoding, EmptyAndWhitespaceOnlyAreEmpty) {
  EXPECT_EQ(code_of(extract_text("e.txt", "", {})), "empty");
  EXPECT_EQ(code_of(extract_text("e.txt", " \r\n\t\n\xC2\xA0\n", {})), "empty");
  EXPECT_EQ(code_of(extract_text("e.md", "\xEF\xBB\xBF\n\n", {})), "empty");
}

TEST(TextDecoding, LineEndsBecomeLfAndTextBecomesNfc) {
  // e + combining circumflex (U+0302) composes to ê (U+00EA); w + U+0302 to ŵ (U+0175).
  EXPECT_EQ(text_of(extract_text("a.txt", "one\r\ntwo\rthree\ne\xCC\x82 w\xCC\x82\n", {})),
            "one\ntwo\nthree\n\u00ea \u0175\n");
}

TEST(TextDecoding, TooLongTextIsRefused) {
  ImportLimits limits;
  limits.max_text_code_points = 5;
  EXPECT_EQ(code_of(extract_text("a.txt", "\u0175\u0175\u0175\u0175\u0175", limits)), "ok");
  EXPECT_EQ(code_of(extract_text("a.txt", "\u0175\u0175\u0175\u0175\u0175\u0175", limits)),
            "too_long");
}

}  // namespace
}  // namespace sgwrs::analysis
