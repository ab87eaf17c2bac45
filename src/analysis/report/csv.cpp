#include "analysis/report/csv.hpp"

#include <algorithm>

#include "analysis/report/numbers.hpp"
#include "domain/core/validation.hpp"

namespace sgwrs::analysis {

std::string neutralise_formula(std::string_view cell) {
  if (cell.empty() || is_plain_number(cell)) return std::string(cell);
  switch (cell.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return "'" + std::string(cell);
    default:
      return std::string(cell);
  }
}

namespace {

void append_field(std::string& out, std::string_view raw) {
  const std::string cell = neutralise_formula(to_valid_utf8(raw));
  if (cell.find_first_of(",\"\r\n") == std::string::npos) {
    out += cell;
    return;
  }
  out += '"';
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_record(std::string& out, const std::vector<std::string>& cells, std::size_t width) {
  const std::size_t n = std::max(width, cells.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) out += ',';
    if (i < cells.size()) append_field(out, cells[i]);
  }
  out += "\r\n";
}

}  // namespace

std::string to_csv(const Table& table) {
  std::string out = "\xEF\xBB\xBF";  // byte order mark: Excel then reads the file as UTF-8
  // Not quoted, so readers that skip comment lines ("#") skip them whole; a note is one line.
  for (const auto& note : table.notes) {
    std::string line = "# " + to_valid_utf8(note);
    for (char& c : line)
      if (c == '\r' || c == '\n') c = ' ';
    out += line + "\r\n";
  }
  if (!table.header.empty()) append_record(out, table.header, 0);
  for (const auto& row : table.rows) append_record(out, row, table.header.size());
  return out;
}

}  // namespace sgwrs::analysis
