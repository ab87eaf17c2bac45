// Pages for analysts: follow-up reports, coding them, reviewing suggestions, the matrix and
// its quotes, agreement between coders, the quality of suggestions, findings, the codebook
// and exports. Each handler decodes the request, calls one service, and renders.
#include <boost/json.hpp>

#include <algorithm>
#include <set>

#include "analysis/model.hpp"
#include "analysis/text/codebook.hpp"
#include "domain/core/numbers.hpp"
#include "domain/core/validation.hpp"
#include "http/analysis/analysis_view.hpp"
#include "http/core/app.hpp"
#include "http/core/local_url.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"

namespace sgwrs::http {

using web::Data;
namespace bj = boost::json;

namespace {

Data obj() {
  return Data{Data::type::object};
}
Data list() {
  return Data{Data::type::list};
}

bool welsh(const Ctx& c) {
  return c.lang == Language::cy;
}

std::string q(const Ctx& c, const std::string& name) {
  auto it = c.query.find(name);
  return it == c.query.end() ? std::string{} : it->second;
}

std::vector<std::string> all_values(const Ctx& c, const std::string& name) {
  std::vector<std::string> out;
  for (const auto& [k, v] : c.form_values)
    if (k == name) out.push_back(v);
  return out;
}

// The page for an expected failure: the error page for its status.
Response failure(App& app, const Ctx& c, const Error& e) {
  return app.error_page(c, App::status_for(e.code));
}

std::string service_area_label(App& app, const Ctx& c, const std::string& id) {
  const std::string key = "service_areas." + id;
  return app.cat().has(c.lang, key) ? app.t(c, key) : id;
}

std::string heading_label(App& app, const Ctx& c, const std::string& id) {
  return app.t(c, "headings." + id);
}

std::string theme_label(const std::map<std::string, std::string>& names, const std::string& id) {
  auto it = names.find(id);
  return it == names.end() ? id : it->second;
}

std::string percent(double share) {
  return std::to_string(static_cast<int>(share * 100 + 0.5)) + "%";
}

std::string fixed(std::optional<double> v, int places = 2) {
  if (!v) return "–";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", places, *v);
  return buf;
}

analysis::Dimension dimension_from(const std::string& s) {
  if (s == "service-area") return analysis::Dimension::service_area;
  if (s == "year") return analysis::Dimension::year;
  if (s == "heading") return analysis::Dimension::heading;
  return analysis::Dimension::organisation;
}

CodingView view_from(const std::string& s) {
  return s == "suggested" ? CodingView::suggested : CodingView::coded;
}

// The label of a matrix column: service areas and headings by name, others as they are.
std::string column_label(App& app, const Ctx& c, analysis::Dimension by, const std::string& col) {
  if (by == analysis::Dimension::service_area) return service_area_label(app, c, col);
  if (by == analysis::Dimension::heading) return heading_label(app, c, col);
  return col;
}

// The analysis section's own navigation.
Data analysis_nav(App& app, const Ctx& c, const std::string& current) {
  Data nav = list();
  for (const auto& [href, key] : std::vector<std::pair<std::string, std::string>>{
           {"/analysis", "analysis.nav.reports"},
           {"/analysis/matrix", "analysis.nav.matrix"},
           {"/analysis/framework", "analysis.nav.framework"},
           {"/analysis/findings", "analysis.nav.findings"},
           {"/analysis/agreement", "analysis.nav.agreement"},
           {"/analysis/quality", "analysis.nav.quality"},
           {"/analysis/codebook", "analysis.nav.codebook"},
           {"/analysis/export", "analysis.nav.export"}}) {
    Data i = obj();
    i.set("href", href);
    i.set("label", app.t(c, key));
    if (href == current) i.set("current", true);
    nav.push_back(i);
  }
  return nav;
}

// The shell of every analysis page.
Data analysis_shell(App& app, const Ctx& c, const std::string& title, const std::string& current) {
  Data d = app.shell(c, title);
  d.set("analysis_nav", analysis_nav(app, c, current));
  d.set("heading", title);
  if (app.svc().analysis.can_write(*c.actor)) d.set("can_write", true);
  return d;
}

Data options(const std::vector<std::pair<std::string, std::string>>& opts,
             const std::string& selected) {
  Data l = list();
  for (const auto& [v, label] : opts) {
    Data o = obj();
    o.set("value", v);
    o.set("label", label);
    if (v == selected) o.set("selected", true);
    l.push_back(o);
  }
  return l;
}

std::vector<std::pair<std::string, std::string>> area_options(App& app, const Ctx& c) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& id : service_area_ids()) out.emplace_back(id, service_area_label(app, c, id));
  return out;
}

// Theme checkboxes, in codebook order, with the chosen ones ticked.
Data theme_choices(const analysis::Codebook& cb, bool cy, const std::set<std::string>& chosen) {
  Data l = list();
  for (const auto& t : cb.themes) {
    Data i = obj();
    i.set("id", t.id);
    i.set("name", cy ? t.name_cy : t.name_en);
    i.set("description", cy ? t.description_cy : t.description_en);
    if (!t.parent_id.empty()) i.set("nested", true);
    if (chosen.count(t.id)) i.set("checked", true);
    l.push_back(i);
  }
  return l;
}

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
Response report_page(App& app, Ctx& c, Id id, const Error* error = nullptr,
                     const std::string& memo = {}, const std::set<std::string>& chosen = {}) {
  auto v = app.svc().analysis.view_report(*c.actor, id);
  if (!v) return failure(app, c, v.error());
  auto cb = app.svc().analysis.current_codebook();
  const auto names = app.svc().analysis.theme_names(welsh(c));
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
  d.set("themes", theme_choices(*cb, welsh(c), chosen));
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

// ---- matrix and quotes ----------------------------------------------------------------

Response matrix_page(App& app, Ctx& c) {
  const auto by = dimension_from(q(c, "by"));
  const auto view = view_from(q(c, "view"));
  auto m = app.svc().results.matrix(*c.actor, by, view);
  if (!m) return failure(app, c, m.error());
  const auto names = app.svc().analysis.theme_names(welsh(c));
  Data d = analysis_shell(app, c, app.t(c, "analysis.matrix.title"), "/analysis/matrix");
  const std::string by_id(analysis::dimension_id(by));
  const std::string view_id = view == CodingView::suggested ? "suggested" : "coded";
  d.set("by_options", options({{"organisation", app.t(c, "analysis.dimension.organisation")},
                               {"service-area", app.t(c, "analysis.dimension.service-area")},
                               {"year", app.t(c, "analysis.dimension.year")},
                               {"heading", app.t(c, "analysis.dimension.heading")}},
                              by_id));
  d.set("view_options", options({{"coded", app.t(c, "analysis.view.coded")},
                                 {"suggested", app.t(c, "analysis.view.suggested")}},
                                view_id));
  if (view == CodingView::suggested) d.set("suggested_view", true);
  d.set("caption", app.t(c, "analysis.matrix.caption." + by_id));
  d.set("min_reports", std::to_string(app.svc().results.suppression().min_reports));
  Data cols = list();
  for (const auto& col : m->columns) {
    Data cd = obj();
    cd.set("label", column_label(app, c, by, col));
    cols.push_back(cd);
  }
  d.set("columns", cols);
  auto cell_data = [&](const std::string& theme, const std::string& col,
                       const analysis::Cell& cell) {
    Data x = obj();
    if (cell.suppressed) {
      x.set("suppressed", true);
    } else if (cell.reports_in_cell > 0) {
      x.set("count",
            std::to_string(cell.reports_with_theme) + "/" + std::to_string(cell.reports_in_cell));
      if (cell.share) x.set("share", percent(*cell.share));
      x.set("bar", std::to_string(static_cast<int>(cell.share.value_or(0) * 100 + 0.5)));
      if (cell.reports_with_theme > 0)
        x.set("href", "/analysis/quotes?theme=" + url_encode(theme) + "&by=" + by_id +
                          "&column=" + url_encode(col) + "&view=" + view_id);
    } else {
      x.set("empty", true);
    }
    return x;
  };
  Data rows = list();
  for (const auto& theme : m->themes) {
    Data r = obj();
    r.set("theme", theme_label(names, theme));
    Data cells = list();
    for (const auto& col : m->columns) cells.push_back(cell_data(theme, col, m->cells[theme][col]));
    r.set("cells", cells);
    r.set("overall", cell_data(theme, "", m->overall[theme]));
    rows.push_back(r);
  }
  d.set("rows", rows);
  d.set("csv_href", "/analysis/export/matrix.csv");
  return app.page(c, "analysis_matrix", d);
}

Response quotes_page(App& app, Ctx& c) {
  const auto by = dimension_from(q(c, "by"));
  const auto view = view_from(q(c, "view"));
  const std::string theme = q(c, "theme"), column = q(c, "column");
  auto quotes = app.svc().results.quotes(*c.actor, theme, by, column, view);
  if (!quotes) return failure(app, c, quotes.error());
  const auto names = app.svc().analysis.theme_names(welsh(c));
  Data d = analysis_shell(app, c, theme_label(names, theme), "/analysis/matrix");
  d.set("column", column.empty() ? app.t(c, "analysis.matrix.all_reports")
                                 : column_label(app, c, by, column));
  if (view == CodingView::suggested) d.set("suggested_view", true);
  d.set("back_href", "/analysis/matrix?by=" + std::string(analysis::dimension_id(by)) +
                         "&view=" + (view == CodingView::suggested ? "suggested" : "coded"));
  Data l = list();
  for (const auto& qr : *quotes) {
    Data x = obj();
    x.set("text", qr.text);
    x.set("report_href", "/analysis/reports/" + std::to_string(qr.report_id));
    x.set("report_title", qr.report_title);
    x.set("organisation", qr.organisation);
    x.set("service_area", service_area_label(app, c, qr.service_area));
    x.set("year", std::to_string(qr.year));
    x.set("heading", heading_label(app, c, qr.heading));
    x.set("coder", qr.coder.empty() ? app.t(c, "analysis.quotes.suggested") : qr.coder);
    l.push_back(x);
  }
  d.set("quotes", l);
  d.set("count", std::to_string(quotes->size()));
  if (quotes->empty()) d.set("none", true);
  return app.page(c, "analysis_quotes", d);
}

// Reports as rows, themes as columns; each cell the number of passages and the first one.
Response framework_page(App& app, Ctx& c) {
  ReportFilter f;
  if (auto y = parse_id(q(c, "year"))) f.year = static_cast<int>(*y);
  f.organisation = q(c, "organisation");
  f.service_area = q(c, "service_area");
  const auto view = view_from(q(c, "view"));
  auto rows = app.svc().results.framework(*c.actor, f, view);
  if (!rows) return failure(app, c, rows.error());
  auto cb = app.svc().analysis.current_codebook();
  const bool cy = welsh(c);
  Data d = analysis_shell(app, c, app.t(c, "analysis.framework.title"), "/analysis/framework");
  if (view == CodingView::suggested) d.set("suggested_view", true);
  Data themes = list();
  for (const auto& t : cb->themes) {
    Data x = obj();
    x.set("name", cy ? t.name_cy : t.name_en);
    themes.push_back(x);
  }
  d.set("themes", themes);
  Data l = list();
  for (const auto& r : *rows) {
    Data x = obj();
    x.set("href", "/analysis/reports/" + std::to_string(r.report.id));
    x.set("title", r.report.title);
    x.set("about", r.report.organisation_name + " · " +
                       service_area_label(app, c, r.report.service_area) + " · " +
                       std::to_string(r.report.year));
    Data cells = list();
    for (const auto& t : cb->themes) {
      Data cell = obj();
      auto it = r.passages.find(t.id);
      if (it != r.passages.end() && !it->second.empty()) {
        cell.set("count", std::to_string(it->second.size()));
        std::string first = it->second.front();
        if (code_point_count(first) > 90) first = code_point_slice(first, 0, 88) + "…";
        cell.set("quote", first);
      }
      cells.push_back(cell);
    }
    x.set("cells", cells);
    l.push_back(x);
  }
  d.set("rows", l);
  d.set("year", f.year ? std::to_string(*f.year) : "");
  return app.page(c, "analysis_framework", d);
}

// ---- agreement and quality ------------------------------------------------------------

Response agreement_page(App& app, Ctx& c) {
  Id a = parse_id(q(c, "a")).value_or(0), b = parse_id(q(c, "b")).value_or(0);
  auto rep = app.svc().results.agreement(*c.actor, a, b);
  if (!rep) return failure(app, c, rep.error());
  const auto names = app.svc().analysis.theme_names(welsh(c));
  Data d = analysis_shell(app, c, app.t(c, "analysis.agreement.title"), "/analysis/agreement");
  std::vector<std::pair<std::string, std::string>> coders;
  std::map<Id, std::string> coder_names;
  for (const auto& [id, name] : rep->coders) {
    coders.emplace_back(std::to_string(id), name);
    coder_names[id] = name;
  }
  d.set("a_options", options(coders, std::to_string(rep->coder_a)));
  d.set("b_options", options(coders, std::to_string(rep->coder_b)));
  d.set("coder_a", coder_names[rep->coder_a]);
  d.set("coder_b", coder_names[rep->coder_b]);
  d.set("reports_compared", std::to_string(rep->reports_compared));
  Data rows = list();
  for (const auto& [theme, g] : rep->by_theme) {
    Data r = obj();
    r.set("theme", theme_label(names, theme));
    r.set("units", std::to_string(g.units));
    r.set("both", std::to_string(g.both));
    r.set("only_a", std::to_string(g.only_a));
    r.set("only_b", std::to_string(g.only_b));
    r.set("percent", fixed(g.units ? std::optional<double>(g.percent) : std::nullopt, 1));
    r.set("kappa", fixed(g.kappa));
    r.set("alpha", fixed(g.alpha));
    rows.push_back(r);
  }
  d.set("rows", rows);
  if (!rep->by_theme.empty()) d.set("has_rows", true);
  Data diffs = list();
  for (const auto& x : rep->differences) {
    Data r = obj();
    r.set("text", x.text);
    r.set("report_href", "/analysis/reports/" + std::to_string(x.report_id));
    r.set("report_title", x.report_title);
    auto join = [&](const std::vector<std::string>& ts) {
      std::string s;
      for (const auto& t : ts) s += (s.empty() ? "" : ", ") + theme_label(names, t);
      return s.empty() ? app.t(c, "analysis.agreement.nothing") : s;
    };
    r.set("themes_a", join(x.themes_a));
    r.set("themes_b", join(x.themes_b));
    diffs.push_back(r);
  }
  d.set("differences", diffs);
  if (!rep->differences.empty()) d.set("has_differences", true);
  return app.page(c, "analysis_agreement", d);
}

Response quality_page(App& app, Ctx& c) {
  auto rep = app.svc().results.evaluate(*c.actor);
  if (!rep) return failure(app, c, rep.error());
  const auto names = app.svc().analysis.theme_names(welsh(c));
  Data d = analysis_shell(app, c, app.t(c, "analysis.quality.title"), "/analysis/quality");
  d.set("reports_compared", std::to_string(rep->reports_compared));
  auto row = [&](const std::string& label, const analysis::Quality& qy) {
    Data r = obj();
    r.set("theme", label);
    r.set("tp", std::to_string(qy.tp));
    r.set("fp", std::to_string(qy.fp));
    r.set("fn", std::to_string(qy.fn));
    r.set("precision", fixed(qy.precision));
    r.set("recall", fixed(qy.recall));
    r.set("f1", fixed(qy.f1));
    return r;
  };
  Data rows = list();
  for (const auto& [theme, qy] : rep->by_theme) rows.push_back(row(theme_label(names, theme), qy));
  d.set("rows", rows);
  d.set("overall", row(app.t(c, "analysis.quality.overall"), rep->overall));
  d.set("macro_f1", fixed(rep->macro_f1));
  return app.page(c, "analysis_quality", d);
}

// ---- findings -------------------------------------------------------------------------

Response findings_page(App& app, Ctx& c) {
  auto rows = app.svc().results.findings(*c.actor);
  if (!rows) return failure(app, c, rows.error());
  const auto names = app.svc().analysis.theme_names(welsh(c));
  Data d = analysis_shell(app, c, app.t(c, "analysis.findings.title"), "/analysis/findings");
  Data l = list();
  for (const auto& f : *rows) {
    Data x = obj();
    x.set("theme", theme_label(names, f.theme_id));
    x.set("what", f.what_data_shows);
    x.set("why", f.why_it_matters);
    x.set("edit_href", "/analysis/findings/" + std::to_string(f.id) + "/edit");
    Data quotes = list();
    const auto parsed_json = bj::parse(f.quotes_json);
    for (const auto& qv : parsed_json.as_array()) {
      Data qd = obj();
      qd.set("text", std::string(qv.at("text").as_string()));
      qd.set("source", std::string(qv.at("organisation").as_string()) + ", " +
                           std::to_string(qv.at("year").to_number<std::int64_t>()));
      quotes.push_back(qd);
    }
    x.set("quotes", quotes);
    l.push_back(x);
  }
  d.set("findings", l);
  if (!rows->empty()) d.set("has_findings", true);
  return app.page(c, "analysis_findings", d);
}

std::vector<Field> finding_fields(const FindingRow& f) {
  return {{"what_data_shows", "fields.what_data_shows", "hints.what_data_shows", "textarea",
           f.what_data_shows},
          {"why_it_matters", "fields.why_it_matters", "hints.why_it_matters", "textarea",
           f.why_it_matters}};
}

// ---- codebook -------------------------------------------------------------------------

Response codebook_page(App& app, Ctx& c, const Error* error = nullptr,
                       const std::string& typed = {}) {
  auto v = app.svc().analysis.codebook(*c.actor);
  if (!v) return failure(app, c, v.error());
  auto history = app.svc().analysis.codebook_history(*c.actor);
  if (!history) return failure(app, c, history.error());
  auto cb = app.svc().analysis.current_codebook();
  Data d = analysis_shell(app, c, app.t(c, "analysis.codebook.title"), "/analysis/codebook");
  if (error) app.error_summary(c, *error, d);
  d.set("version", std::to_string(v->version));
  d.set("json", typed.empty() ? v->body_json : typed);
  const bool cy = welsh(c);
  Data themes = list();
  for (const auto& t : cb->themes) {
    Data x = obj();
    x.set("id", t.id);
    x.set("name", cy ? t.name_cy : t.name_en);
    x.set("description", cy ? t.description_cy : t.description_en);
    x.set("includes", cy ? t.includes_cy : t.includes_en);
    x.set("excludes", cy ? t.excludes_cy : t.excludes_en);
    if (!t.parent_id.empty()) x.set("parent", t.parent_id);
    std::string en, welsh_terms;
    for (const auto& i : t.indicators)
      (i.lang == Language::cy ? welsh_terms : en) +=
          (((i.lang == Language::cy ? welsh_terms : en).empty()) ? "" : ", ") + i.phrase;
    x.set("indicators_en", en);
    x.set("indicators_cy", welsh_terms);
    themes.push_back(x);
  }
  d.set("themes", themes);
  Data h = list();
  for (const auto& cv : *history) {
    Data x = obj();
    x.set("version", std::to_string(cv.version));
    x.set("note", cv.note);
    h.push_back(x);
  }
  d.set("history", h);
  if (!history->empty()) d.set("has_history", true);
  return app.page(c, "analysis_codebook", d,
                  error ? App::status_for(error->code) : bhttp::status::ok);
}

// ---- import ---------------------------------------------------------------------------

std::vector<Field> import_fields(App& app, const Ctx& c, const ReportDetails& d) {
  return {
      {"organisation_name", "fields.organisation_name", "hints.organisation_name", "text",
       d.organisation_name},
      {"organisation_ons", "fields.organisation_ons", "hints.ons_code", "text", d.organisation_ons},
      {"service_area", "fields.service_area", "", "select", d.service_area, area_options(app, c)},
      {"report_date", "fields.report_date", "hints.report_date", "text", d.report_date},
      {"group_size", "fields.group_size", "", "text",
       d.group_size ? std::to_string(d.group_size) : ""},
      {"title", "fields.report_title", "hints.report_title", "text", d.title}};
}

Response import_page(App& app, Ctx& c, const ReportDetails& details, const Error* error,
                     const std::vector<ImportOutcome>* outcomes) {
  Data d =
      app.form_data(c, app.t(c, "analysis.import.title"), "/analysis/import",
                    import_fields(app, c, details), "analysis.import.submit", "/analysis", error);
  d.set("analysis_nav", analysis_nav(app, c, "/analysis"));
  if (outcomes) {
    Data l = list();
    std::size_t imported = 0;
    for (const auto& o : *outcomes) {
      Data x = obj();
      x.set("file_name", o.file_name);
      if (o.report_id) {
        ++imported;
        x.set("ok", true);
        x.set("href", "/analysis/reports/" + std::to_string(*o.report_id));
        std::string note =
            app.t(c, "analysis.import.suggestions") + ": " + std::to_string(o.suggestions);
        for (const auto& w : o.warnings) note += " · " + app.t(c, "import_warnings." + w);
        x.set("message", note);
      } else {
        const std::string key = "import_errors." + o.error_code;
        x.set("message", app.cat().has(c.lang, key) ? app.t(c, key) : o.detail);
      }
      l.push_back(x);
    }
    d.set("outcomes", l);
    d.set("has_outcomes", true);
    d.set("imported", std::to_string(imported));
    d.set("total", std::to_string(outcomes->size()));
  }
  return app.page(c, "analysis_import", d,
                  error ? App::status_for(error->code) : bhttp::status::ok);
}

Response do_import(App& app, Ctx& c) {
  const auto& f = form_of(c);
  ReportDetails base{
      field(f, "title"),        field(f, "organisation_name"), field(f, "organisation_ons"),
      field(f, "service_area"), field(f, "report_date"),       0};
  // Empty: not given (0); anything but a number: -1, which the service refuses.
  const std::string group = field(f, "group_size");
  base.group_size = group.empty() ? 0 : parse_number<int>(group).value_or(-1);
  ReportsCsv csv;
  std::vector<ImportInput> inputs;
  for (const auto& part : c.files) {
    if (part.body.empty() && part.filename.empty()) continue;
    if (part.name == "metadata") {
      csv = AnalysisService::read_reports_csv(part.body);
      continue;
    }
    // Browsers send only the name; some send a path. Keep the last part.
    std::string name = part.filename.substr(part.filename.find_last_of("/\\") + 1);
    inputs.push_back({name, part.body, base});
  }
  if (inputs.empty()) {
    Validator v;
    v.fail("files", "files_required");
    return import_page(app, c, base, &v.status().error(), nullptr);
  }
  for (auto& in : inputs)
    in.details = AnalysisService::details_for(in.file_name, base, csv, inputs.size() == 1);
  auto out = app.svc().analysis.import(*c.actor, inputs);
  if (!out) return failure(app, c, out.error());
  for (auto& p : csv.problems) out->push_back(std::move(p));
  return import_page(app, c, base, nullptr, &*out);
}

}  // namespace

void register_analysis_routes(Router& r, App& app) {
  auto signed_in = [&app](auto handler) {
    return [handler, &app](Ctx& c) {
      if (!c.signed_in()) return app.require_sign_in(c);
      return handler(c);
    };
  };
  r.add(bhttp::verb::get, "/analysis", signed_in([&app](Ctx& c) { return reports_page(app, c); }));
  r.add(bhttp::verb::get, "/analysis/reports/{id}", signed_in([&app](Ctx& c) {
          auto id = parse_id(c.params["id"]);
          if (!id) return app.error_page(c, bhttp::status::not_found);
          return report_page(app, c, *id);
        }));
  r.add(bhttp::verb::post, "/analysis/reports/{id}/codings",
        signed_in([&app](Ctx& c) { return add_codings(app, c); }));
  r.add(bhttp::verb::post, "/analysis/reports/{id}/codings/{coding}/delete",
        signed_in([&app](Ctx& c) {
          auto id = parse_id(c.params["id"]);
          auto coding = parse_id(c.params["coding"]);
          if (!id || !coding) return app.error_page(c, bhttp::status::not_found);
          auto s = app.svc().analysis.delete_coding(*c.actor, *id, *coding);
          if (!s) return failure(app, c, s.error());
          return redirect(c.req, local_url("/analysis/reports/" + std::to_string(*id),
                                           {{"done", "uncoded"}}, "codings"));
        }));
  for (const char* decision : {"accept", "reject"})
    r.add(bhttp::verb::post, std::string("/analysis/suggestions/{id}/") + decision,
          signed_in([&app, accept = std::string(decision) == "accept"](Ctx& c) {
            auto id = parse_id(c.params["id"]);
            if (!id) return app.error_page(c, bhttp::status::not_found);
            auto s = app.svc().analysis.decide_suggestion(*c.actor, *id, accept);
            if (!s) return failure(app, c, s.error());
            return redirect(c.req,
                            local_url("/analysis/reports/" + std::to_string(s->report_id),
                                      {{"done", accept ? "accepted" : "rejected"}}, "suggestions"));
          }));
  r.add(bhttp::verb::post, "/analysis/suggestions/refresh", signed_in([&app](Ctx& c) {
          auto n = app.svc().analysis.resuggest_all(*c.actor);
          if (!n) return failure(app, c, n.error());
          return redirect(c.req, local_url("/analysis/codebook", {{"done", "resuggested"}}));
        }));
  r.add(bhttp::verb::get, "/analysis/import", signed_in([&app](Ctx& c) {
          if (auto s = app.svc().analysis.may_write(*c.actor); !s)
            return failure(app, c, s.error());
          return import_page(app, c, {}, nullptr, nullptr);
        }));
  r.add(bhttp::verb::post, "/analysis/import",
        signed_in([&app](Ctx& c) { return do_import(app, c); }),
        {[&app](const Actor& a) { return app.svc().analysis.can_write(a); }});
  r.add(bhttp::verb::get, "/analysis/matrix",
        signed_in([&app](Ctx& c) { return matrix_page(app, c); }));
  r.add(bhttp::verb::get, "/analysis/framework",
        signed_in([&app](Ctx& c) { return framework_page(app, c); }));
  r.add(bhttp::verb::get, "/analysis/quotes",
        signed_in([&app](Ctx& c) { return quotes_page(app, c); }));
  r.add(bhttp::verb::get, "/analysis/agreement",
        signed_in([&app](Ctx& c) { return agreement_page(app, c); }));
  r.add(bhttp::verb::get, "/analysis/quality",
        signed_in([&app](Ctx& c) { return quality_page(app, c); }));
  r.add(bhttp::verb::get, "/analysis/findings",
        signed_in([&app](Ctx& c) { return findings_page(app, c); }));
  r.add(bhttp::verb::post, "/analysis/findings/draft", signed_in([&app](Ctx& c) {
          std::optional<int> year;
          if (auto y = parse_number<int>(field(form_of(c), "year"))) year = *y;
          auto rows = app.svc().results.draft_findings(*c.actor, year, welsh(c));
          if (!rows) return failure(app, c, rows.error());
          return redirect(c.req, local_url("/analysis/findings", {{"done", "drafted"}}));
        }));
  r.add(bhttp::verb::get, "/analysis/findings/{id}/edit", signed_in([&app](Ctx& c) {
          auto id = parse_id(c.params["id"]);
          if (!id) return app.error_page(c, bhttp::status::not_found);
          auto f = app.svc().results.finding_for_edit(*c.actor, *id);
          if (!f) return failure(app, c, f.error());
          return app.form_page(c, app.t(c, "analysis.findings.edit"), c.path, finding_fields(*f),
                               "common.save", "/analysis/findings", nullptr, f->version);
        }));
  r.add(bhttp::verb::post, "/analysis/findings/{id}/edit", signed_in([&app](Ctx& c) {
          const auto& f = form_of(c);
          auto id = parse_id(c.params["id"]);
          if (!id) return app.error_page(c, bhttp::status::not_found);
          FindingRow row;
          row.id = *id;
          row.what_data_shows = field(f, "what_data_shows");
          row.why_it_matters = field(f, "why_it_matters");
          row.version = parse_number(field(f, "version")).value_or(0);  // 0: stale
          auto saved = app.svc().results.update_finding(*c.actor, row);
          if (saved) return redirect(c.req, local_url("/analysis/findings", {{"done", "saved"}}));
          if (saved.error().code == Errc::forbidden || saved.error().code == Errc::not_found)
            return failure(app, c, saved.error());
          // What was typed is shown again, stale or invalid, so nothing is lost.
          return app.form_page(c, app.t(c, "analysis.findings.edit"), c.path, finding_fields(row),
                               "common.save", "/analysis/findings", &saved.error(), row.version);
        }));
  for (const char* fmt : {"md", "html"})
    r.add(bhttp::verb::get, std::string("/analysis/findings.") + fmt,
          signed_in([&app, format = std::string(fmt)](Ctx& c) {
            AnalysisResultsService::AreaNames areas;
            for (const auto& [id, label] : area_options(app, c)) areas[id] = label;
            auto doc = app.svc().results.findings_document(*c.actor, format, welsh(c), areas);
            if (!doc) return failure(app, c, doc.error());
            return download(
                c.req, std::move(*doc),
                format == "md" ? "text/markdown; charset=utf-8" : "text/html; charset=utf-8",
                "findings." + format);
          }));
  r.add(bhttp::verb::get, "/analysis/codebook",
        signed_in([&app](Ctx& c) { return codebook_page(app, c); }));
  r.add(bhttp::verb::get, "/analysis/codebook.json", signed_in([&app](Ctx& c) {
          auto v = app.svc().analysis.codebook(*c.actor);
          if (!v) return failure(app, c, v.error());
          return download(c.req, v->body_json, "application/json", "codebook.json");
        }));
  r.add(bhttp::verb::post, "/analysis/codebook", signed_in([&app](Ctx& c) {
          const auto& f = form_of(c);
          std::string json = field(f, "codebook");
          for (const auto& part : c.files)
            if (part.name == "codebook_file" && !part.body.empty()) json = part.body;
          const int based_on = parse_number<int>(field(f, "version")).value_or(-1);
          auto saved = app.svc().analysis.save_codebook(*c.actor, json, field(f, "note"), based_on);
          if (saved)
            return redirect(c.req, local_url("/analysis/codebook", {{"done", "codebook_saved"}}));
          if (saved.error().code == Errc::forbidden) return failure(app, c, saved.error());
          return codebook_page(app, c, &saved.error(), json);
        }));
  r.add(bhttp::verb::get, "/analysis/export", signed_in([&app](Ctx& c) {
          if (auto s = app.svc().analysis.may_read(*c.actor); !s) return failure(app, c, s.error());
          Data d = analysis_shell(app, c, app.t(c, "analysis.export.title"), "/analysis/export");
          return app.page(c, "analysis_export", d);
        }));
  r.add(bhttp::verb::get, "/analysis/export/{name}", signed_in([&app](Ctx& c) {
          const std::string name = c.params["name"];
          auto bytes = app.svc().results.export_file(*c.actor, name, welsh(c));
          if (!bytes) return failure(app, c, bytes.error());
          std::string type = "application/octet-stream";
          if (name.ends_with(".csv")) type = "text/csv; charset=utf-8";
          if (name.ends_with(".xlsx"))
            type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
          if (name.ends_with(".qdpx")) type = "application/zip";
          return download(c.req, std::move(*bytes), type, name);
        }));
}

}  // namespace sgwrs::http
