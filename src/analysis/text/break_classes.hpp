#pragma once
// Word and sentence break classes (UAX #29) of the characters that reports are almost
// always written in, looked up in a table instead of run through ICU's rule engine. The
// table covers Latin (U+0000–U+024F) and General Punctuation (U+2000–U+206F); its classes
// come from ICU's own character properties, so the fast boundary passes built on it agree
// with ICU's break iterators (a test compares them on random text). A character outside the
// table, or one whose class the fast passes do not model (combining marks, format
// characters, Hebrew letters…), is `unhandled`: the caller then asks ICU.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sgwrs::analysis::detail {

enum class WordClass : std::uint8_t {
  other,           // breaks on both sides: spaces, line breaks, most punctuation
  letter,          // ALetter
  digit,           // Numeric
  mid_letter,      // MidLetter: joins two letters ("·")
  mid_num_letter,  // MidNumLet and Single_Quote: joins letters or digits (". ' ’")
  mid_num,         // MidNum: joins two digits (", ;")
  extend_num_let,  // ExtendNumLet ("_")
  unhandled,
};

enum class SentenceClass : std::uint8_t {
  other,
  space,         // Sp
  lower,         // Lower
  upper,         // Upper
  other_letter,  // OLetter
  numeric,       // Numeric
  a_term,        // ATerm: "."
  s_term,        // STerm: "! ?"
  close,         // Close: quotes and brackets
  s_continue,    // SContinue: ", - : ;" and dashes
  separator,     // CR, LF, Sep
  unhandled,
};

struct Classes {
  WordClass word = WordClass::unhandled;
  SentenceClass sentence = SentenceClass::unhandled;
};

// The character starting at text[i] and its length in bytes (at least 1). Malformed UTF-8
// and characters outside the table are unhandled.
struct ClassifiedChar {
  Classes classes;
  std::uint8_t length = 1;
};

// The classes of ASCII characters, filled from ICU's properties before main() runs.
extern const std::array<Classes, 128> kAsciiClasses;

ClassifiedChar classify_multibyte_at(std::string_view text, std::size_t i);

// Inline because the fast passes call it for every character: ASCII is one table load.
inline ClassifiedChar classify_at(std::string_view text, std::size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) return {kAsciiClasses[b], 1};
  return classify_multibyte_at(text, i);
}

}  // namespace sgwrs::analysis::detail
