#include "store/analysis/report_store.hpp"

#include "store/core/closed_set_column.hpp"

#include "store/core/db.hpp"

namespace sgwrs::store::analysis {
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
        {id, s.ordinal, std::string(kSegmentKinds.id(s.kind)), s.heading, s.start, s.end});
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
    out.push_back({r.i64(0), stored_value(kSegmentKinds, r.text(1), "report_segments.kind"),
                   r.text(2), r.i64(3), r.i64(4)});
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

}  // namespace sgwrs::store::analysis
