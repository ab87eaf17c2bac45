#pragma once
// UTF-8, in one place, on ICU's U8_* macros: checking and repairing text from outside,
// decoding and encoding code points, and turning byte offsets into the code-point offsets
// Sgwrs stores (offsets into a report, lengths of what people typed). Well-formed means
// what Unicode says: no overlong forms, no surrogates, nothing above U+10FFFF.
#include <cstddef>
#include <string>
#include <string_view>

namespace sgwrs {

bool is_valid_utf8(std::string_view s);
// Copy with each ill-formed sequence replaced by U+FFFD, one per maximal subpart (the
// practice Unicode recommends, as browsers do).
std::string to_valid_utf8(std::string_view s);

// Appends `cp` (a Unicode scalar value) as UTF-8.
void append_utf8(std::string& out, char32_t cp);
// Decodes the code point at s[i] and moves i past it; U+FFFD for an ill-formed sequence.
char32_t next_code_point(std::string_view s, std::size_t& i);

// A byte that continues a code point rather than starting one.
inline bool is_trail_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}
// Code points in valid UTF-8 text, and in its bytes [from, to).
std::size_t code_point_count(std::string_view utf8);
std::size_t code_points_between(std::string_view text, std::size_t from, std::size_t to);
// Byte offset of code point `cp` (text.size() when cp is at or past the end).
std::size_t byte_offset_of(std::string_view text, std::size_t cp);
// The code points [start, end) of valid UTF-8 text, clamped to its length.
std::string code_point_slice(std::string_view utf8, std::size_t start, std::size_t end);

// Walks forward through a text turning increasing byte offsets into code-point offsets in
// time linear in the text, however many offsets are asked for.
class CodePointCursor {
 public:
  explicit CodePointCursor(std::string_view text, std::size_t byte = 0, std::size_t cp = 0)
      : text_(text), byte_(byte), cp_(cp) {}
  // `byte` must not be before the previous call's.
  std::size_t at(std::size_t byte) {
    cp_ += code_points_between(text_, byte_, byte);
    byte_ = byte;
    return cp_;
  }

 private:
  std::string_view text_;
  std::size_t byte_;
  std::size_t cp_;
};

}  // namespace sgwrs
