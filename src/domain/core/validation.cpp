#include "domain/core/validation.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>

namespace sgwrs {

namespace {

// Decodes the code point starting at s[i]; returns its length in bytes, or 0 when the bytes
// there are not well-formed UTF-8 (overlong forms, surrogates and values beyond Unicode
// included).
std::size_t decode_one(std::string_view s, std::size_t i, char32_t& cp) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t len;
  if (c < 0x80) {
    cp = c;
    return 1;
  } else if ((c & 0xE0) == 0xC0) {
    len = 2, cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
      (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
    return 0;
  return len;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  char32_t cp;
  for (std::size_t i = 0; i < s.size();) {
    const auto len = decode_one(s, i, cp);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string to_valid_utf8(std::string_view s) {
  if (is_valid_utf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  char32_t cp;
  for (std::size_t i = 0; i < s.size();) {
    const auto len = decode_one(s, i, cp);
    if (len == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER, one per bad byte
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::size_t code_point_count(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string code_point_slice(std::string_view s, std::size_t start, std::size_t end) {
  std::size_t cp = 0, from = s.size(), to = s.size();
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && (s[i] & 0xC0) == 0x80) continue;  // inside a code point
    if (cp == start) from = i;
    if (cp == end) {
      to = i;
      break;
    }
    ++cp;
  }
  return from >= to ? std::string{} : std::string(s.substr(from, to - from));
}

std::string to_nfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (nfc->isNormalized(in, status) && U_SUCCESS(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  icu::UnicodeString out = nfc->normalize(in, status);
  std::string result;
  out.toUTF8String(result);
  return result;
}

namespace {

std::string trim(std::string_view s) {
  auto is_space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  size_t b = 0, e = s.size();
  while (b < e && is_space(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && is_space(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

// C0 and C1 controls (but tab and line breaks), DEL, and the bidirectional embedding,
// override and isolate controls, which can make stored text read differently from what
// it holds. Input must be valid UTF-8.
bool has_control_chars(std::string_view s) {
  char32_t cp;
  for (std::size_t i = 0; i < s.size();) {
    i += decode_one(s, i, cp);
    if ((cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t') || (cp >= 0x7F && cp <= 0x9F) ||
        (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
      return true;
  }
  return false;
}

// The part after "@": dot-separated labels, each non-empty, of letters, digits and
// hyphens (any non-ASCII letter is allowed for internationalised domains), not starting
// or ending with a hyphen, and at least two labels.
bool is_email_domain(std::string_view d) {
  if (d.empty() || d.find('.') == std::string_view::npos) return false;
  std::size_t start = 0;
  while (start <= d.size()) {
    const auto dot = std::min(d.find('.', start), d.size());
    const auto label = d.substr(start, dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
      return false;
    for (unsigned char c : label)
      if (c < 0x80 && !std::isalnum(c) && c != '-') return false;
    start = dot + 1;
  }
  return true;
}

}  // namespace

void Validator::text(std::string_view field, std::string& value, std::size_t min_len,
                     std::size_t max_len) {
  if (!is_valid_utf8(value)) return fail(field, "invalid_utf8");
  value = to_nfc(trim(value));
  if (has_control_chars(value)) return fail(field, "control_characters");
  const auto n = code_point_count(value);
  if (n == 0 && min_len > 0) return fail(field, "required");
  if (n < min_len) return fail(field, "too_short");
  if (n > max_len) return fail(field, "too_long");
}

void Validator::email(std::string_view field, std::string& value) {
  const auto before = fields_.size();
  text(field, value, 1, 254);
  if (fields_.size() != before) return;
  std::transform(value.begin(), value.end(), value.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto at = value.find('@');
  if (at == std::string::npos || at == 0 || at > 64 ||
      value.find('@', at + 1) != std::string::npos ||
      value.find_first_of(" \t\r\n,;<>()[]\\\"") != std::string::npos ||
      !is_email_domain(std::string_view(value).substr(at + 1)))
    fail(field, "email_format");
}

void Validator::ons_code(std::string_view field, std::string& value) {
  const auto before = fields_.size();
  text(field, value, 1, 9);
  if (fields_.size() != before) return;
  std::transform(value.begin(), value.end(), value.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  // ONS/GSS codes: one letter, two digits of entity type, six digits of instance.
  const bool shape =
      value.size() == 9 && std::isalpha(static_cast<unsigned char>(value[0])) &&
      std::all_of(value.begin() + 1, value.end(), [](unsigned char c) { return std::isdigit(c); });
  if (!shape) fail(field, "ons_code_format");
}

void Validator::fail(std::string_view field, std::string_view key) {
  // One message per field: the first problem found is the one to fix first.
  for (const auto& f : fields_)
    if (f.field == field) return;
  fields_.push_back({std::string(field), std::string(key)});
}

Status Validator::status() const {
  if (ok()) return ok_status();
  Error e = Error::of(Errc::invalid, "invalid_input");
  e.fields = fields_;
  return e;
}

}  // namespace sgwrs
