#include "analysis/import/csv_records.hpp"

namespace sgwrs::analysis {

CsvRecords read_csv_records(std::string_view text) {
  CsvRecords out;
  std::vector<std::string> record;
  std::string field;
  bool field_quoted = false;  // the current field was a quoted one
  bool any_content = false;   // the current record has seen a character
  std::size_t row = 1;        // record number, counting blank lines as rows
  auto end_field = [&] {
    record.push_back(std::move(field));
    field.clear();
    field_quoted = false;
  };
  auto end_record = [&] {
    end_field();
    if (any_content) {
      out.records.push_back(std::move(record));
      out.rows.push_back(row);
    }
    record.clear();
    any_content = false;
    ++row;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"' && field.find_first_not_of(" \t") == std::string::npos && !field_quoted) {
      // A quoted field: runs to the next lone quote; "" is a quote inside.
      field.clear();
      any_content = true;
      const std::size_t open_row = row;
      bool closed = false;
      for (++i; i < text.size(); ++i) {
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            ++i;
          } else {
            closed = true;
            break;
          }
        } else {
          field += text[i];
        }
      }
      if (!closed) {
        out.error = "row " + std::to_string(open_row) + ": a quoted value is never closed";
        return out;
      }
      field_quoted = true;
      // Only spaces may follow the closing quote before the separator.
      while (i + 1 < text.size() && (text[i + 1] == ' ' || text[i + 1] == '\t')) ++i;
      if (i + 1 < text.size() && text[i + 1] != ',' && text[i + 1] != '\n' && text[i + 1] != '\r') {
        out.error = "row " + std::to_string(open_row) + ": text after a closing quote";
        return out;
      }
    } else if (c == ',') {
      any_content = true;
      end_field();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_record();
    } else {
      if (field_quoted) continue;  // unreachable: guarded above
      field += c;
      if (c != ' ' && c != '\t') any_content = true;
    }
  }
  if (any_content || !record.empty() || !field.empty()) end_record();
  return out;
}

}  // namespace sgwrs::analysis
