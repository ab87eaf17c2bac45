#pragma once
// Converting between UTF-8 byte offsets and code-point offsets. Internally the pipeline
// works on bytes (ICU reads the UTF-8 directly); everything it returns is in code points.
#include <cstddef>
#include <string_view>

namespace sgwrs::analysis::detail {

inline bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Code points in text[from, to).
inline std::size_t code_points_between(std::string_view text, std::size_t from, std::size_t to) {
  std::size_t n = 0;
  for (std::size_t i = from; i < to; ++i) n += !is_continuation_byte(text[i]);
  return n;
}

// Byte offset of code point `cp` (text.size() when cp is at or past the end).
inline std::size_t byte_offset_of(std::string_view text, std::size_t cp) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_continuation_byte(text[i])) continue;
    if (seen == cp) return i;
    ++seen;
  }
  return text.size();
}

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

}  // namespace sgwrs::analysis::detail
