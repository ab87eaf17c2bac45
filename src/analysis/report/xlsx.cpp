#include "analysis/report/xlsx.hpp"

#include <xlsxwriter.h>

#include <cctype>
#include <set>

#include "analysis/report/numbers.hpp"
#include "domain/core/validation.hpp"

namespace sgwrs::analysis {

namespace {

// Excel's own limits.
constexpr std::size_t max_rows = 1048576;
constexpr std::size_t max_cols = 16384;

Error invalid(std::string detail) {
  return Error::of(Errc::invalid, "export.invalid_sheet", std::move(detail));
}

Status write_sheet(lxw_workbook* wb, const std::string& name, const Table& table,
                   lxw_format* bold) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (ws == nullptr) return invalid("could not add the sheet '" + name + "'");
  if (table.rows.size() + table.notes.size() + 1 > max_rows)
    return invalid("sheet '" + name + "' has too many rows");

  auto write_row = [&](lxw_row_t r, const std::vector<std::string>& cells,
                       lxw_format* format) -> Status {
    if (cells.size() > max_cols) return invalid("sheet '" + name + "' has too many columns");
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      lxw_error err = LXW_NO_ERROR;
      if (auto number = plain_number_value(cells[c]); number && format == nullptr) {
        err = worksheet_write_number(ws, r, col, *number, nullptr);
      } else if (!cells[c].empty()) {
        const std::string text = to_valid_utf8(cells[c]);
        err = worksheet_write_string(ws, r, col, text.c_str(), format);
      }
      if (err != LXW_NO_ERROR)
        return invalid("sheet '" + name + "', row " + std::to_string(r + 1) + ", column " +
                       std::to_string(c + 1) + ": " + lxw_strerror(err));
    }
    return ok_status();
  };

  lxw_row_t r = 0;
  for (const auto& note : table.notes)
    if (Status s = write_row(r++, {note}, bold); !s) return s;
  if (!table.header.empty()) {
    if (Status s = write_row(r++, table.header, bold); !s) return s;
    worksheet_freeze_panes(ws, r, 0);
  }
  for (const auto& row : table.rows)
    if (Status s = write_row(r++, row, nullptr); !s) return s;
  return ok_status();
}

}  // namespace

namespace {

// Fills the workbook; on an error the caller discards the file.
Status fill(lxw_workbook* wb, const std::vector<std::pair<std::string, Table>>& sheets,
            const XlsxOptions& options) {
  // Check every name first, with Excel's rules (length, characters, apostrophes, repeats).
  std::set<std::string> seen;
  for (const auto& [name, table] : sheets) {
    if (name.empty()) return invalid("a sheet needs a name");
    std::string folded = name;
    for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!seen.insert(folded).second)
      return invalid("sheet name '" + name + "' is used twice (Excel ignores case in names)");
    if (lxw_error err = workbook_validate_sheet_name(wb, name.c_str()); err != LXW_NO_ERROR)
      return invalid("sheet name '" + name + "': " + lxw_strerror(err));
  }
  if (options.created) {
    lxw_doc_properties props{};
    props.created = *options.created;
    workbook_set_properties(wb, &props);
  }
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  for (const auto& [name, table] : sheets)
    if (Status s = write_sheet(wb, name, table, bold); !s) return s;
  return ok_status();
}

}  // namespace

Status write_xlsx(const std::vector<std::pair<std::string, Table>>& sheets,
                  const std::filesystem::path& path, const XlsxOptions& options) {
  if (sheets.empty()) return invalid("there are no sheets to write");

  // Written beside the target and renamed into place, so a failure leaves no partial file.
  std::filesystem::path partial = path;
  partial += ".partial";
  lxw_workbook_options wb_options{};
  wb_options.constant_memory = LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(partial.string().c_str(), &wb_options);
  if (wb == nullptr)
    return Error::of(Errc::unavailable, "export.write_failed", "could not start a workbook");

  Status filled = fill(wb, sheets, options);
  const lxw_error err = workbook_close(wb);  // also frees the workbook
  std::error_code ec;
  if (!filled) {
    std::filesystem::remove(partial, ec);
    return filled;
  }
  if (err != LXW_NO_ERROR) {
    std::filesystem::remove(partial, ec);
    return Error::of(Errc::unavailable, "export.write_failed",
                     "could not write " + path.string() + ": " + lxw_strerror(err));
  }
  std::filesystem::rename(partial, path, ec);
  if (ec) {
    std::filesystem::remove(partial, ec);
    return Error::of(Errc::unavailable, "export.write_failed",
                     "could not write " + path.string() + ": " + ec.message());
  }
  return ok_status();
}

}  // namespace sgwrs::analysis
