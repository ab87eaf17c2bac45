// Strengths and the family's network under /api/v1: a family's strengths and network members
// (GET, POST), and one of each (GET, PATCH with If-Match). Handlers decode, call
// NetworkService (access and audit) and encode.
#include "http/record/record_api_support.hpp"
#include "http/record/reveal.hpp"

namespace sgwrs::http {

using namespace api;
using namespace record_api;
namespace rj = record;

namespace {

NetworkService& networks(Api& api) {
  return api.app.svc().networks;
}

Response strengths_of(Api api, Ctx& c, Id family) {
  return items(api, c, networks(api).strengths_of(*c.actor, family, reveal_sensitive(c)));
}
Response create_strength(Api api, Ctx& c, Id family) {
  return create_in_family<Strength>(
      api, c, family, rj::kStrengthFields, rj::read_strength,
      [&](const Actor& a, const Strength& s) { return networks(api).save_strength(a, s); });
}
Response get_strength(Api api, Ctx& c, Id id) {
  auto r = networks(api).get_strength(*c.actor, id, reveal_sensitive(c));
  return one(api, c, r, r ? r->version : 0);
}
Response update_strength(Api api, Ctx& c, Id id) {
  auto& svc = networks(api);
  return update_item<Strength>(
      api, c, id, rj::kStrengthFields, rj::read_strength,
      [&](const Actor& a, Id i) { return svc.get_strength(a, i); },
      [&](const Actor& a, const Strength& s) { return svc.save_strength(a, s); });
}

Response network_of(Api api, Ctx& c, Id family) {
  return items(api, c, networks(api).network_of(*c.actor, family, reveal_sensitive(c)));
}
Response create_member(Api api, Ctx& c, Id family) {
  return create_in_family<NetworkMember>(
      api, c, family, rj::kNetworkMemberFields, rj::read_network_member,
      [&](const Actor& a, const NetworkMember& m) { return networks(api).save_member(a, m); });
}
Response get_member(Api api, Ctx& c, Id id) {
  auto r = networks(api).get_member(*c.actor, id, reveal_sensitive(c));
  return one(api, c, r, r ? r->version : 0);
}
Response update_member(Api api, Ctx& c, Id id) {
  auto& svc = networks(api);
  return update_item<NetworkMember>(
      api, c, id, rj::kNetworkMemberFields, rj::read_network_member,
      [&](const Actor& a, Id i) { return svc.get_member(a, i); },
      [&](const Actor& a, const NetworkMember& m) { return svc.save_member(a, m); });
}

}  // namespace

void register_network_api(Router& r, App& app) {
  Api api{app};
  using bhttp::verb;
  r.add(verb::get, "/api/v1/families/{id}/strengths", with_id(api, strengths_of));
  r.add(verb::post, "/api/v1/families/{id}/strengths", with_id(api, create_strength));
  r.add(verb::get, "/api/v1/strengths/{id}", with_id(api, get_strength));
  r.add(verb::patch, "/api/v1/strengths/{id}", with_id(api, update_strength));
  r.add(verb::get, "/api/v1/families/{id}/network", with_id(api, network_of));
  r.add(verb::post, "/api/v1/families/{id}/network", with_id(api, create_member));
  r.add(verb::get, "/api/v1/network/{id}", with_id(api, get_member));
  r.add(verb::patch, "/api/v1/network/{id}", with_id(api, update_member));
}

}  // namespace sgwrs::http
