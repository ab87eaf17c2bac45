#include "analysis/import/folder_import.hpp"

#include <algorithm>
#include <fstream>
#include <map>

#include "analysis/import/extract.hpp"
#include "analysis/import/headings.hpp"
#include "domain/core/validation.hpp"

namespace sgwrs::analysis {

namespace {

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// File names as they compare with the CSV: macOS writes names decomposed (NFD).
std::string name_key(const std::string& name) {
  return is_valid_utf8(name) ? to_nfc(name) : name;
}

}  // namespace

FolderImport import_folder(const std::filesystem::path& dir, const ImportLimits& limits,
                           const std::function<void(std::size_t, std::size_t)>& progress) {
  namespace fs = std::filesystem;
  FolderImport result;

  std::vector<fs::path> files;
  std::optional<fs::path> metadata_path;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    result.problems.push_back(
        {dir.string(), ImportError{"unreadable", "cannot list the folder: " + ec.message()}});
    return result;
  }
  for (const fs::directory_entry& entry : it) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(".") || name.starts_with("~$")) continue;
    std::error_code type_ec;
    if (!entry.is_regular_file(type_ec)) continue;
    if (lower_ascii(name) == kMetadataFileName) {
      metadata_path = entry.path();
      continue;
    }
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });

  // Metadata first, so each report gets its row as it is imported.
  std::map<std::string, MetadataRow> rows;
  std::vector<FileProblem> metadata_problems;
  if (metadata_path) {
    const std::string csv_name = metadata_path->filename().string();
    std::uintmax_t size = fs::file_size(*metadata_path, ec);
    if (ec || size > limits.max_file_bytes) {
      metadata_problems.push_back(
          {csv_name, ImportError{ec ? "unreadable" : "too_large",
                                 ec ? "cannot read the metadata file"
                                    : "the metadata file is larger than the file size limit"}});
    } else {
      std::ifstream in(*metadata_path, std::ios::binary);
      std::string bytes(static_cast<std::size_t>(size), '\0');
      in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      bytes.resize(static_cast<std::size_t>(in.gcount()));
      MetadataCsv csv = parse_metadata_csv(bytes);
      for (MetadataProblem& p : csv.problems) metadata_problems.push_back({csv_name, p.error});
      std::map<std::string, bool> present;
      for (const fs::path& f : files) present[name_key(f.filename().string())] = true;
      for (MetadataRow& row : csv.rows) {
        const std::string key = name_key(row.file_name);
        if (!present.contains(key)) {
          metadata_problems.push_back(
              {csv_name, ImportError{"metadata_unknown_file",
                                     "row " + std::to_string(row.row) + ": no file named \"" +
                                         row.file_name + "\" in the folder"}});
          continue;
        }
        rows.emplace(key, std::move(row));
      }
    }
  }

  const std::size_t total = files.size();
  if (progress) progress(0, total);
  for (std::size_t i = 0; i < total; ++i) {
    const std::string name = files[i].filename().string();
    ExtractResult extracted = extract_file(files[i], limits);
    if (auto* error = std::get_if<ImportError>(&extracted)) {
      result.problems.push_back({name, std::move(*error)});
    } else {
      ImportedReport report;
      report.file_name = name;
      report.extracted = std::move(std::get<ExtractedText>(extracted));
      report.parsed = split_headings(report.extracted.text);
      if (!has_recognised_heading(report.parsed)) report.warnings.push_back("no_headings");
      if (auto row = rows.find(name_key(name)); row != rows.end()) report.meta = row->second.meta;
      result.reports.push_back(std::move(report));
    }
    if (progress) progress(i + 1, total);
  }
  for (FileProblem& p : metadata_problems) result.problems.push_back(std::move(p));
  return result;
}

}  // namespace sgwrs::analysis
