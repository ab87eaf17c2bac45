// UTF-8 validity, NFC normalisation, code point counting and the Validator's field errors.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "domain/core/validation.hpp"

namespace sgwrs {
namespace {

using namespace std::string_literals;

// Combining marks, kept apart so that hex escapes never swallow the letters after them.
const std::string kAcute = "\xCC\x81";       // U+0301 COMBINING ACUTE ACCENT
const std::string kCircumflex = "\xCC\x82";  // U+0302 COMBINING CIRCUMFLEX ACCENT

// ---- is_valid_utf8 -------------------------------------------------------------------

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("Caerdydd"));
  EXPECT_TRUE(is_valid_utf8("Ynys M\xC3\xB4n"));   // Ynys Môn
  EXPECT_TRUE(is_valid_utf8("d\xC5\xB5r"));        // dŵr
  EXPECT_TRUE(is_valid_utf8("\xE2\x82\xAC"));      // € (3 bytes)
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x8F\xB4"));  // U+1F3F4 (4 bytes)
  EXPECT_TRUE(is_valid_utf8("nul\0inside"s));      // U+0000 is a valid code point
  EXPECT_TRUE(is_valid_utf8("e\xCC\x81"));         // decomposed é
}

TEST(Utf8, AcceptsBoundaryCodePoints) {
  EXPECT_TRUE(is_valid_utf8("\x7F"));              // U+007F, last 1-byte
  EXPECT_TRUE(is_valid_utf8("\xC2\x80"));          // U+0080, first 2-byte
  EXPECT_TRUE(is_valid_utf8("\xDF\xBF"));          // U+07FF, last 2-byte
  EXPECT_TRUE(is_valid_utf8("\xE0\xA0\x80"));      // U+0800, first 3-byte
  EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
  EXPECT_TRUE(is_valid_utf8("\xEE\x80\x80"));      // U+E000, just above the surrogates
  EXPECT_TRUE(is_valid_utf8("\xEF\xBF\xBF"));      // U+FFFF
  EXPECT_TRUE(is_valid_utf8("\xF0\x90\x80\x80"));  // U+10000, first 4-byte
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
}

TEST(Utf8, RefusesOverlongForms) {
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));             // '/' in two bytes
  EXPECT_FALSE(is_valid_utf8("\xC0\x80"));             // NUL in two bytes ("modified UTF-8")
  EXPECT_FALSE(is_valid_utf8("\xC1\xBF"));             // U+007F in two bytes
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));         // '/' in three bytes
  EXPECT_FALSE(is_valid_utf8("\xE0\x9F\xBF"));         // U+07FF in three bytes
  EXPECT_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));     // '/' in four bytes
  EXPECT_FALSE(is_valid_utf8("\xF0\x8F\xBF\xBF"));     // U+FFFF in four bytes
  EXPECT_FALSE(is_valid_utf8("ok \xC0\xAF then ok"));  // in the middle of text
}

TEST(Utf8, RefusesSurrogates) {
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));              // U+D800
  EXPECT_FALSE(is_valid_utf8("\xED\xAD\xBF"));              // U+DB7F
  EXPECT_FALSE(is_valid_utf8("\xED\xB0\x80"));              // U+DC00
  EXPECT_FALSE(is_valid_utf8("\xED\xBF\xBF"));              // U+DFFF
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\xBD\xED\xB2\xA9"));  // a CESU-8 surrogate pair
}

TEST(Utf8, RefusesTruncatedSequences) {
  EXPECT_FALSE(is_valid_utf8("\xC3"));                // 2-byte lead alone
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));            // 3-byte sequence cut short
  EXPECT_FALSE(is_valid_utf8("\xF0\x9F\x8F"));        // 4-byte sequence cut short
  EXPECT_FALSE(is_valid_utf8("abc\xE2\x82"));         // cut short at the end of text
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"s + "abc"));   // lead followed by ASCII
  EXPECT_FALSE(is_valid_utf8("\xC3"s + "\xC3\xA9"));  // lead followed by another lead
}

TEST(Utf8, RefusesStrayAndImpossibleBytes) {
  EXPECT_FALSE(is_valid_utf8("\x80"));          // lone continuation byte
  EXPECT_FALSE(is_valid_utf8("a\xBF"s + "b"));  // continuation byte in ASCII
  EXPECT_FALSE(is_valid_utf8("\xFE"));
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_FALSE(is_valid_utf8("\xF8\x88\x80\x80\x80"));  // 5-byte form (pre-2003 UTF-8)
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));      // U+110000, beyond Unicode
  EXPECT_FALSE(is_valid_utf8("\xF7\xBF\xBF\xBF"));      // U+1FFFFF
  EXPECT_FALSE(is_valid_utf8("\xE9"s + "t\xE9"));       // Latin-1 "été"
}

// ---- to_nfc ----------------------------------------------------------------------------

TEST(Nfc, ComposesEAndCombiningAcute) {
  EXPECT_EQ(to_nfc("e" + kAcute), "\xC3\xA9");  // e + U+0301 -> U+00E9
  EXPECT_EQ(to_nfc("cafe" + kAcute), "caf\xC3\xA9");
}

TEST(Nfc, ComposesWelshCircumflexLetters) {
  EXPECT_EQ(to_nfc("w" + kCircumflex), "\xC5\xB5");                     // w + U+0302 -> ŵ U+0175
  EXPECT_EQ(to_nfc("y" + kCircumflex), "\xC5\xB7");                     // y + U+0302 -> ŷ U+0177
  EXPECT_EQ(to_nfc("W" + kCircumflex), "\xC5\xB4");                     // Ŵ U+0174
  EXPECT_EQ(to_nfc("Y" + kCircumflex), "\xC5\xB6");                     // Ŷ U+0176
  EXPECT_EQ(to_nfc("dw" + kCircumflex + "r"), "d\xC5\xB5r");            // dŵr
  EXPECT_EQ(to_nfc("ty" + kCircumflex), "t\xC5\xB7");                   // tŷ
  EXPECT_EQ(to_nfc("Ynys Mo" + kCircumflex + "n"), "Ynys M\xC3\xB4n");  // Ynys Môn
}

TEST(Nfc, LeavesNormalisedTextAlone) {
  EXPECT_EQ(to_nfc(""), "");
  EXPECT_EQ(to_nfc("Pen-y-bont ar Ogwr"), "Pen-y-bont ar Ogwr");
  EXPECT_EQ(to_nfc("d\xC5\xB5r a th\xC5\xB7"), "d\xC5\xB5r a th\xC5\xB7");
}

// ---- code_point_count ------------------------------------------------------------------

TEST(CodePoints, CountsCharactersNotBytes) {
  EXPECT_EQ(code_point_count(""), 0u);
  EXPECT_EQ(code_point_count("abc"), 3u);
  EXPECT_EQ(code_point_count("d\xC5\xB5r"), 3u);          // 4 bytes
  EXPECT_EQ(code_point_count("\xE2\x82\xAC"), 1u);        // 3 bytes
  EXPECT_EQ(code_point_count("\xF0\x9F\x8F\xB4"), 1u);    // 4 bytes
  EXPECT_EQ(code_point_count("e\xCC\x81"), 2u);           // decomposed: two code points
  EXPECT_EQ(code_point_count(to_nfc("e" + kAcute)), 1u);  // composed: one
}

// ---- Validator -------------------------------------------------------------------------

std::vector<FieldError> errors_of(const Validator& v) {
  auto s = v.status();
  if (s.ok()) return {};
  return s.error().fields;
}

std::string error_for(std::string_view field, void (*check)(Validator&, std::string&),
                      std::string value) {
  Validator v;
  check(v, value);
  for (const auto& f : errors_of(v))
    if (f.field == field) return f.key;
  return "";
}

TEST(ValidatorText, TrimsAndNormalisesInPlace) {
  Validator v;
  std::string name = "  dw" + kCircumflex + "r \t\n";
  v.text("name", name, 1, 10);
  EXPECT_TRUE(v.ok());
  EXPECT_EQ(name, "d\xC5\xB5r");
}

TEST(ValidatorText, Required) {
  for (std::string value : {"", "   ", "\t\r\n"}) {
    Validator v;
    v.text("name_en", value, 1, 200);
    ASSERT_FALSE(v.ok()) << "'" << value << "'";
    EXPECT_EQ(errors_of(v).at(0).field, "name_en");
    EXPECT_EQ(errors_of(v).at(0).key, "required");
  }
  Validator optional;
  std::string empty;
  optional.text("note", empty, 0, 10);
  EXPECT_TRUE(optional.ok());
}

TEST(ValidatorText, TooShortAndTooLong) {
  Validator v;
  std::string short_value = "ab", long_value = "abcdef", exact = "abcde";
  v.text("a", short_value, 3, 5);
  v.text("b", long_value, 1, 5);
  v.text("c", exact, 1, 5);
  const auto errs = errors_of(v);
  ASSERT_EQ(errs.size(), 2u);
  EXPECT_EQ(errs[0].field, "a");
  EXPECT_EQ(errs[0].key, "too_short");
  EXPECT_EQ(errs[1].field, "b");
  EXPECT_EQ(errs[1].key, "too_long");
}

TEST(ValidatorText, LengthIsInCodePoints) {
  Validator v;
  std::string five = "\xC5\xB5\xC5\xB5\xC5\xB5\xC5\xB5\xC5\xB5";  // ŵŵŵŵŵ: 10 bytes
  v.text("name", five, 1, 5);
  EXPECT_TRUE(v.ok());
  // Five code points once composed, though six before: NFC happens before counting.
  std::string decomposed = "\xC5\xB5\xC5\xB5\xC5\xB5\xC5\xB5w" + kCircumflex;
  v.text("name2", decomposed, 1, 5);
  EXPECT_TRUE(v.ok());
  std::string six = five + "a";
  v.text("name3", six, 1, 5);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(errors_of(v).at(0).key, "too_long");
}

TEST(ValidatorText, ControlCharacters) {
  for (std::string value : {"a\x01"s + "b", "a\x1B[31mred"s, "del\x7F"s, "nul\0x"s}) {
    Validator v;
    v.text("name", value, 1, 200);
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(errors_of(v).at(0).key, "control_characters");
  }
  // Tabs and line breaks are ordinary text in a multi-line field.
  Validator v;
  std::string notes = "line one\nline two\r\n\tindented";
  v.text("notes", notes, 1, 200);
  EXPECT_TRUE(v.ok());
}

// C1 controls and the bidirectional overrides and isolates can make text display as
// something other than what it holds ("Trojan Source"); stored text may not carry them.
TEST(ValidatorText, C1AndBidiControls) {
  for (std::string value : {"next\xC2\x85line"s,  // U+0085 NEXT LINE
                            "a\xC2\x9B"
                            "31m"s,  // U+009B CSI
                            "abc\xE2\x80\xAE"
                            "cba"s,  // U+202E RIGHT-TO-LEFT OVERRIDE
                            "x\xE2\x81\xA6"
                            "y\xE2\x81\xA9"s}) {  // U+2066 .. U+2069 isolates
    Validator v;
    v.text("name", value, 1, 200);
    ASSERT_FALSE(v.ok()) << value;
    EXPECT_EQ(errors_of(v).at(0).key, "control_characters");
  }
  // Ordinary non-ASCII letters are text, Welsh and right-to-left scripts included.
  for (std::string value : {"Dafydd ap Gw\xC5\xB7n"s, "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85"s}) {
    Validator v;
    v.text("name", value, 1, 200);
    EXPECT_TRUE(v.ok()) << value;
  }
}

TEST(Utf8, ReplacesEachBadByteWithTheReplacementCharacter) {
  EXPECT_EQ(to_valid_utf8("d\xC5\xB5r"), "d\xC5\xB5r");  // well-formed: unchanged
  EXPECT_EQ(to_valid_utf8("caf\xE9!"), "caf\xEF\xBF\xBD!");
  EXPECT_EQ(to_valid_utf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
  EXPECT_TRUE(is_valid_utf8(to_valid_utf8("\xFF\xFEx\xE2\x82")));
}

TEST(ValidatorText, InvalidUtf8) {
  Validator v;
  std::string bad = "caf\xE9";
  v.text("name", bad, 1, 200);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(errors_of(v).at(0).key, "invalid_utf8");
}

void check_email(Validator& v, std::string& s) {
  v.email("email", s);
}
void check_ons(Validator& v, std::string& s) {
  v.ons_code("ons_code", s);
}

TEST(ValidatorEmail, AcceptsAndLowerCases) {
  Validator v;
  std::string e = "  Sam.Jones@Example.GOV.wales ";
  v.email("email", e);
  EXPECT_TRUE(v.ok());
  EXPECT_EQ(e, "sam.jones@example.gov.wales");
}

TEST(ValidatorEmail, Format) {
  EXPECT_EQ(error_for("email", check_email, "sam@example.org"), "");
  EXPECT_EQ(error_for("email", check_email, "no-at-sign.example.org"), "email_format");
  EXPECT_EQ(error_for("email", check_email, "@example.org"), "email_format");
  EXPECT_EQ(error_for("email", check_email, "sam@"), "email_format");
  EXPECT_EQ(error_for("email", check_email, "sam@@example.org"), "email_format");
  EXPECT_EQ(error_for("email", check_email, "sam@a@example.org"), "email_format");
  EXPECT_EQ(error_for("email", check_email, "sam jones@example.org"), "email_format");
  EXPECT_EQ(error_for("email", check_email, "sam@localhost"), "email_format");
  // Every label of the domain must be there and well-formed.
  EXPECT_EQ(error_for("email", check_email, "sam@.org"), "email_format");
  EXPECT_EQ(error_for("email", check_email, "sam@example..org"), "email_format");
  EXPECT_EQ(error_for("email", check_email, "sam@example.org."), "email_format");
  EXPECT_EQ(error_for("email", check_email, "sam@-example.org"), "email_format");
  EXPECT_EQ(error_for("email", check_email, "sam@exa_mple.org"), "email_format");
  EXPECT_EQ(error_for("email", check_email, "sam<x>@example.org"), "email_format");
  EXPECT_EQ(error_for("email", check_email, "sam@cyngor-sir.llyw.cymru"), "");
  EXPECT_EQ(error_for("email", check_email,
                      "sam@caerdydd.\xC3\xA2"
                      "b.cymru"),
            "");
  EXPECT_EQ(error_for("email", check_email, ""), "required");
  EXPECT_EQ(error_for("email", check_email, std::string(250, 'a') + "@b.cy"), "too_long");
}

TEST(ValidatorOnsCode, Format) {
  EXPECT_EQ(error_for("ons_code", check_ons, "W06000015"), "");
  EXPECT_EQ(error_for("ons_code", check_ons, "X1"), "ons_code_format");
  EXPECT_EQ(error_for("ons_code", check_ons, "W0600001A"), "ons_code_format");
  EXPECT_EQ(error_for("ons_code", check_ons, "106000015"), "ons_code_format");
  EXPECT_EQ(error_for("ons_code", check_ons, "W06 00015"), "ons_code_format");
  EXPECT_EQ(error_for("ons_code", check_ons, "W060000150"), "too_long");
  EXPECT_EQ(error_for("ons_code", check_ons, ""), "required");
}

TEST(ValidatorOnsCode, NormalisedToUpperCase) {
  Validator v;
  std::string code = "w06000015";
  v.ons_code("ons_code", code);
  EXPECT_TRUE(v.ok());
  EXPECT_EQ(code, "W06000015");
  std::string padded = " w06000015 ";
  v.ons_code("ons_code2", padded);
  EXPECT_TRUE(v.ok());
  EXPECT_EQ(padded, "W06000015");
}

TEST(Validator, CollectsEveryFieldButOneMessagePerField) {
  Validator v;
  std::string name, email = "not-an-email", ons = "X1";
  v.text("name_en", name, 1, 200);
  v.email("email", email);
  v.ons_code("ons_code", ons);
  v.fail("email", "email_taken");  // a second problem with email is not reported
  const auto s = v.status();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, Errc::invalid);
  EXPECT_EQ(s.error().key, "invalid_input");
  const auto& f = s.error().fields;
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].field, "name_en");
  EXPECT_EQ(f[0].key, "required");
  EXPECT_EQ(f[1].field, "email");
  EXPECT_EQ(f[1].key, "email_format");
  EXPECT_EQ(f[2].field, "ons_code");
  EXPECT_EQ(f[2].key, "ons_code_format");
}

TEST(Validator, OkStatusWhenNothingFailed) {
  Validator v;
  std::string name = "Cyngor Caerdydd";
  v.text("name_cy", name, 1, 200);
  EXPECT_TRUE(v.ok());
  EXPECT_TRUE(v.status().ok());
}

}  // namespace
}  // namespace sgwrs
