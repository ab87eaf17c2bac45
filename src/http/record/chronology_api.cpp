// A family's chronology under /api/v1: GET /api/v1/families/{id}/chronology (?kind=,
// ?person_id=) and POST /api/v1/families/{id}/events for a significant event.
#include "http/record/record_api_support.hpp"

namespace sgwrs::http {

using namespace api;
using namespace record_api;
namespace rj = record;

namespace {

Response chronology(Api api, Ctx& c, Id family) {
  ChronologyFilter f;
  if (auto k = c.query.find("kind"); k != c.query.end() && !k->second.empty()) {
    f.kind = kChronologyKinds.parse(k->second);
    if (!f.kind)
      return api.app.api_error(
          c, Error{Errc::invalid, "invalid_input", "", {{"kind", "unknown_value"}}});
  }
  if (auto p = c.query.find("person_id"); p != c.query.end() && !p->second.empty()) {
    f.person_id = parse_id(p->second);
    if (!f.person_id)
      return api.app.api_error(
          c, Error{Errc::invalid, "invalid_input", "", {{"person_id", "wrong_type"}}});
  }
  return items(api, c, api.app.svc().chronologies.chronology(*c.actor, family, f));
}

Response add_event(Api api, Ctx& c, Id family) {
  auto b = api.body(c, {"happened_on", "what", "person_id"});
  if (auto* e = std::get_if<Response>(&b)) return std::move(*e);
  auto& in = std::get<JsonInput>(b);
  SignificantEvent e;
  e.family_id = family;
  e.happened_on = in.text("happened_on").value_or("");
  e.what = in.text("what").value_or("");
  e.person_id = in.integer("person_id");
  if (auto p = api.type_problem(c, in)) return std::move(*p);
  return one(api, c, api.app.svc().chronologies.add_event(*c.actor, e), 1, bhttp::status::created);
}

}  // namespace

void register_chronology_api(Router& r, App& app) {
  Api api{app};
  using bhttp::verb;
  r.add(verb::get, "/api/v1/families/{id}/chronology", with_id(api, chronology));
  r.add(verb::post, "/api/v1/families/{id}/events", with_id(api, add_event));
}

}  // namespace sgwrs::http
