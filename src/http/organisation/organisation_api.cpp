// The organisation API under /api/v1: organisations, services, pods and staff, with the
// same services as the pages. Handlers decode, call one service and encode.
#include "http/core/api_support.hpp"

namespace sgwrs::http {

using namespace api;

void register_organisation_api(Router& r, App& app) {
  Api api{app};
  auto& orgs = app.svc().orgs;
  auto& users = app.svc().users;

  add_resource<Organisation>(
      r, api,
      {"/api/v1/organisations",
       [&orgs](Ctx& c, PageRequest p) { return orgs.list_organisations(*c.actor, p); },
       {"name_en", "name_cy", "ons_code"},
       [&orgs](Ctx& c, JsonInput& in) {
         Organisation o{0, in.text("name_en").value_or(""), in.text("name_cy").value_or(""),
                        in.text("ons_code").value_or("")};
         if (in.problem()) return Result<Organisation>(Error::of(Errc::invalid, "wrong_type"));
         return orgs.create_organisation(*c.actor, o);
       },
       [&orgs](Ctx& c, Id id) { return orgs.get_organisation(*c.actor, id); },
       {"name_en", "name_cy", "ons_code"},
       [](JsonInput& in, Organisation& o) {
         set_if(in.text("name_en"), o.name_en);
         set_if(in.text("name_cy"), o.name_cy);
         set_if(in.text("ons_code"), o.ons_code);
       },
       [&orgs](Ctx& c, Organisation o) { return orgs.update_organisation(*c.actor, o); }});

  add_resource<Service>(r, api,
                        {"/api/v1/services",
                         [&orgs, api](Ctx& c, PageRequest p) mutable {
                           return orgs.list_services(*c.actor, api.query_id(c, "organisation_id"),
                                                     p);
                         },
                         {"organisation_id", "kind", "name_en", "name_cy"},
                         [&orgs](Ctx& c, JsonInput& in) {
                           Service s;
                           s.organisation_id = in.integer("organisation_id").value_or(0);
                           s.name_en = in.text("name_en").value_or("");
                           s.name_cy = in.text("name_cy").value_or("");
                           auto kind = in.text("kind");
                           if (in.problem())
                             return Result<Service>(Error::of(Errc::invalid, "wrong_type"));
                           auto k = parse_service_kind(kind.value_or(""));
                           if (!k)
                             return Result<Service>(
                                 Error{Errc::invalid, "invalid_input", "", {{"kind", "required"}}});
                           s.kind = *k;
                           return orgs.create_service(*c.actor, s);
                         },
                         [&orgs](Ctx& c, Id id) { return orgs.get_service(*c.actor, id); },
                         {"kind", "name_en", "name_cy"},
                         [](JsonInput& in, Service& s) {
                           set_if(in.text("name_en"), s.name_en);
                           set_if(in.text("name_cy"), s.name_cy);
                           if (auto k = in.text("kind"); k && parse_service_kind(*k))
                             s.kind = *parse_service_kind(*k);
                         },
                         [&orgs](Ctx& c, Service s) { return orgs.update_service(*c.actor, s); }});

  add_resource<Pod>(r, api,
                    {"/api/v1/pods",
                     [&orgs, api](Ctx& c, PageRequest p) mutable {
                       return orgs.list_pods(*c.actor, api.query_id(c, "service_id"),
                                             api.query_id(c, "organisation_id"), p);
                     },
                     {"service_id", "name_en", "name_cy"},
                     [&orgs](Ctx& c, JsonInput& in) {
                       Pod p;
                       p.service_id = in.integer("service_id").value_or(0);
                       p.name_en = in.text("name_en").value_or("");
                       p.name_cy = in.text("name_cy").value_or("");
                       if (in.problem()) return Result<Pod>(Error::of(Errc::invalid, "wrong_type"));
                       return orgs.create_pod(*c.actor, p);
                     },
                     [&orgs](Ctx& c, Id id) { return orgs.get_pod(*c.actor, id); },
                     {"name_en", "name_cy"},
                     [](JsonInput& in, Pod& p) {
                       set_if(in.text("name_en"), p.name_en);
                       set_if(in.text("name_cy"), p.name_cy);
                     },
                     [&orgs](Ctx& c, Pod p) { return orgs.update_pod(*c.actor, p); }});

  add_resource<User>(
      r, api,
      {"/api/v1/users",
       [&users, api](Ctx& c, PageRequest p) mutable {
         return users.list(*c.actor, api.query_id(c, "organisation_id"), p);
       },
       {"email", "display_name", "role", "organisation_id", "pod_id", "password"},
       [&users](Ctx& c, JsonInput& in) {
         User u;
         u.email = in.text("email").value_or("");
         u.display_name = in.text("display_name").value_or("");
         u.organisation_id = in.integer("organisation_id").value_or(0);
         u.pod_id = in.integer("pod_id");
         auto role = in.text("role");
         auto password = in.text("password").value_or("");
         if (in.problem()) return Result<User>(Error::of(Errc::invalid, "wrong_type"));
         auto r = parse_role(role.value_or(""));
         if (!r)
           return Result<User>(Error{Errc::invalid, "invalid_input", "", {{"role", "required"}}});
         u.role = *r;
         return users.create(*c.actor, {u, password});
       },
       [&users](Ctx& c, Id id) { return users.get(*c.actor, id); },
       {"email", "display_name", "role", "pod_id", "disabled"},
       [](JsonInput& in, User& u) {
         set_if(in.text("email"), u.email);
         set_if(in.text("display_name"), u.display_name);
         if (auto r = in.text("role"); r && parse_role(*r)) u.role = *parse_role(*r);
         if (in.is_null("pod_id"))
           u.pod_id.reset();
         else if (auto p = in.integer("pod_id"))
           u.pod_id = *p;
         set_if(in.boolean("disabled"), u.disabled);
       },
       [&users](Ctx& c, User u) { return users.update(*c.actor, u); }});
}

}  // namespace sgwrs::http
