#include "domain/core/utf8.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace sgwrs {
namespace {

const std::uint8_t* bytes(std::string_view s) {
  return reinterpret_cast<const std::uint8_t*>(s.data());
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  const auto* p = bytes(s);
  for (std::size_t i = 0; i < s.size();) {
    UChar32 c;
    U8_NEXT(p, i, s.size(), c);
    if (c < 0) return false;
  }
  return true;
}

std::string to_valid_utf8(std::string_view s) {
  if (is_valid_utf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  const auto* p = bytes(s);
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    UChar32 c;
    U8_NEXT(p, i, s.size(), c);
    if (c < 0)
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
    else
      out.append(s.substr(start, i - start));
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  char buf[U8_MAX_LENGTH];
  std::size_t n = 0;
  U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(cp));
  out.append(buf, n);
}

char32_t next_code_point(std::string_view s, std::size_t& i) {
  UChar32 c;
  U8_NEXT_OR_FFFD(bytes(s), i, s.size(), c);
  return static_cast<char32_t>(c);
}

std::size_t code_point_count(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return !is_trail_byte(c); }));
}

std::size_t code_points_between(std::string_view text, std::size_t from, std::size_t to) {
  std::size_t n = 0;
  for (std::size_t i = from; i < to; ++i) n += !is_trail_byte(text[i]);
  return n;
}

std::size_t byte_offset_of(std::string_view text, std::size_t cp) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_trail_byte(text[i])) continue;
    if (seen == cp) return i;
    ++seen;
  }
  return text.size();
}

std::string code_point_slice(std::string_view s, std::size_t start, std::size_t end) {
  if (start >= end) return {};
  const std::size_t from = byte_offset_of(s, start);
  const std::size_t to = from + byte_offset_of(s.substr(from), end - start);
  return std::string(s.substr(from, to - from));
}

}  // namespace sgwrs
