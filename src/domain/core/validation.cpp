#include "domain/core/validation.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>

namespace sgwrs {

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
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = next_code_point(s, i);
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
