// Headline findings: the table of theme, what the data shows and why it matters.
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

// ---- findings -------------------------------------------------------------------------

Response findings_page(App& app, Ctx& c) {
  auto rows = app.svc().results.findings(*c.actor);
  if (!rows) return failure(app, c, rows.error());
  const auto names = app.svc().analysis.theme_names(c.lang);
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
  if (auto left_out = app.svc().results.any_left_out(*c.actor); left_out && *left_out)
    d.set("left_out_note", count_notes(app, c).left_out);
  return app.page(c, "analysis_findings", d);
}

std::vector<Field> finding_fields(const FindingRow& f) {
  return {{"what_data_shows", "core.fields.what_data_shows", "core.hints.what_data_shows",
           "textarea", f.what_data_shows},
          {"why_it_matters", "core.fields.why_it_matters", "core.hints.why_it_matters", "textarea",
           f.why_it_matters}};
}

}  // namespace sgwrs::http::analysis_ui
