#pragma once
// XLSX export through libxlsxwriter: one worksheet per table, the header row in bold and
// frozen, cells that hold a plain number written as numbers (so they sum and sort) and
// everything else as text (never as a formula).
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/report/table.hpp"
#include "domain/core/result.hpp"

namespace sgwrs::analysis {

struct XlsxOptions {
  // The creation time recorded in the document properties; fixing it makes the file
  // byte-for-byte reproducible. Absent: the current time.
  std::optional<std::time_t> created;
};

// Writes `sheets` (name, table) to `path`. Errors: Errc::invalid (key
// "export.invalid_sheet", no sheets, a name Excel refuses, or a cell longer than Excel
// allows), Errc::unavailable (key "export.write_failed", the file could not be written).
Status write_xlsx(const std::vector<std::pair<std::string, Table>>& sheets,
                  const std::filesystem::path& path, const XlsxOptions& options = {});

}  // namespace sgwrs::analysis
