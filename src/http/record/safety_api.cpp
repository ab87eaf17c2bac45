// Worries and safety, and scaling, under /api/v1: a family's safety statements (GET, POST),
// one statement (GET, PATCH with If-Match), and a family's scalings (GET, POST; a scaling is
// kept as recorded). Handlers decode, call SafetyService (access and audit) and encode.
#include "http/record/record_api_support.hpp"
#include "http/record/reveal.hpp"

namespace sgwrs::http {

using namespace api;
using namespace record_api;
namespace rj = record;

namespace {

SafetyService& safety(Api& api) {
  return api.app.svc().safety;
}

Response statements_of(Api api, Ctx& c, Id family) {
  return items(api, c, safety(api).statements_of(*c.actor, family, reveal_sensitive(c)));
}
Response create_statement(Api api, Ctx& c, Id family) {
  return create_in_family<SafetyStatement>(
      api, c, family, rj::kSafetyStatementFields, rj::read_statement,
      [&](const Actor& a, const SafetyStatement& s) { return safety(api).save_statement(a, s); });
}
Response get_statement(Api api, Ctx& c, Id id) {
  auto r = safety(api).get_statement(*c.actor, id, reveal_sensitive(c));
  return one(api, c, r, r ? r->version : 0);
}
Response update_statement(Api api, Ctx& c, Id id) {
  auto& svc = safety(api);
  return update_item<SafetyStatement>(
      api, c, id, rj::kSafetyStatementFields, rj::read_statement,
      [&](const Actor& a, Id i) { return svc.get_statement(a, i); },
      [&](const Actor& a, const SafetyStatement& s) { return svc.save_statement(a, s); });
}

Response scalings_of(Api api, Ctx& c, Id family) {
  return items(api, c, safety(api).scalings_of(*c.actor, family));
}
// A scaling is kept as recorded: its ETag is always its first and only version.
Response record_scaling(Api api, Ctx& c, Id family) {
  auto b = api.body(c, rj::kScalingFields);
  if (auto* e = std::get_if<Response>(&b)) return std::move(*e);
  auto& in = std::get<JsonInput>(b);
  Scaling s;
  s.family_id = family;
  std::string bad;
  rj::read_scaling(in, s, bad);
  if (auto e = input_problem(api, c, in, bad)) return std::move(*e);
  return one(api, c, safety(api).record_scaling(*c.actor, s), 1, bhttp::status::created);
}

}  // namespace

void register_safety_api(Router& r, App& app) {
  Api api{app};
  using bhttp::verb;
  r.add(verb::get, "/api/v1/families/{id}/safety", with_id(api, statements_of));
  r.add(verb::post, "/api/v1/families/{id}/safety", with_id(api, create_statement));
  r.add(verb::get, "/api/v1/safety/{id}", with_id(api, get_statement));
  r.add(verb::patch, "/api/v1/safety/{id}", with_id(api, update_statement));
  r.add(verb::get, "/api/v1/families/{id}/scalings", with_id(api, scalings_of));
  r.add(verb::post, "/api/v1/families/{id}/scalings", with_id(api, record_scaling));
}

}  // namespace sgwrs::http
