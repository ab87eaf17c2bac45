#include "analysis/text/segment.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "analysis/text/boundaries.hpp"
#include "domain/core/utf8.hpp"

namespace sgwrs::analysis {
namespace {

struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

bool is_blank_byte(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// Trims ASCII white space and no-break spaces (U+00A0, which word processors leave).
ByteRange trim(std::string_view text, ByteRange r) {
  while (r.begin < r.end) {
    if (is_blank_byte(text[r.begin]))
      ++r.begin;
    else if (r.end - r.begin >= 2 && text.substr(r.begin, 2) == "\xC2\xA0")
      r.begin += 2;
    else
      break;
  }
  while (r.end > r.begin) {
    if (is_blank_byte(text[r.end - 1]))
      --r.end;
    else if (r.end - r.begin >= 2 && text.substr(r.end - 2, 2) == "\xC2\xA0")
      r.end -= 2;
    else
      break;
  }
  return r;
}

UChar32 code_point_at(std::string_view text, std::size_t i, std::size_t end) {
  UChar32 c;
  int32_t pos = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos, static_cast<int32_t>(end), c);
  return c;
}

bool has_letter_or_digit(std::string_view text, ByteRange r) {
  for (std::size_t i = r.begin; i < r.end;) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {  // ASCII without a call into ICU
      if ((b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')) return true;
      ++i;
      continue;
    }
    UChar32 c;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos, static_cast<int32_t>(r.end), c);
    if (c >= 0 && u_isalnum(c)) return true;
    i = static_cast<std::size_t>(pos);
  }
  return false;
}

// Length in bytes of a bullet marker at the start of `line` (already trimmed), 0 if none.
std::size_t bullet_length(std::string_view line) {
  for (std::string_view marker : {"- ", "* ", "\xE2\x80\xA2 ", "\xE2\x80\x93 ", "\xC2\xB7 "})
    if (line.starts_with(marker)) return marker.size();
  std::size_t digits = 0;
  while (digits < line.size() && digits < 3 && line[digits] >= '0' && line[digits] <= '9') ++digits;
  if (digits > 0 && line.size() > digits + 1 && (line[digits] == '.' || line[digits] == ')') &&
      line[digits + 1] == ' ')
    return digits + 2;
  return 0;
}

// Does the (trimmed, non-empty) line end a sentence?
bool ends_sentence(std::string_view line) {
  std::size_t n = line.size();
  // Skip closing quotes and brackets: ASCII ones and ’ ” (E2 80 99 / E2 80 9D).
  while (n > 0) {
    char c = line[n - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      --n;
    } else if (n >= 3 && (line.substr(n - 3, 3) == "\xE2\x80\x99" ||
                          line.substr(n - 3, 3) == "\xE2\x80\x9D")) {
      n -= 3;
    } else {
      break;
    }
  }
  if (n == 0) return true;
  char last = line[n - 1];
  return last == '.' || last == '!' || last == '?' || last == ':' || last == ';' ||
         (n >= 3 && line.substr(n - 3, 3) == "\xE2\x80\xA6");  // …
}

bool starts_lower_case(std::string_view text, ByteRange line) {
  if (line.begin >= line.end) return false;
  UChar32 c = code_point_at(text, line.begin, line.end);
  return c >= 0 && u_islower(c);
}

// Paragraph byte ranges (untrimmed ends are trimmed by the caller).
std::vector<ByteRange> paragraphs_of(std::string_view text, ByteRange within) {
  std::vector<ByteRange> out;
  std::optional<ByteRange> open;
  bool open_ends_sentence = true;
  auto close = [&] {
    if (open) out.push_back(*open);
    open.reset();
  };
  std::size_t pos = within.begin;
  while (pos < within.end) {
    std::size_t nl = text.find('\n', pos);
    std::size_t line_end = (nl == std::string_view::npos || nl > within.end) ? within.end : nl;
    ByteRange line = trim(text, {pos, line_end});
    pos = line_end + 1;
    if (line.begin == line.end) {
      close();
      continue;
    }
    std::string_view content = text.substr(line.begin, line.end - line.begin);
    if (std::size_t bullet = bullet_length(content)) {
      close();
      line.begin += bullet;
      line = trim(text, line);
      if (line.begin == line.end) continue;
      open = line;
    } else if (open && !open_ends_sentence && starts_lower_case(text, line)) {
      open->end = line.end;
    } else {
      close();
      open = line;
    }
    open_ends_sentence = ends_sentence(text.substr(line.begin, line.end - line.begin));
  }
  close();
  return out;
}

// The segments of text[begin, end), which starts at code point begin_cp.
std::vector<Segment> segment_bytes(std::string_view text, std::size_t begin, std::size_t end,
                                   std::size_t begin_cp) {
  std::vector<Segment> out;
  CodePointCursor cursor(text, begin, begin_cp);
  std::string flat;  // the paragraph with line breaks read as spaces, reused
  std::vector<std::size_t> ends;
  for (ByteRange para : paragraphs_of(text, {begin, end})) {
    if (!has_letter_or_digit(text, para)) continue;
    std::size_t para_cp_start = cursor.at(para.begin);
    std::size_t para_cp_end = cursor.at(para.end);
    out.push_back({SegmentKind::paragraph, {para_cp_start, para_cp_end}});

    std::string_view para_text = text.substr(para.begin, para.end - para.begin);
    std::string_view to_break = para_text;
    if (para_text.find('\n') != std::string_view::npos) {
      flat.assign(para_text);
      std::replace(flat.begin(), flat.end(), '\n', ' ');
      std::replace(flat.begin(), flat.end(), '\r', ' ');
      to_break = flat;
    }
    // Sentence ends are bytes into the paragraph; a second cursor walks inside it.
    detail::sentence_ends(to_break, ends);
    CodePointCursor inner(para_text, 0, para_cp_start);
    std::size_t start = 0;
    for (std::size_t stop : ends) {
      ByteRange s = trim(para_text, {start, stop});
      start = stop;
      if (!has_letter_or_digit(para_text, s)) continue;
      std::size_t s_start = inner.at(s.begin);
      out.push_back({SegmentKind::sentence, {s_start, inner.at(s.end)}});
    }
  }
  return out;
}

}  // namespace

std::vector<Segment> segment(std::string_view text, Span within) {
  if (within.end <= within.start) return {};
  const std::size_t begin = byte_offset_of(text, within.start);
  const std::size_t end = begin + byte_offset_of(text.substr(begin), within.end - within.start);
  return segment_bytes(text, begin, end, within.start);
}

std::vector<Segment> segment(std::string_view text) {
  return segment_bytes(text, 0, text.size(), 0);  // no need to count the text's code points
}

}  // namespace sgwrs::analysis
