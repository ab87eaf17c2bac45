// The periods of work with a family under /api/v1: a family's involvements (GET) and
// reopening as a new one (POST), a dated status change on the open one and closing it (POST,
// each with If-Match on the involvement's version). Handlers decode, call InvolvementService
// (access and audit) and encode.
#include "http/record/record_api_support.hpp"

namespace sgwrs::http {

using namespace api;
using namespace record_api;
namespace rj = record;

namespace {

InvolvementService& involvements(Api& api) {
  return api.app.svc().involvements;
}

Response of_family(Api api, Ctx& c, Id family) {
  return items(api, c, involvements(api).of_family(*c.actor, family));
}

Response get_one(Api api, Ctx& c, Id id) {
  auto r = involvements(api).get(*c.actor, id);
  return one(api, c, r, r ? r->version : 0);
}

Response reopen(Api api, Ctx& c, Id family) {
  auto b = api.body(c, {"opened_on", "status", "lead_worker_id"});
  if (auto* e = std::get_if<Response>(&b)) return std::move(*e);
  auto& in = std::get<JsonInput>(b);
  Reopening r;
  r.family_id = family;
  std::string bad;
  if (auto v = in.text("opened_on")) r.opened_on = *v;
  rj::read_closed(in, "status", kInvolvementStatuses, r.status, bad);
  rj::read_optional_id(in, "lead_worker_id", r.lead_worker_id);
  if (auto e = input_problem(api, c, in, bad)) return std::move(*e);
  auto saved = involvements(api).reopen(*c.actor, r);
  return one(api, c, saved, saved ? saved->version : 0, bhttp::status::created);
}

Response change_status(Api api, Ctx& c, Id id) {
  auto v = api.if_match(c);
  if (auto* e = std::get_if<Response>(&v)) return std::move(*e);
  auto b = api.body(c, {"status", "from", "note"});
  if (auto* e = std::get_if<Response>(&b)) return std::move(*e);
  auto& in = std::get<JsonInput>(b);
  StatusMove m;
  m.involvement_id = id;
  m.version = std::get<std::int64_t>(v);
  std::string bad;
  rj::read_closed(in, "status", kInvolvementStatuses, m.status, bad);
  if (auto t = in.text("from")) m.from = *t;
  if (auto t = in.text("note")) m.note = *t;
  if (auto e = input_problem(api, c, in, bad)) return std::move(*e);
  auto saved = involvements(api).change_status(*c.actor, m);
  return one(api, c, saved, saved ? saved->version : 0, bhttp::status::created);
}

Response close(Api api, Ctx& c, Id id) {
  auto v = api.if_match(c);
  if (auto* e = std::get_if<Response>(&v)) return std::move(*e);
  auto b = api.body(c, {"on", "note"});
  if (auto* e = std::get_if<Response>(&b)) return std::move(*e);
  auto& in = std::get<JsonInput>(b);
  Closing cl;
  cl.involvement_id = id;
  cl.version = std::get<std::int64_t>(v);
  if (auto t = in.text("on")) cl.on = *t;
  if (auto t = in.text("note")) cl.note = *t;
  if (auto e = input_problem(api, c, in, "")) return std::move(*e);
  auto saved = involvements(api).close(*c.actor, cl);
  return one(api, c, saved, saved ? saved->version : 0);
}

}  // namespace

void register_involvement_api(Router& r, App& app) {
  Api api{app};
  using bhttp::verb;
  r.add(verb::get, "/api/v1/families/{id}/involvements", with_id(api, of_family));
  r.add(verb::post, "/api/v1/families/{id}/involvements", with_id(api, reopen));
  r.add(verb::get, "/api/v1/involvements/{id}", with_id(api, get_one));
  r.add(verb::post, "/api/v1/involvements/{id}/statuses", with_id(api, change_status));
  r.add(verb::post, "/api/v1/involvements/{id}/close", with_id(api, close));
}

}  // namespace sgwrs::http
