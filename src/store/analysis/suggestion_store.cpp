#include "store/analysis/suggestion_store.hpp"

#include "store/core/closed_set_column.hpp"

#include "store/core/db.hpp"

namespace sgwrs::store::analysis {
namespace {

constexpr const char* kSuggestionCols =
    "id, report_id, theme_id, kind, start_cp, end_cp, heading, score_permille, evidence, "
    "status, decided_by, codebook_version, model";

SuggestionRow suggestion_from(const Row& r) {
  SuggestionRow s;
  s.id = r.i64(0);
  s.report_id = r.i64(1);
  s.theme_id = r.text(2);
  s.kind = stored_value(kSegmentKinds, r.text(3), "suggestions.kind");
  s.start = r.i64(4);
  s.end = r.i64(5);
  s.heading = r.text(6);
  s.score_permille = static_cast<int>(r.i64(7));
  s.evidence_json = r.text(8);
  s.status = stored_value(kSuggestionStatuses, r.text(9), "suggestions.status");
  s.decided_by = r.opt_i64(10);
  s.codebook_version = static_cast<int>(r.i64(11));
  s.model = r.text(12);
  return s;
}

}  // namespace

std::int64_t count_pending(Conn& c, Id report_id) {
  return c
      .query("SELECT COUNT(*) FROM suggestions WHERE report_id = ? AND status = 'pending'",
             {report_id})
      .at(0)
      .i64(0);
}

void replace_pending_suggestions(Conn& c, Id report_id, const std::vector<SuggestionRow>& rows) {
  c.exec("DELETE FROM suggestions WHERE report_id = ? AND status = 'pending'", {report_id});
  for (const auto& s : rows)
    c.exec(
        "INSERT INTO suggestions (report_id, theme_id, kind, start_cp, end_cp, heading, "
        "score_permille, evidence, status, codebook_version, model) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?) "
        "ON CONFLICT (report_id, theme_id, kind, start_cp, end_cp) DO NOTHING",
        {report_id, s.theme_id, std::string(kSegmentKinds.id(s.kind)), s.start, s.end, s.heading,
         std::int64_t{s.score_permille}, s.evidence_json, std::int64_t{s.codebook_version},
         s.model});
}

std::vector<SuggestionRow> suggestions_for_report(Conn& c, Id report_id) {
  std::vector<SuggestionRow> out;
  for (const auto& r : c.query(std::string("SELECT ") + kSuggestionCols +
                                   " FROM suggestions WHERE report_id = ? "
                                   "ORDER BY start_cp, kind DESC, score_permille DESC, id",
                               {report_id}))
    out.push_back(suggestion_from(r));
  return out;
}

std::vector<SuggestionRow> suggestions_with_status(Conn& c, SuggestionStatus status) {
  std::vector<SuggestionRow> out;
  for (const auto& r : c.query(std::string("SELECT ") + kSuggestionCols +
                                   " FROM suggestions WHERE status = ? ORDER BY report_id, "
                                   "start_cp, id",
                               {std::string(kSuggestionStatuses.id(status))}))
    out.push_back(suggestion_from(r));
  return out;
}

std::optional<SuggestionRow> find_suggestion(Conn& c, Id id) {
  auto rows =
      c.query(std::string("SELECT ") + kSuggestionCols + " FROM suggestions WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return suggestion_from(rows[0]);
}

bool decide_suggestion(Conn& c, Id id, SuggestionStatus status, Id by, std::int64_t now) {
  return c.exec(
             "UPDATE suggestions SET status = ?, decided_by = ?, decided_at = ? "
             "WHERE id = ? AND status = 'pending'",
             {std::string(kSuggestionStatuses.id(status)), by_user(by), now, id}) == 1;
}

}  // namespace sgwrs::store::analysis
