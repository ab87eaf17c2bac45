#include "store/analysis/finding_store.hpp"

#include "store/core/db.hpp"

namespace sgwrs::store::analysis {
namespace {

constexpr const char* kFindingCols =
    "id, theme_id, ordinal, what_data_shows, why_it_matters, quotes, version, drafted_year";

FindingRow finding_from(const Row& r) {
  FindingRow f{r.i64(0), r.text(1),   static_cast<int>(r.i64(2)), r.text(3), r.text(4), r.text(5),
               r.i64(6), std::nullopt};
  if (auto y = r.opt_i64(7)) f.drafted_year = static_cast<int>(*y);
  return f;
}

}  // namespace

std::vector<FindingRow> list_findings(Conn& c) {
  std::vector<FindingRow> out;
  for (const auto& r :
       c.query(std::string("SELECT ") + kFindingCols + " FROM findings ORDER BY ordinal, id"))
    out.push_back(finding_from(r));
  return out;
}

std::optional<FindingRow> find_finding(Conn& c, Id id) {
  auto rows = c.query(std::string("SELECT ") + kFindingCols + " FROM findings WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return finding_from(rows[0]);
}

void replace_findings(Conn& c, const std::vector<FindingRow>& rows, Id by, std::int64_t now) {
  c.exec("DELETE FROM findings");
  for (const auto& f : rows)
    c.exec(
        "INSERT INTO findings (theme_id, ordinal, what_data_shows, why_it_matters, quotes, "
        "version, updated_at, updated_by, drafted_year) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)",
        {f.theme_id, std::int64_t{f.ordinal}, f.what_data_shows, f.why_it_matters, f.quotes_json,
         now, by_user(by),
         opt(f.drafted_year ? std::optional<std::int64_t>(*f.drafted_year) : std::nullopt)});
}

Result<FindingRow> update_finding(Conn& c, const FindingRow& f, Id by, std::int64_t now) {
  const auto n = c.exec(
      "UPDATE findings SET what_data_shows = ?, why_it_matters = ?, version = version + 1, "
      "updated_at = ?, updated_by = ? WHERE id = ? AND version = ?",
      {f.what_data_shows, f.why_it_matters, now, by_user(by), f.id, f.version});
  if (n == 0) {
    if (!find_finding(c, f.id)) return Error::of(Errc::not_found, "not_found");
    return Error::of(Errc::stale, "stale");
  }
  return *find_finding(c, f.id);
}

Result<FindingRow> update_finding_quotes(Conn& c, Id id, std::int64_t version,
                                         const std::string& quotes_json, Id by, std::int64_t now) {
  const auto n = c.exec(
      "UPDATE findings SET quotes = ?, version = version + 1, updated_at = ?, updated_by = ? "
      "WHERE id = ? AND version = ?",
      {quotes_json, now, by_user(by), id, version});
  if (n == 0) {
    if (!find_finding(c, id)) return Error::of(Errc::not_found, "not_found");
    return Error::of(Errc::stale, "stale");
  }
  return *find_finding(c, id);
}

}  // namespace sgwrs::store::analysis
