#include "store/analysis/model_store.hpp"

namespace sgwrs::store::analysis {
namespace {

constexpr const char* kHeadCols =
    "id, codebook_version, examples, reviewed_count, evaluation, trained_by, trained_at";

ThemeModelRow head_from(const Row& r) {
  ThemeModelRow m;
  m.id = r.i64(0);
  m.codebook_version = static_cast<int>(r.i64(1));
  m.examples = r.i64(2);
  m.reviewed_count = r.i64(3);
  m.evaluation_json = r.text(4);
  m.trained_by = r.opt_i64(5);
  m.trained_at = r.i64(6);
  return m;
}

}  // namespace

Id insert_theme_model(Conn& c, const ThemeModelRow& m) {
  return c
      .query(
          "INSERT INTO theme_models (codebook_version, body, examples, reviewed_count, "
          "evaluation, trained_by, trained_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {std::int64_t{m.codebook_version}, m.body, m.examples, m.reviewed_count,
           m.evaluation_json, by_user(m.trained_by), m.trained_at})
      .at(0)
      .i64(0);
}

std::optional<ThemeModelRow> latest_theme_model(Conn& c, int codebook_version) {
  auto rows = c.query(std::string("SELECT ") + kHeadCols +
                          ", body FROM theme_models WHERE codebook_version = ? "
                          "ORDER BY id DESC LIMIT 1",
                      {std::int64_t{codebook_version}});
  if (rows.empty()) return std::nullopt;
  auto m = head_from(rows[0]);
  m.body = rows[0].text(7);
  return m;
}

std::optional<ThemeModelRow> newest_theme_model_head(Conn& c) {
  auto rows = c.query(
      std::string("SELECT ") + kHeadCols + " FROM theme_models ORDER BY id DESC LIMIT 1", {});
  if (rows.empty()) return std::nullopt;
  return head_from(rows[0]);
}

std::optional<Id> latest_theme_model_id(Conn& c, int codebook_version) {
  auto rows =
      c.query("SELECT id FROM theme_models WHERE codebook_version = ? ORDER BY id DESC LIMIT 1",
              {std::int64_t{codebook_version}});
  if (rows.empty()) return std::nullopt;
  return rows[0].i64(0);
}

std::int64_t reviewed_count(Conn& c) {
  return c
      .query(
          "SELECT (SELECT COUNT(*) FROM codings) + "
          "(SELECT COUNT(*) FROM suggestions WHERE status <> 'pending')",
          {})
      .at(0)
      .i64(0);
}

}  // namespace sgwrs::store::analysis
