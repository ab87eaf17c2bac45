#pragma once
// Recognising cells that hold a plain decimal number, for exports that should keep numbers
// as numbers. Deliberately strict: identifiers such as "007" or "W06000015", and anything
// with spaces, thousands separators or exponents, stay text.
#include <optional>
#include <string_view>

namespace sgwrs::analysis {

// -?digits(.digits)? with an optional leading '+' or '-', no superfluous leading zeros.
bool is_plain_number(std::string_view cell);

// The value of a plain number; absent for anything else.
std::optional<double> plain_number_value(std::string_view cell);

}  // namespace sgwrs::analysis
