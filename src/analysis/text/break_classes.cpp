#include "analysis/text/break_classes.hpp"

#include <array>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace sgwrs::analysis::detail {
namespace {

constexpr UChar32 kLatinEnd = 0x250;
constexpr UChar32 kPunctuationBegin = 0x2000;
constexpr UChar32 kPunctuationEnd = 0x2070;
constexpr std::size_t kTableSize = kLatinEnd + (kPunctuationEnd - kPunctuationBegin);

WordClass word_class_of(UChar32 c) {
  // ICU's root rules count "@" as a letter, which keeps e-mail addresses in one piece.
  if (c == '@') return WordClass::letter;
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER:
      return WordClass::letter;
    case U_WB_NUMERIC:
      return WordClass::digit;
    case U_WB_MIDLETTER:
      // ICU's root rules take the colon (and its wide forms) out of MidLetter: "a:b" is
      // three pieces there, as it is in Sgwrs.
      return c == ':' ? WordClass::other : WordClass::mid_letter;
    case U_WB_MIDNUMLET:
    case U_WB_SINGLE_QUOTE:
      return WordClass::mid_num_letter;
    case U_WB_MIDNUM:
      return WordClass::mid_num;
    case U_WB_EXTENDNUMLET:
      return WordClass::extend_num_let;
    case U_WB_OTHER:
    case U_WB_CR:
    case U_WB_LF:
    case U_WB_NEWLINE:
    case U_WB_WSEGSPACE:
    case U_WB_DOUBLE_QUOTE:
      // Emoji-like punctuation (‼ ⁉) takes part in emoji sequences: leave it to ICU.
      return u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ? WordClass::unhandled
                                                                 : WordClass::other;
    default:  // Extend, Format, ZWJ, Hebrew_Letter, Katakana, Regional_Indicator…
      return WordClass::unhandled;
  }
}

SentenceClass sentence_class_of(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_OTHER:
      return SentenceClass::other;
    case U_SB_SP:
      return SentenceClass::space;
    case U_SB_LOWER:
      return SentenceClass::lower;
    case U_SB_UPPER:
      return SentenceClass::upper;
    case U_SB_OLETTER:
      return SentenceClass::other_letter;
    case U_SB_NUMERIC:
      return SentenceClass::numeric;
    case U_SB_ATERM:
      return SentenceClass::a_term;
    case U_SB_STERM:
      return SentenceClass::s_term;
    case U_SB_CLOSE:
      return SentenceClass::close;
    case U_SB_SCONTINUE:
      return SentenceClass::s_continue;
    case U_SB_CR:
    case U_SB_LF:
    case U_SB_SEP:
      return SentenceClass::separator;
    default:  // Extend, Format
      return SentenceClass::unhandled;
  }
}

std::size_t slot_of(UChar32 c) {
  if (c >= 0 && c < kLatinEnd) return static_cast<std::size_t>(c);
  if (c >= kPunctuationBegin && c < kPunctuationEnd)
    return static_cast<std::size_t>(kLatinEnd + (c - kPunctuationBegin));
  return kTableSize;
}

const std::array<Classes, kTableSize>& table() {
  static const std::array<Classes, kTableSize> t = [] {
    std::array<Classes, kTableSize> out{};
    auto fill = [&](UChar32 from, UChar32 to) {
      for (UChar32 c = from; c < to; ++c)
        out[slot_of(c)] = {word_class_of(c), sentence_class_of(c)};
    };
    fill(0, kLatinEnd);
    fill(kPunctuationBegin, kPunctuationEnd);
    return out;
  }();
  return t;
}

}  // namespace

const std::array<Classes, 128> kAsciiClasses = [] {
  std::array<Classes, 128> ascii{};
  for (std::size_t c = 0; c < ascii.size(); ++c) ascii[c] = table()[c];
  return ascii;
}();

ClassifiedChar classify_multibyte_at(std::string_view text, std::size_t i) {
  UChar32 c;
  auto pos = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos, static_cast<int32_t>(text.size()), c);
  const auto length = static_cast<std::uint8_t>(static_cast<std::size_t>(pos) - i);
  const std::size_t slot = c < 0 ? kTableSize : slot_of(c);
  return {slot < kTableSize ? table()[slot] : Classes{}, length};
}

}  // namespace sgwrs::analysis::detail
