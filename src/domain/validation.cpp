#include "domain/validation.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>

namespace sgwrs {

bool is_valid_utf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len;
    char32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Reject overlong forms, surrogates and values beyond Unicode.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return false;
    i += len;
  }
  return true;
}

std::size_t code_point_count(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
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

bool has_control_chars(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return (u < 0x20 && u != '\n' && u != '\r' && u != '\t') || u == 0x7F;
  });
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
  if (at == std::string::npos || at == 0 || at + 1 >= value.size() ||
      value.find('@', at + 1) != std::string::npos || value.find(' ') != std::string::npos ||
      value.find('.', at) == std::string::npos)
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
