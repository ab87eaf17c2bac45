#include "http/core/table_view.hpp"

namespace sgwrs::http {

using web::Data;

Data table_view(const App& app, const Ctx& c, const std::vector<std::string>& column_keys,
                const std::vector<std::vector<TableCell>>& rows) {
  Data d{Data::type::object};
  Data cols{Data::type::list};
  for (const auto& k : column_keys) {
    Data col{Data::type::object};
    col.set("label", app.t(c, k));
    cols.push_back(col);
  }
  Data rs{Data::type::list};
  for (const auto& row : rows) {
    Data cells{Data::type::list};
    for (const auto& cell : row) {
      Data cd{Data::type::object};
      cd.set("text", cell.text);
      if (!cell.href.empty()) cd.set("href", cell.href);
      cells.push_back(cd);
    }
    Data r{Data::type::object};
    r.set("cells", cells);
    rs.push_back(r);
  }
  d.set("columns", cols);
  d.set("rows", rs);
  if (!rows.empty()) d.set("has_rows", true);
  return d;
}

}  // namespace sgwrs::http
