// What the analysis pages share (analysis_pages.hpp).
#include <boost/json.hpp>

#include <algorithm>
#include <set>

#include "analysis/model.hpp"
#include "analysis/text/codebook.hpp"
#include "domain/core/numbers.hpp"
#include "domain/core/validation.hpp"
#include "http/analysis/analysis_pages.hpp"

#include "domain/organisation/roles.hpp"
#include "http/analysis/analysis_view.hpp"
#include "http/core/app.hpp"
#include "http/core/local_url.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"

namespace sgwrs::http::analysis_ui {

namespace bj = boost::json;

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
  const std::string key = "organisation.service_kinds." + id;
  return app.cat().has(c.lang, key) ? app.t(c, key) : id;
}

std::string heading_label(App& app, const Ctx& c, const std::string& id) {
  return app.t(c, "analysis.headings." + id);
}

std::string theme_label(const std::map<std::string, std::string>& names, const std::string& id) {
  auto it = names.find(id);
  return it == names.end() ? id : it->second;
}

std::string percent(double share) {
  return std::to_string(static_cast<int>(share * 100 + 0.5)) + "%";
}

std::string fixed(std::optional<double> v, int places) {
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
  for (const auto kind : all_service_kinds()) {
    const std::string id(service_kind_id(kind));
    out.emplace_back(id, service_area_label(app, c, id));
  }
  return out;
}

AnalysisResultsService::CountNotes count_notes(App& app, const Ctx& c) {
  const std::string min = std::to_string(app.svc().results.suppression().min_reports);
  return {app.t(c, "analysis.notes.coded"), app.t(c, "analysis.notes.suggested"),
          app.cat().format(c.lang, "analysis.notes.left_out", {{"min", min}})};
}

// Theme checkboxes, in codebook order, with the chosen ones ticked.
Data theme_choices(const analysis::Codebook& cb, Language lang,
                   const std::set<std::string>& chosen) {
  const bool cy = lang == Language::cy;
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

}  // namespace sgwrs::http::analysis_ui
