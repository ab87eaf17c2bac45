#include "analysis/import/text_decoding.hpp"

#include <array>

#include "domain/core/utf8.hpp"
#include "domain/core/validation.hpp"

namespace sgwrs::analysis {

namespace {

ImportError unknown_encoding(std::string detail) {
  return {"unknown_encoding", std::move(detail)};
}

// Controls that never appear in text people write; their presence means binary data.
// Tab, line feed, carriage return, form feed and vertical tab are text.
bool is_binary_control(char32_t cp) {
  return cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' && cp != '\f' && cp != '\v';
}

std::variant<std::string, ImportError> decode_utf16(std::string_view bytes, bool little_endian) {
  if (bytes.size() % 2 != 0)
    return unknown_encoding("UTF-16 text with an odd number of bytes (truncated or not UTF-16)");
  std::string out;
  out.reserve(bytes.size());
  auto unit_at = [&](std::size_t i) {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return static_cast<char32_t>(little_endian ? (a | (b << 8)) : ((a << 8) | b));
  };
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    char32_t cp = unit_at(i);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (i + 3 >= bytes.size())
        return unknown_encoding("UTF-16 text ends in half a surrogate pair");
      const char32_t low = unit_at(i + 2);
      if (low < 0xDC00 || low > 0xDFFF)
        return unknown_encoding("UTF-16 text with an unpaired surrogate");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return unknown_encoding("UTF-16 text with an unpaired surrogate");
    }
    if (is_binary_control(cp))
      return unknown_encoding("UTF-16 text containing control characters (binary data?)");
    append_utf8(out, cp);
  }
  return out;
}

// Windows-1252 bytes 0x80-0x9F; 0 marks the five bytes the code page leaves undefined.
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// 1252 is only a fallback: every byte string "decodes" as 1252, so accept it only when it
// reads like text written in a Latin script: no undefined bytes, no binary controls, and
// mostly ASCII (even Welsh or French prose is well over 80% ASCII letters and spaces).
std::variant<std::string, ImportError> decode_cp1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  std::size_t high = 0;
  for (char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    char32_t cp = b;
    if (b >= 0x80) {
      ++high;
      if (b < 0xA0) {
        cp = kCp1252High[b - 0x80];
        if (cp == 0)
          return unknown_encoding("not UTF-8, and has bytes Windows-1252 does not define");
      }
    } else if (is_binary_control(cp)) {
      return unknown_encoding("contains control characters or NUL bytes (binary data?)");
    }
    append_utf8(out, cp);
  }
  if (high * 5 > bytes.size())
    return unknown_encoding("not UTF-8, and too many non-ASCII bytes to be Windows-1252 text");
  return out;
}

}  // namespace

std::variant<std::string, ImportError> decode_text_bytes(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    if (!is_valid_utf8(bytes))
      return unknown_encoding("starts with a UTF-8 byte order mark but is not valid UTF-8");
  } else if (bytes.starts_with("\xFF\xFE")) {
    return decode_utf16(bytes.substr(2), true);
  } else if (bytes.starts_with("\xFE\xFF")) {
    return decode_utf16(bytes.substr(2), false);
  } else if (!is_valid_utf8(bytes)) {
    return decode_cp1252(bytes);
  }
  for (char ch : bytes)
    if (is_binary_control(static_cast<unsigned char>(ch)))
      return unknown_encoding("contains control characters or NUL bytes (binary data?)");
  return std::string(bytes);
}

std::variant<ExtractedText, ImportError> finish_text(std::string format, std::string_view utf8_in,
                                                     const ImportLimits& limits) {
  std::string cleaned;
  cleaned.reserve(utf8_in.size());
  bool any_visible = false;
  for (std::size_t i = 0; i < utf8_in.size();) {
    const char32_t cp = next_code_point(utf8_in, i);
    if (cp == '\r') {
      cleaned += '\n';
      if (i < utf8_in.size() && utf8_in[i] == '\n') ++i;  // CRLF is one line end
    } else if (cp == '\f' || cp == '\v' || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
      cleaned += '\n';
    } else if (cp == 0xFEFF && cleaned.empty()) {
      // a byte order mark is not text
    } else if ((cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F)) {
      // stray controls (from PDFs and Word fields) are invisible; dropping them keeps
      // offsets about what a reader sees
    } else {
      if (cp != ' ' && cp != '\t' && cp != '\n' && cp != 0xA0 && cp != 0xFEFF) any_visible = true;
      append_utf8(cleaned, cp);
    }
  }
  if (!any_visible) return ImportError{"empty", "the report has no text (only whitespace)"};
  std::string text = to_nfc(cleaned);
  const std::size_t length = code_point_count(text);
  if (length > limits.max_text_code_points)
    return ImportError{"too_long", "the text has " + std::to_string(length) +
                                       " characters; the limit is " +
                                       std::to_string(limits.max_text_code_points)};
  return ExtractedText{std::move(format), std::move(text)};
}

}  // namespace sgwrs::analysis
