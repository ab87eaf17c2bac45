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
  // What a swap or pin did, said in the analysis's own words.
  if (auto done = c.query.find("done"); done != c.query.end()) {
    const std::string key = "analysis.findings.flash." + done->second;
    if (app.cat().has(c.lang, key)) d.set("flash", app.t(c, key));
  }
  Data l = list();
  for (const auto& f : *rows) {
    Data x = obj();
    x.set("theme", theme_label(names, f.theme_id));
    x.set("what", f.what_data_shows);
    x.set("why", f.why_it_matters);
    x.set("edit_href", "/analysis/findings/" + std::to_string(f.id) + "/edit");
    Data quotes = list();
    const auto parsed_json = bj::parse(f.quotes_json);
    std::size_t n = 0;
    for (const auto& qv : parsed_json.as_array()) {
      Data qd = obj();
      qd.set("text", std::string(qv.at("text").as_string()));
      qd.set("source", std::string(qv.at("organisation").as_string()) + ", " +
                           std::to_string(qv.at("year").to_number<std::int64_t>()));
      // Swap and pin are plain forms, one per quote, so they work without JavaScript.
      // Quotes drafted before they named their passage cannot be chosen until drafted again.
      const std::string base =
          "/analysis/findings/" + std::to_string(f.id) + "/quotes/" + std::to_string(n);
      if (qv.as_object().contains("report_id")) {
        qd.set("choosable", true);
        qd.set("swap_action", base + "/swap");
        const bool pinned = qv.at("pinned").as_bool();
        if (pinned) qd.set("pinned", true);
        qd.set("pin_action", base + (pinned ? "/unpin" : "/pin"));
        qd.set("pin_label", app.t(c, pinned ? "analysis.findings.unpin" : "analysis.findings.pin"));
      }
      qd.set("quote_name", theme_label(names, f.theme_id) + ", " +
                               app.t(c, "analysis.findings.quote") + " " + std::to_string(++n));
      qd.set("version", std::to_string(f.version));
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
