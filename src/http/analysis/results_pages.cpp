// What the coding shows: the themes matrix, its quotes, the framework matrix, agreement
// between coders and the quality of suggestions.
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

// ---- matrix and quotes ----------------------------------------------------------------

Response matrix_page(App& app, Ctx& c) {
  const auto by = dimension_from(q(c, "by"));
  const auto view = view_from(q(c, "view"));
  auto m = app.svc().results.matrix(*c.actor, by, view);
  if (!m) return failure(app, c, m.error());
  const auto names = app.svc().analysis.theme_names(c.lang);
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
  // Totals leave out the suppressed groups' reports, so none can be worked out by subtraction.
  if (m->left_out) d.set("left_out_note", count_notes(app, c).left_out);
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
  const auto names = app.svc().analysis.theme_names(c.lang);
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
  const bool cy = c.lang == Language::cy;
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
  const auto names = app.svc().analysis.theme_names(c.lang);
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
  const auto names = app.svc().analysis.theme_names(c.lang);
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
  add_model_section(app, c, d);
  return app.page(c, "analysis_quality", d);
}

}  // namespace sgwrs::http::analysis_ui
