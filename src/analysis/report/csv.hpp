#pragma once
// CSV export (RFC 4180) that opens cleanly in Excel and LibreOffice: UTF-8 with a byte
// order mark, CRLF line ends, fields quoted when they hold a comma, quote or line break.
// Cells that a spreadsheet would run as a formula (starting with = + - @ tab or CR) are
// prefixed with a single quote, so an exported quote cannot execute anything. Plain
// numbers ("-3", "+2.5") are left as they are: a spreadsheet reads them as numbers, not
// formulas, and prefixing them would turn them into text.
#include <string>
#include <string_view>

#include "analysis/report/table.hpp"

namespace sgwrs::analysis {

// One cell made safe against formula injection (no CSV quoting).
std::string neutralise_formula(std::string_view cell);

// Rows shorter than the header are padded with empty cells; longer ones are kept whole.
// Invalid UTF-8 is replaced with U+FFFD.
std::string to_csv(const Table& table);

}  // namespace sgwrs::analysis
