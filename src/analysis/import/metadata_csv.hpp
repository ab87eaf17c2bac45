#pragma once
// Report metadata from a spreadsheet saved as CSV ("reports.csv" beside the reports, or
// uploaded on the page): one row per report file.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/import/import_types.hpp"

namespace sgwrs::analysis {

struct ReportMeta {
  std::string organisation;
  std::string service_area;
  std::string date;    // YYYY-MM-DD, or empty when not given
  int group_size = 0;  // 0 when not given
  std::string title;
};

struct MetadataRow {
  std::size_t row = 0;  // as a spreadsheet numbers it: the header is row 1
  std::string file_name;
  ReportMeta meta;
};

struct MetadataProblem {
  std::size_t row = 0;    // 0 for a problem with the whole file (bad header, bad quoting)
  std::string file_name;  // the row's file, when it names one
  ImportError error;
};

struct MetadataCsv {
  std::vector<MetadataRow> rows;  // valid rows only
  std::vector<MetadataProblem> problems;
};

// RFC 4180 records (commas, double quotes with "" inside, line breaks inside quotes, CRLF
// or LF). The bytes may be UTF-8 (with or without BOM), UTF-16 with BOM or Windows-1252,
// as spreadsheets save them. The header names the columns, in any order, case-insensitive:
// file (required), organisation, service_area, date, group_size, title; others are ignored.
// A date is YYYY-MM-DD or the UK DD/MM/YYYY and must exist; a group size is a whole number
// from 1 to 999; either may be left empty. A row with a problem is reported (error codes
// "metadata_bad_date", "metadata_bad_group_size", "metadata_no_file",
// "metadata_duplicate_file") and not used; problems with the whole file
// ("metadata_bad_csv", "metadata_no_file_column", "unknown_encoding") leave no rows.
// Values are trimmed and NFC-normalised.
MetadataCsv parse_metadata_csv(std::string_view bytes);

}  // namespace sgwrs::analysis
