// Agreed actions and support decisions under /api/v1: a family's actions (GET, POST), one
// action (GET, PATCH with If-Match), checking its progress (POST), and a family's support
// decisions (GET, POST). Handlers decode, call PlanService (access and audit) and encode.
#include "http/record/record_api_support.hpp"

namespace sgwrs::http {

using namespace api;
using namespace record_api;
namespace rj = record;

namespace {

Response actions_of(Api api, Ctx& c, Id family) {
  return items(api, c, api.app.svc().plans.actions_of(*c.actor, family));
}

Response create_action(Api api, Ctx& c, Id family) {
  return create_in_family<AgreedAction>(
      api, c, family, rj::kActionFields, rj::read_action,
      [&](const Actor& a, const AgreedAction& x) { return api.app.svc().plans.save_action(a, x); });
}

Response get_action(Api api, Ctx& c, Id id) {
  auto r = api.app.svc().plans.get_action(*c.actor, id);
  return one(api, c, r, r ? r->version : 0);
}

Response update_action(Api api, Ctx& c, Id id) {
  auto& plans = api.app.svc().plans;
  return update_item<AgreedAction>(
      api, c, id, rj::kActionFields, rj::read_action,
      [&](const Actor& a, Id i) { return plans.get_action(a, i); },
      [&](const Actor& a, const AgreedAction& x) { return plans.save_action(a, x); });
}

Response check_action(Api api, Ctx& c, Id id) {
  auto b = api.body(c, rj::kProgressFields);
  if (auto* e = std::get_if<Response>(&b)) return std::move(*e);
  auto& in = std::get<JsonInput>(b);
  ActionProgress p;
  std::string bad;
  rj::read_progress(in, p, bad);
  if (auto e = input_problem(api, c, in, bad)) return std::move(*e);
  auto r = api.app.svc().plans.check_action(*c.actor, id, p);
  return one(api, c, r, r ? r->version : 0, bhttp::status::created);
}

Response decisions_of(Api api, Ctx& c, Id family) {
  return items(api, c, api.app.svc().plans.decisions_of(*c.actor, family));
}

Response record_decision(Api api, Ctx& c, Id family) {
  auto b = api.body(c, rj::kDecisionFields);
  if (auto* e = std::get_if<Response>(&b)) return std::move(*e);
  auto& in = std::get<JsonInput>(b);
  SupportDecision d;
  d.family_id = family;
  std::string bad;
  rj::read_decision(in, d, bad);
  if (auto e = input_problem(api, c, in, bad)) return std::move(*e);
  // A decision is kept as recorded: its ETag is always its first and only version.
  return one(api, c, api.app.svc().plans.record_decision(*c.actor, d), 1, bhttp::status::created);
}

}  // namespace

void register_plan_api(Router& r, App& app) {
  Api api{app};
  using bhttp::verb;
  r.add(verb::get, "/api/v1/families/{id}/actions", with_id(api, actions_of));
  r.add(verb::post, "/api/v1/families/{id}/actions", with_id(api, create_action));
  r.add(verb::get, "/api/v1/actions/{id}", with_id(api, get_action));
  r.add(verb::patch, "/api/v1/actions/{id}", with_id(api, update_action));
  r.add(verb::post, "/api/v1/actions/{id}/progress", with_id(api, check_action));
  r.add(verb::get, "/api/v1/families/{id}/decisions", with_id(api, decisions_of));
  r.add(verb::post, "/api/v1/families/{id}/decisions", with_id(api, record_decision));
}

}  // namespace sgwrs::http
