#include "store/analysis/followup_store.hpp"

namespace sgwrs::store::followup {
namespace {

constexpr const char* kReportCols =
    "id, title, file_name, format, language, organisation_name, organisation_ons, "
    "service_area, report_date, year, group_size, warnings, version";

FollowupReport report_from(const Row& r) {
  FollowupReport f;
  f.id = r.i64(0);
  f.title = r.text(1);
  f.file_name = r.text(2);
  f.format = r.text(3);
  f.language = r.text(4);
  f.organisation_name = r.text(5);
  f.organisation_ons = r.text(6);
  f.service_area = r.text(7);
  f.report_date = r.text(8);
  f.year = static_cast<int>(r.i64(9));
  f.group_size = static_cast<int>(r.i64(10));
  f.warnings = r.text(11);
  f.version = r.i64(12);
  return f;
}

constexpr const char* kCodingCols =
    "k.id, k.report_id, k.theme_id, k.start_cp, k.end_cp, k.heading, k.coder_id, "
    "u.display_name, k.memo, k.origin, k.created_at";

Coding coding_from(const Row& r) {
  return {r.i64(0), r.i64(1),  r.text(2), r.i64(3),  r.i64(4), r.text(5),
          r.i64(6), r.text(7), r.text(8), r.text(9), r.i64(10)};
}

constexpr const char* kSuggestionCols =
    "id, report_id, theme_id, kind, start_cp, end_cp, heading, score_permille, evidence, "
    "status, decided_by, codebook_version";

SuggestionRow suggestion_from(const Row& r) {
  SuggestionRow s;
  s.id = r.i64(0);
  s.report_id = r.i64(1);
  s.theme_id = r.text(2);
  s.kind = r.text(3);
  s.start = r.i64(4);
  s.end = r.i64(5);
  s.heading = r.text(6);
  s.score_permille = static_cast<int>(r.i64(7));
  s.evidence_json = r.text(8);
  s.status = r.text(9);
  s.decided_by = r.opt_i64(10);
  s.codebook_version = static_cast<int>(r.i64(11));
  return s;
}

constexpr const char* kFindingCols =
    "id, theme_id, ordinal, what_data_shows, why_it_matters, quotes, version";

FindingRow finding_from(const Row& r) {
  return {r.i64(0),  r.text(1), static_cast<int>(r.i64(2)), r.text(3), r.text(4),
          r.text(5), r.i64(6)};
}

CodebookVersion codebook_from(const Row& r) {
  return {r.i64(0), static_cast<int>(r.i64(1)), r.text(2), r.text(3), r.i64(4), r.opt_i64(5)};
}

// The command-line operator acts as user 0, who has no row: recorded as nobody.
Value by_user(std::optional<Id> id) {
  return id && *id != 0 ? Value(*id) : null_value();
}

}  // namespace

Id insert_report(Conn& c, const FollowupReport& r, const std::vector<ReportSectionRow>& sections,
                 const std::vector<ReportSegmentRow>& segments, std::int64_t now,
                 std::optional<Id> by) {
  const Id id =
      c.query(
           "INSERT INTO followup_reports (title, file_name, format, language, "
           "organisation_name, organisation_ons, service_area, report_date, year, group_size, "
           "body, warnings, version, imported_at, imported_by) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
           {r.title, r.file_name, r.format, r.language, r.organisation_name, r.organisation_ons,
            r.service_area, r.report_date, std::int64_t{r.year}, std::int64_t{r.group_size}, r.body,
            r.warnings, now, by_user(by)})
          .at(0)
          .i64(0);
  std::int64_t ordinal = 0;
  for (const auto& s : sections)
    c.exec(
        "INSERT INTO report_sections (report_id, ordinal, heading, heading_text, start_cp, "
        "end_cp) VALUES (?, ?, ?, ?, ?, ?)",
        {id, ordinal++, s.heading, s.heading_text, s.start, s.end});
  for (const auto& s : segments)
    c.exec(
        "INSERT INTO report_segments (report_id, ordinal, kind, heading, start_cp, end_cp) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {id, s.ordinal, s.kind, s.heading, s.start, s.end});
  return id;
}

std::optional<FollowupReport> find_report(Conn& c, Id id) {
  auto rows = c.query(
      std::string("SELECT ") + kReportCols + ", body FROM followup_reports WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  auto f = report_from(rows[0]);
  f.body = rows[0].text(13);
  return f;
}

std::vector<ReportSummary> list_reports(Conn& c, const ReportFilter& f, int limit) {
  auto rows =
      c.query(std::string("SELECT ") + kReportCols +
                  ", (SELECT COUNT(*) FROM codings k WHERE k.report_id = r.id), "
                  "(SELECT COUNT(*) FROM suggestions s WHERE s.report_id = r.id AND s.status = "
                  "'pending') FROM followup_reports r "
                  "WHERE (CAST(? AS BIGINT) = 0 OR year = ?) AND (? = '' OR organisation_name = ?) "
                  "AND (? = '' OR service_area = ?) "
                  "ORDER BY report_date DESC, id DESC LIMIT ?",
              {std::int64_t{f.year.value_or(0)}, std::int64_t{f.year.value_or(0)}, f.organisation,
               f.organisation, f.service_area, f.service_area, std::int64_t{limit}});
  std::vector<ReportSummary> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back({report_from(r), r.i64(13), r.i64(14)});
  return out;
}

std::int64_t count_reports(Conn& c) {
  return c.query("SELECT COUNT(*) FROM followup_reports").at(0).i64(0);
}

std::vector<ReportSectionRow> sections(Conn& c, Id report_id) {
  std::vector<ReportSectionRow> out;
  for (const auto& r :
       c.query("SELECT heading, heading_text, start_cp, end_cp FROM report_sections "
               "WHERE report_id = ? ORDER BY ordinal",
               {report_id}))
    out.push_back({r.text(0), r.text(1), r.i64(2), r.i64(3)});
  return out;
}

std::vector<ReportSegmentRow> segments(Conn& c, Id report_id) {
  std::vector<ReportSegmentRow> out;
  for (const auto& r :
       c.query("SELECT ordinal, kind, heading, start_cp, end_cp FROM report_segments "
               "WHERE report_id = ? ORDER BY ordinal",
               {report_id}))
    out.push_back({r.i64(0), r.text(1), r.text(2), r.i64(3), r.i64(4)});
  return out;
}

bool delete_report(Conn& c, Id report_id) {
  return c.exec("DELETE FROM followup_reports WHERE id = ?", {report_id}) == 1;
}

std::vector<FollowupReport> all_report_metadata(Conn& c) {
  std::vector<FollowupReport> out;
  for (const auto& r :
       c.query(std::string("SELECT ") + kReportCols + " FROM followup_reports ORDER BY id"))
    out.push_back(report_from(r));
  return out;
}

std::vector<std::pair<Id, std::string>> headings_with_text(Conn& c) {
  std::vector<std::pair<Id, std::string>> out;
  for (const auto& r :
       c.query("SELECT DISTINCT report_id, heading FROM report_sections WHERE end_cp > start_cp "
               "ORDER BY report_id, heading"))
    out.emplace_back(r.i64(0), r.text(1));
  return out;
}

Result<Coding> insert_coding(Conn& c, Coding k, std::int64_t now) {
  try {
    k.id = c.query(
                "INSERT INTO codings (report_id, theme_id, start_cp, end_cp, heading, coder_id, "
                "memo, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                {k.report_id, k.theme_id, k.start, k.end, k.heading, k.coder_id, k.memo, k.origin,
                 now})
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
               {k.report_id, k.theme_id, k.start, k.end, k.heading, k.coder_id, k.memo, k.origin,
                now})
              .empty();
}

std::int64_t count_pending(Conn& c, Id report_id) {
  return c
      .query("SELECT COUNT(*) FROM suggestions WHERE report_id = ? AND status = 'pending'",
             {report_id})
      .at(0)
      .i64(0);
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

void replace_pending_suggestions(Conn& c, Id report_id, const std::vector<SuggestionRow>& rows) {
  c.exec("DELETE FROM suggestions WHERE report_id = ? AND status = 'pending'", {report_id});
  for (const auto& s : rows)
    c.exec(
        "INSERT INTO suggestions (report_id, theme_id, kind, start_cp, end_cp, heading, "
        "score_permille, evidence, status, codebook_version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?) "
        "ON CONFLICT (report_id, theme_id, kind, start_cp, end_cp) DO NOTHING",
        {report_id, s.theme_id, s.kind, s.start, s.end, s.heading, std::int64_t{s.score_permille},
         s.evidence_json, std::int64_t{s.codebook_version}});
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

std::vector<SuggestionRow> suggestions_with_status(Conn& c, const std::string& status) {
  std::vector<SuggestionRow> out;
  for (const auto& r : c.query(std::string("SELECT ") + kSuggestionCols +
                                   " FROM suggestions WHERE status = ? ORDER BY report_id, "
                                   "start_cp, id",
                               {status}))
    out.push_back(suggestion_from(r));
  return out;
}

std::optional<SuggestionRow> find_suggestion(Conn& c, Id id) {
  auto rows =
      c.query(std::string("SELECT ") + kSuggestionCols + " FROM suggestions WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return suggestion_from(rows[0]);
}

bool decide_suggestion(Conn& c, Id id, const std::string& status, Id by, std::int64_t now) {
  return c.exec(
             "UPDATE suggestions SET status = ?, decided_by = ?, decided_at = ? "
             "WHERE id = ? AND status = 'pending'",
             {status, by_user(by), now, id}) == 1;
}

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
        "version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
        {f.theme_id, std::int64_t{f.ordinal}, f.what_data_shows, f.why_it_matters, f.quotes_json,
         now, by_user(by)});
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

}  // namespace sgwrs::store::followup
