// Pages of the organisation every signed-in person sees: home (their organisation and pod
// at a glance) and the organisation's services, pods and staff.
#include "domain/core/date.hpp"
#include "http/core/app.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"

namespace sgwrs::http {

using web::Data;

void register_organisation_pages(Router& r, App& app) {
  r.add(bhttp::verb::get, "/", [&app](Ctx& c) {
    if (!c.signed_in()) return app.require_sign_in(c);
    const auto& a = *c.actor;
    Data d = app.shell(c, app.t(c, "core.home.title"));
    d.set("greeting",
          app.cat().format(c.lang, "core.home.greeting", {{"name", a.user.display_name}}));
    if (auto v = app.svc().orgs.overview(a)) {
      const bool cy = c.lang == Language::cy;
      d.set("org_name", cy ? v->organisation.name_cy : v->organisation.name_en);
      d.set("count_services", std::to_string(v->counts.services));
      d.set("count_pods", std::to_string(v->counts.pods));
      d.set("count_staff", std::to_string(v->counts.staff));
      if (v->pod && v->service) {
        d.set("pod_name", cy ? v->pod->name_cy : v->pod->name_en);
        d.set("service_name", cy ? v->service->name_cy : v->service->name_en);
        Data members{Data::type::list};
        for (const auto& u : v->pod_members) {
          Data m{Data::type::object};
          m.set("name", u.display_name);
          m.set("role", app.t(c, "organisation.roles." + std::string(role_id(u.role))));
          members.push_back(m);
        }
        d.set("pod_members", members);
      }
    }
    d.set("role_intro", app.t(c, "core.home.role_intro." + std::string(role_id(a.user.role))));
    if (a.is_admin()) d.set("is_admin", true);
    // Everyone who can hold a relationship with a family: a pod's members and senior leaders.
    if (a.user.pod_id || a.user.role == Role::senior_leader) d.set("works_with_families", true);
    // A pod manager is told of every breaking of the glass on the pod's records.
    if (auto notices = app.svc().records.break_glass_notices(a); notices && !notices->empty()) {
      Data list{Data::type::list};
      for (const auto& n : *notices) {
        Data x{Data::type::object};
        x.set("family_id", std::to_string(n.family_id));
        x.set("text", app.cat().format(c.lang, "record.break_glass.notice",
                                       {{"name", n.user_name},
                                        {"family", n.family_name},
                                        {"when", format_utc_minute(n.started_at)},
                                        {"reason", n.reason}}));
        list.push_back(x);
      }
      d.set("break_glass_notices", list);
    }
    return app.page(c, "home", d);
  });

  r.add(bhttp::verb::get, "/organisation", [&app](Ctx& c) {
    if (!c.signed_in()) return app.require_sign_in(c);
    Id org_id = c.actor->user.organisation_id;
    if (auto q = c.query.find("id"); q != c.query.end()) {
      auto id = parse_id(q->second);
      if (!id) return app.error_page(c, bhttp::status::not_found);
      org_id = *id;
    }
    auto s = app.svc().orgs.structure(*c.actor, org_id);
    if (!s) return app.error_page(c, App::status_for(s.error().code));
    const bool cy = c.lang == Language::cy;
    Data d = app.shell(c, cy ? s->organisation.name_cy : s->organisation.name_en);
    d.set("org_name", cy ? s->organisation.name_cy : s->organisation.name_en);
    d.set("ons_code", s->organisation.ons_code);
    auto person = [&](const User& u) {
      Data m{Data::type::object};
      m.set("name", u.display_name);
      m.set("role", app.t(c, "organisation.roles." + std::string(role_id(u.role))));
      if (u.disabled) m.set("disabled", true);
      return m;
    };
    Data services{Data::type::list};
    for (const auto& node : s->services) {
      Data sd{Data::type::object};
      sd.set("name", cy ? node.service.name_cy : node.service.name_en);
      sd.set("kind", app.t(c, "organisation.service_kinds." +
                                  std::string(service_kind_id(node.service.kind))));
      sd.set("id", std::to_string(node.service.id));
      Data pods{Data::type::list};
      for (const auto& [pod, members] : node.pods) {
        Data pd{Data::type::object};
        pd.set("name", cy ? pod.name_cy : pod.name_en);
        pd.set("count", app.cat().format(c.lang, "organisation.view.member_count",
                                         {{"n", std::to_string(members.size())}}));
        Data ms{Data::type::list};
        for (const auto& u : members) ms.push_back(person(u));
        pd.set("members", ms);
        pods.push_back(pd);
      }
      sd.set("pods", pods);
      if (node.pods.empty()) sd.set("no_pods", true);
      services.push_back(sd);
    }
    d.set("services", services);
    Data others{Data::type::list};
    for (const auto& u : s->staff_without_pod) others.push_back(person(u));
    d.set("others", others);
    if (!s->staff_without_pod.empty()) d.set("has_others", true);
    return app.page(c, "organisation", d);
  });
}

}  // namespace sgwrs::http
