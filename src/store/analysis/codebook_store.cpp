#include "store/analysis/codebook_store.hpp"

#include "store/core/db.hpp"

namespace sgwrs::store::analysis {
namespace {

CodebookVersion codebook_from(const Row& r) {
  return {r.i64(0), static_cast<int>(r.i64(1)), r.text(2), r.text(3), r.i64(4), r.opt_i64(5)};
}

}  // namespace

std::optional<CodebookVersion> current_codebook(Conn& c) {
  auto rows = c.query(
      "SELECT id, version, body, note, created_at, created_by FROM codebook_versions "
      "ORDER BY version DESC LIMIT 1");
  if (rows.empty()) return std::nullopt;
  return codebook_from(rows[0]);
}

std::vector<CodebookVersion> codebook_history(Conn& c) {
  std::vector<CodebookVersion> out;
  for (const auto& r :
       c.query("SELECT id, version, body, note, created_at, created_by FROM codebook_versions "
               "ORDER BY version DESC"))
    out.push_back(codebook_from(r));
  return out;
}

Result<CodebookVersion> insert_codebook(Conn& c, CodebookVersion v, std::int64_t now) {
  try {
    v.id = c.query(
                "INSERT INTO codebook_versions (version, body, note, created_at, created_by) "
                "VALUES (?, ?, ?, ?, ?) RETURNING id",
                {std::int64_t{v.version}, v.body_json, v.note, now, by_user(v.created_by)})
               .at(0)
               .i64(0);
  } catch (const StoreError& e) {
    if (e.kind == StoreError::Kind::unique_violation) return Error::of(Errc::stale, "stale");
    throw;
  }
  v.created_at = now;
  return v;
}

}  // namespace sgwrs::store::analysis
