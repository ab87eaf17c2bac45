#include "analysis/import/metadata_csv.hpp"

#include <array>
#include <map>
#include <optional>
#include <set>

#include "analysis/import/csv_records.hpp"
#include "analysis/import/text_decoding.hpp"
#include "domain/core/date.hpp"
#include "domain/core/validation.hpp"

namespace sgwrs::analysis {

namespace {

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// "2024-03-07" or "07/03/2024" (day first, as UK spreadsheets write it) -> "2024-03-07";
// nullopt for anything else or a day that does not exist.
std::optional<std::string> parse_date(std::string_view s) {
  // DD/MM/YYYY (as spreadsheets in Wales write it) is read as the same ISO date.
  std::string iso(s);
  if (s.size() == 10 && s[2] == '/' && s[5] == '/')
    iso = std::string(s.substr(6, 4)) + "-" + std::string(s.substr(3, 2)) + "-" +
          std::string(s.substr(0, 2));
  const auto date = parse_iso_date(iso);
  if (!date || date->year() < std::chrono::year{1900}) return std::nullopt;
  return format_iso_date(*date);
}

std::string clean_value(std::string_view raw) {
  // Decoded text is valid UTF-8; to_nfc keeps names comparable with what people type.
  return to_nfc(trimmed(raw));
}

}  // namespace

MetadataCsv parse_metadata_csv(std::string_view bytes) {
  MetadataCsv out;
  auto whole_file_problem = [&](std::string code, std::string detail) {
    out.problems.push_back({0, "", ImportError{std::move(code), std::move(detail)}});
    return out;
  };
  auto decoded = decode_text_bytes(bytes);
  if (auto* error = std::get_if<ImportError>(&decoded))
    return whole_file_problem(error->code, "the metadata CSV: " + error->detail);
  const CsvRecords csv = read_csv_records(std::get<std::string>(decoded));
  if (csv.error) return whole_file_problem("metadata_bad_csv", *csv.error);
  if (csv.records.empty()) return whole_file_problem("metadata_no_file_column", "the CSV is empty");

  // Column positions by header name ("service area" and "service-area" also do).
  std::map<std::string, std::size_t> column;
  for (std::size_t k = 0; k < csv.records[0].size(); ++k) {
    std::string name = lower_ascii(trimmed(csv.records[0][k]));
    for (char& c : name)
      if (c == ' ' || c == '-') c = '_';
    column.emplace(name, k);
  }
  if (!column.contains("file"))
    return whole_file_problem("metadata_no_file_column",
                              "the first row must name the columns, including \"file\"");
  auto cell = [&](const std::vector<std::string>& record, std::string_view name) {
    const auto it = column.find(std::string(name));
    if (it == column.end() || it->second >= record.size()) return std::string();
    return clean_value(record[it->second]);
  };

  std::set<std::string> seen;
  for (std::size_t r = 1; r < csv.records.size(); ++r) {
    const auto& record = csv.records[r];
    const std::size_t row = csv.rows[r];
    const std::string where = "row " + std::to_string(row);
    MetadataRow parsed;
    parsed.row = row;
    parsed.file_name = cell(record, "file");
    auto problem = [&](std::string code, std::string detail) {
      out.problems.push_back(
          {row, parsed.file_name, ImportError{std::move(code), where + ": " + detail}});
    };
    if (parsed.file_name.empty()) {
      problem("metadata_no_file", "no file name");
      continue;
    }
    if (!seen.insert(parsed.file_name).second) {
      problem("metadata_duplicate_file",
              "\"" + parsed.file_name + "\" already has a row above; this one is ignored");
      continue;
    }
    bool ok = true;
    parsed.meta.organisation = cell(record, "organisation");
    parsed.meta.service_area = cell(record, "service_area");
    parsed.meta.title = cell(record, "title");
    const std::string date = cell(record, "date");
    if (!date.empty()) {
      if (auto iso = parse_date(date)) {
        parsed.meta.date = *iso;
      } else {
        problem("metadata_bad_date",
                "date \"" + date + "\" is not a real date written YYYY-MM-DD or DD/MM/YYYY");
        ok = false;
      }
    }
    const std::string group = cell(record, "group_size");
    if (!group.empty()) {
      if (all_digits(group) && group.size() <= 3 && std::stoi(group) >= 1) {
        parsed.meta.group_size = std::stoi(group);
      } else {
        problem("metadata_bad_group_size",
                "group size \"" + group + "\" is not a whole number from 1 to 999");
        ok = false;
      }
    }
    if (ok) out.rows.push_back(std::move(parsed));
  }
  return out;
}

}  // namespace sgwrs::analysis
