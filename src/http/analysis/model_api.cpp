// The learned theme model in the API: GET /api/v1/analysis/models says which model makes
// suggestions now (or why the indicators alone do) and gives the cross-validation stored
// with it; POST asks for a retraining, which happens in the background (202 Accepted).
#include <boost/json.hpp>

#include "http/analysis/model_api.hpp"
#include "http/core/app.hpp"
#include "http/core/response.hpp"

namespace sgwrs::http {

namespace bj = boost::json;

namespace {

bj::object training_json(const TrainingState& s) {
  return {{"queued", s.queued},
          {"running", s.running},
          {"last_error", s.last_error.empty() ? bj::value(nullptr) : bj::value(s.last_error)}};
}

bj::object status_json(App& app, const Ctx& c) {
  const auto st = app.svc().analysis.model_status();
  bj::object o{{"model", st.model},
               {"in_use", st.in_use},
               {"note", st.note.empty() ? bj::value(nullptr) : bj::value(st.note)},
               {"codebook_version", st.codebook_version},
               {"trained_for", st.trained_for ? bj::value(*st.trained_for) : bj::value(nullptr)},
               {"model_id", st.model_id ? bj::value(*st.model_id) : bj::value(nullptr)},
               {"trained_at", st.trained_at},
               {"examples", st.examples},
               {"themes_learned", st.themes_learned},
               {"themes_total", st.themes_total}};
  // The evaluation as stored with the model, if it reads back whole.
  if (evaluation_from_json(st.evaluation_json))
    o["evaluation"] = bj::parse(st.evaluation_json);
  else
    o["evaluation"] = nullptr;
  if (auto s = app.svc().learning.state(*c.actor)) o["training"] = training_json(*s);
  return o;
}

}  // namespace

void register_model_api_routes(Router& r, App& app) {
  r.add(bhttp::verb::get, "/api/v1/analysis/models", [&app](Ctx& c) {
    if (auto s = app.svc().analysis.may_read(*c.actor); !s) return app.api_error(c, s.error());
    return json(c.req, bhttp::status::ok, bj::serialize(status_json(app, c)));
  });
  r.add(bhttp::verb::post, "/api/v1/analysis/models", [&app](Ctx& c) {
    auto s = app.svc().learning.request_training(*c.actor);
    if (!s) return app.api_error(c, s.error());
    return json(c.req, bhttp::status::accepted,
                bj::serialize(bj::object{{"training", training_json(*s)}}));
  });
}

}  // namespace sgwrs::http
