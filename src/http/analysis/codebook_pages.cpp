// The codebook: its themes and indicators, its versions, and editing it as JSON.
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

// ---- codebook -------------------------------------------------------------------------

Response codebook_page(App& app, Ctx& c, const Error* error, const std::string& typed) {
  auto v = app.svc().analysis.codebook(*c.actor);
  if (!v) return failure(app, c, v.error());
  auto history = app.svc().analysis.codebook_history(*c.actor);
  if (!history) return failure(app, c, history.error());
  auto cb = app.svc().analysis.current_codebook();
  Data d = analysis_shell(app, c, app.t(c, "analysis.codebook.title"), "/analysis/codebook");
  if (error) app.error_summary(c, *error, d);
  d.set("version", std::to_string(v->version));
  d.set("json", typed.empty() ? v->body_json : typed);
  const bool cy = c.lang == Language::cy;
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

}  // namespace sgwrs::http::analysis_ui
