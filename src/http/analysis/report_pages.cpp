// Follow-up reports: the list with its filters, one report under its headings, and coding
// passages of it (selected words with JavaScript, ticked sentences without).
#include <boost/json.hpp>

#include <algorithm>
#include <set>

#include "analysis/model.hpp"
#include "analysis/text/codebook.hpp"
#include "domain/core/numbers.hpp"
#include "domain/core/validation.hpp"
#include "http/analysis/analysis_pages.hpp"
#include "http/analysis/analysis_view.hpp"
#include "http/core/app.hpp"
#include "http/core/local_url.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"

namespace sgwrs::http::analysis_ui {

namespace bj = boost::json;

// ---- reports --------------------------------------------------------------------------

Response reports_page(App& app, Ctx& c) {
  ReportFilter f;
  if (auto y = parse_number<int>(q(c, "year"))) f.year = *y;
  f.organisation = q(c, "organisation");
  f.service_area = q(c, "service_area");
  auto all = app.svc().analysis.list_reports(*c.actor, {});
  if (!all) return failure(app, c, all.error());
  auto shown = app.svc().analysis.list_reports(*c.actor, f);
  if (!shown) return failure(app, c, shown.error());

  Data d = analysis_shell(app, c, app.t(c, "analysis.reports.title"), "/analysis");
  std::set<std::string> years, orgs;
  std::int64_t codings = 0, pending = 0;
  for (const auto& s : *all) {
    years.insert(std::to_string(s.report.year));
    orgs.insert(s.report.organisation_name);
    codings += s.codings;
    pending += s.pending_suggestions;
  }
  d.set("count_reports", std::to_string(all->size()));
  d.set("count_codings", std::to_string(codings));
  d.set("count_pending", std::to_string(pending));
  std::vector<std::pair<std::string, std::string>> yo{{"", app.t(c, "analysis.filter.any")}},
      oo{{"", app.t(c, "analysis.filter.any")}}, ao{{"", app.t(c, "analysis.filter.any")}};
  for (const auto& y : years) yo.emplace_back(y, y);
  for (const auto& o : orgs) oo.emplace_back(o, o);
  for (const auto& a : area_options(app, c)) ao.push_back(a);
  d.set("year_options", options(yo, f.year ? std::to_string(*f.year) : ""));
  d.set("organisation_options", options(oo, f.organisation));
  d.set("area_options", options(ao, f.service_area));
  Data rows = list();
  for (const auto& s : *shown) {
    Data r = obj();
    r.set("href", "/analysis/reports/" + std::to_string(s.report.id));
    r.set("title", s.report.title);
    r.set("organisation", s.report.organisation_name);
    r.set("service_area", service_area_label(app, c, s.report.service_area));
    r.set("date", s.report.report_date);
    r.set("language", app.t(c, "analysis.language." + s.report.language));
    r.set("codings", std::to_string(s.codings));
    r.set("pending", std::to_string(s.pending_suggestions));
    rows.push_back(r);
  }
  d.set("reports", rows);
  if (!shown->empty()) d.set("has_reports", true);
  return app.page(c, "analysis_reports", d);
}

// The report page: its text under headings, codings, suggestions, and both ways to code.
Response report_page(App& app, Ctx& c, Id id, const Error* error, const std::string& memo,
                     const std::set<std::string>& chosen) {
  auto v = app.svc().analysis.view_report(*c.actor, id);
  if (!v) return failure(app, c, v.error());
  auto cb = app.svc().analysis.current_codebook();
  const auto names = app.svc().analysis.theme_names(c.lang);
  const auto& r = v->report;
  Data d = analysis_shell(app, c, r.title, "/analysis");
  if (error) app.error_summary(c, *error, d);
  d.set("report_id", std::to_string(r.id));
  d.set("organisation", r.organisation_name);
  d.set("service_area", service_area_label(app, c, r.service_area));
  d.set("date", r.report_date);
  d.set("group_size", std::to_string(r.group_size));
  d.set("file_name", r.file_name);
  d.set("format", r.format);
  d.set("language", app.t(c, "analysis.language." + r.language));
  if (r.warnings.find("no_headings") != std::string::npos) d.set("no_headings", true);
  d.set("memo", memo);
  d.set("themes", theme_choices(*cb, c.lang, chosen));
  d.set("sections", report_sections(app, c, *v, names));
  if (error) return app.page(c, "analysis_report", d, App::status_for(error->code));
  return app.page(c, "analysis_report", d);
}

Response add_codings(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  const auto& f = form_of(c);
  const auto themes = all_values(c, "theme");
  const std::string memo = field(f, "memo");
  Result<std::vector<Coding>> made = Error::of(Errc::invalid, "selection_invalid");
  if (!field(f, "start").empty()) {
    // Not numbers: -1, which the service refuses as a selection outside the report.
    const std::int64_t start = parse_number(field(f, "start")).value_or(-1);
    const std::int64_t end = parse_number(field(f, "end")).value_or(-1);
    made = app.svc().analysis.add_coding(*c.actor, {*id, themes, start, end, memo});
  } else {
    const auto segments = all_values(c, "segment");
    if (segments.empty()) {
      Validator v;
      v.fail("segment", "segment_required");
      if (themes.empty()) v.fail("themes", "theme_required");
      made = v.status().error();
    }
    for (const auto& s : segments) {
      const std::int64_t ordinal = parse_number(s).value_or(-1);
      made = app.svc().analysis.add_segment_coding(*c.actor, *id, ordinal, themes, memo);
      if (!made) break;
    }
  }
  if (!made) {
    if (made.error().code == Errc::forbidden || made.error().code == Errc::not_found)
      return failure(app, c, made.error());
    return report_page(app, c, *id, &made.error(), memo,
                       std::set<std::string>(themes.begin(), themes.end()));
  }
  return redirect(
      c.req, local_url("/analysis/reports/" + std::to_string(*id), {{"done", "coded"}}, "codings"));
}

}  // namespace sgwrs::http::analysis_ui
