#pragma once
// RFC 4180 CSV records (internal to the importers).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sgwrs::analysis {

struct CsvRecords {
  std::vector<std::vector<std::string>> records;  // blank lines skipped
  std::vector<std::size_t> rows;                  // each record's 1-based row number
  std::optional<std::string> error;               // e.g. an unterminated quote
};

CsvRecords read_csv_records(std::string_view text);

}  // namespace sgwrs::analysis
