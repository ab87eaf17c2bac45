#pragma once
// The data of a table for templates/core/_table.mustache: column headings from catalogue
// keys, and rows of cells that may link somewhere.
#include <string>
#include <vector>

#include "http/core/app.hpp"

namespace sgwrs::http {

struct TableCell {
  std::string text;
  std::string href = {};
};

web::Data table_view(const App& app, const Ctx& c, const std::vector<std::string>& column_keys,
                     const std::vector<std::vector<TableCell>>& rows);

}  // namespace sgwrs::http
