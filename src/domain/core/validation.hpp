#pragma once
// Pure checks and normalisation for text people type. Text is stored as UTF-8 in NFC;
// lengths are counted in Unicode code points, which is what people see as characters.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/organisation/organisation.hpp"
#include "domain/core/result.hpp"

namespace sgwrs {

bool is_valid_utf8(std::string_view s);
// Copy with each byte that is not part of well-formed UTF-8 replaced by U+FFFD.
std::string to_valid_utf8(std::string_view s);
std::size_t code_point_count(std::string_view utf8);
// The code points [start, end) of valid UTF-8 text, clamped to its length.
std::string code_point_slice(std::string_view utf8, std::size_t start, std::size_t end);
// NFC-normalised copy; input must be valid UTF-8.
std::string to_nfc(std::string_view utf8);

// Collects field errors so one submission reports every problem at once.
class Validator {
 public:
  // Trims, checks UTF-8, control characters and length, and NFC-normalises `value` in place.
  void text(std::string_view field, std::string& value, std::size_t min_len, std::size_t max_len);
  void email(std::string_view field, std::string& value);
  void ons_code(std::string_view field, std::string& value);
  void fail(std::string_view field, std::string_view key);
  bool ok() const { return fields_.empty(); }
  Status status() const;

 private:
  std::vector<FieldError> fields_;
};

}  // namespace sgwrs
