#pragma once
// Importing a folder of follow-up reports, with their metadata from "reports.csv".
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analysis/import/import_types.hpp"
#include "analysis/import/metadata_csv.hpp"
#include "analysis/model.hpp"

namespace sgwrs::analysis {

struct ImportedReport {
  std::string file_name;
  ExtractedText extracted;
  ParsedReport parsed;
  std::optional<ReportMeta> meta;     // nullopt when reports.csv has no (valid) row for it
  std::vector<std::string> warnings;  // "no_headings"
};

struct FileProblem {
  std::string file_name;  // the report, or "reports.csv" for a metadata problem
  ImportError error;
};

struct FolderImport {
  std::vector<ImportedReport> reports;  // sorted by file name
  std::vector<FileProblem> problems;    // files first (sorted), then metadata rows
};

inline constexpr std::string_view kMetadataFileName = "reports.csv";

// Imports every regular file in `dir` (not its subfolders), skipping hidden files, Office
// lock files ("~$...") and reports.csv. A file that cannot be imported becomes a problem
// and never stops the rest. Metadata rows are matched to files by exact (NFC) name;
// rows with errors, and rows naming no file in the folder ("metadata_unknown_file"), are
// problems naming their row. `progress` is called with (0, total) and after each file.
// A folder that cannot be listed gives one problem with code "unreadable".
FolderImport import_folder(
    const std::filesystem::path& dir, const ImportLimits& limits,
    const std::function<void(std::size_t done, std::size_t total)>& progress = {});

}  // namespace sgwrs::analysis
