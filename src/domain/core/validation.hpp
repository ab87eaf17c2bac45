#pragma once
// Pure checks and normalisation for text people type. Text is stored as UTF-8 in NFC;
// lengths are counted in Unicode code points, which is what people see as characters.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/core/result.hpp"
#include "domain/core/utf8.hpp"
#include "domain/organisation/organisation.hpp"

namespace sgwrs {

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
