#include "store/analysis/coding_store.hpp"

#include "store/core/closed_set_column.hpp"

namespace sgwrs::store::analysis {
namespace {

constexpr const char* kCodingCols =
    "k.id, k.report_id, k.theme_id, k.start_cp, k.end_cp, k.heading, k.coder_id, "
    "u.display_name, k.memo, k.origin, k.created_at";

Coding coding_from(const Row& r) {
  return {r.i64(0),  r.i64(1),
          r.text(2), r.i64(3),
          r.i64(4),  r.text(5),
          r.i64(6),  r.text(7),
          r.text(8), stored_value(kCodingOrigins, r.text(9), "codings.origin"),
          r.i64(10)};
}

}  // namespace

Result<Coding> insert_coding(Conn& c, Coding k, std::int64_t now) {
  try {
    k.id = c.query(
                "INSERT INTO codings (report_id, theme_id, start_cp, end_cp, heading, coder_id, "
                "memo, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                {k.report_id, k.theme_id, k.start, k.end, k.heading, k.coder_id, k.memo,
                 std::string(kCodingOrigins.id(k.origin)), now})
               .at(0)
               .i64(0);
  } catch (const StoreError& e) {
    if (e.kind == StoreError::Kind::unique_violation)
      return Error::of(Errc::conflict, "coding_exists");
    throw;
  }
  k.created_at = now;
  return k;
}

bool insert_coding_if_absent(Conn& c, const Coding& k, std::int64_t now) {
  return !c.query(
               "INSERT INTO codings (report_id, theme_id, start_cp, end_cp, heading, coder_id, "
               "memo, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
               "ON CONFLICT (report_id, coder_id, theme_id, start_cp, end_cp) DO NOTHING "
               "RETURNING id",
               {k.report_id, k.theme_id, k.start, k.end, k.heading, k.coder_id, k.memo,
                std::string(kCodingOrigins.id(k.origin)), now})
              .empty();
}

bool delete_coding(Conn& c, Id report_id, Id coding_id) {
  return c.exec("DELETE FROM codings WHERE id = ? AND report_id = ?", {coding_id, report_id}) == 1;
}

std::vector<Coding> codings_for_report(Conn& c, Id report_id) {
  std::vector<Coding> out;
  for (const auto& r : c.query(std::string("SELECT ") + kCodingCols +
                                   " FROM codings k JOIN users u ON u.id = k.coder_id "
                                   "WHERE k.report_id = ? ORDER BY k.start_cp, k.id",
                               {report_id}))
    out.push_back(coding_from(r));
  return out;
}

std::vector<Coding> all_codings(Conn& c) {
  std::vector<Coding> out;
  for (const auto& r : c.query(std::string("SELECT ") + kCodingCols +
                               " FROM codings k JOIN users u ON u.id = k.coder_id "
                               "ORDER BY k.report_id, k.start_cp, k.id"))
    out.push_back(coding_from(r));
  return out;
}

std::optional<Coding> find_coding(Conn& c, Id coding_id) {
  auto rows = c.query(std::string("SELECT ") + kCodingCols +
                          " FROM codings k JOIN users u ON u.id = k.coder_id WHERE k.id = ?",
                      {coding_id});
  if (rows.empty()) return std::nullopt;
  return coding_from(rows[0]);
}

}  // namespace sgwrs::store::analysis
