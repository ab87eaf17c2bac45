// Pages every signed-in person uses: sign in and out, home, the organisation at a glance,
// their account, and the language toggle.
#include <fmt/format.h>

#include "http/core/app.hpp"
#include "http/core/local_url.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"

namespace sgwrs::http {

using web::Data;

namespace {

Response sign_in_page(App& app, const Ctx& c, const std::string& email, const Error* err,
                      bhttp::status s = bhttp::status::ok) {
  Data d =
      app.shell(c, (err ? app.t(c, "common.error_prefix") + " " : "") + app.t(c, "signin.title"));
  d.set("email", email);
  if (err) {
    Data errors{Data::type::list};
    Data e{Data::type::object};
    e.set("href", "#email");
    e.set("text", app.t(c, "errors." + err->key));
    errors.push_back(e);
    d.set("errors", errors);
    d.set("has_errors", true);
  }
  if (c.query.count("timeout")) d.set("timed_out", true);
  if (c.query.count("signed_out")) d.set("signed_out", true);
  return app.page(c, "sign_in", d, s);
}

}  // namespace

void register_page_routes(Router& r, App& app) {
  r.add(bhttp::verb::get, "/sign-in", [&app](Ctx& c) {
    if (c.signed_in()) return redirect(c.req, local_url("/"));
    return sign_in_page(app, c, "", nullptr);
  });

  r.add(bhttp::verb::post, "/sign-in", [&app](Ctx& c) {
    const auto& f = form_of(c);
    const std::string email = field(f, "email");
    auto s = app.svc().auth.sign_in(email, field(f, "password"), c.address);
    if (!s) return sign_in_page(app, c, email, &s.error(), App::status_for(s.error().code));
    auto res = redirect(c.req, safe_return(c.query.count("next") ? c.query.at("next") : "/"));
    app.start_session(res, *s);
    return res;
  });

  r.add(bhttp::verb::post, "/sign-out", [&app](Ctx& c) {
    if (c.session) app.svc().auth.sign_out(*c.session, c.address);
    auto res = redirect(c.req, local_url("/sign-in", {{"signed_out", "1"}}));
    app.end_session(res);
    return res;
  });

  r.add(bhttp::verb::post, "/language", [&app](Ctx& c) {
    const auto& f = form_of(c);
    const Language l = parse_language(field(f, "lang"));
    if (c.actor) app.svc().auth.set_language(*c.actor, l);
    auto res = redirect(c.req, safe_return(field(f, "return_to")));
    app.set_lang_cookie(res, l);
    return res;
  });

  r.add(bhttp::verb::get, "/", [&app](Ctx& c) {
    if (!c.signed_in()) return app.require_sign_in(c);
    const auto& a = *c.actor;
    Data d = app.shell(c, app.t(c, "home.title"));
    d.set("greeting", app.cat().format(c.lang, "home.greeting", {{"name", a.user.display_name}}));
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
          m.set("role", app.t(c, "roles." + std::string(role_id(u.role))));
          members.push_back(m);
        }
        d.set("pod_members", members);
      }
    }
    d.set("role_intro", app.t(c, "home.role_intro." + std::string(role_id(a.user.role))));
    if (a.is_admin()) d.set("is_admin", true);
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
      m.set("role", app.t(c, "roles." + std::string(role_id(u.role))));
      if (u.disabled) m.set("disabled", true);
      return m;
    };
    Data services{Data::type::list};
    for (const auto& node : s->services) {
      Data sd{Data::type::object};
      sd.set("name", cy ? node.service.name_cy : node.service.name_en);
      sd.set("kind", app.t(c, "service_kinds." + std::string(service_kind_id(node.service.kind))));
      sd.set("id", std::to_string(node.service.id));
      Data pods{Data::type::list};
      for (const auto& [pod, members] : node.pods) {
        Data pd{Data::type::object};
        pd.set("name", cy ? pod.name_cy : pod.name_en);
        pd.set("count", app.cat().format(c.lang, "organisation.member_count",
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

  r.add(bhttp::verb::get, "/account", [&app](Ctx& c) {
    if (!c.signed_in()) return app.require_sign_in(c);
    return app.form_page(c, app.t(c, "account.title"), "/account/password",
                         {{"current_password",
                           "fields.current_password",
                           "",
                           "password",
                           "",
                           {},
                           "current-password"},
                          {"new_password",
                           "fields.new_password",
                           "hints.new_password",
                           "password",
                           "",
                           {},
                           "new-password"}},
                         "account.change_password", "/");
  });

  r.add(bhttp::verb::post, "/account/password", [&app](Ctx& c) {
    if (!c.signed_in()) return app.require_sign_in(c);
    const auto& f = form_of(c);
    auto s = app.svc().auth.change_password(*c.actor, field(f, "current_password"),
                                            field(f, "new_password"),
                                            c.session ? c.session->session_hash : "");
    if (!s)
      // Passwords are never put back into the page.
      return app.form_page(c, app.t(c, "account.title"), "/account/password",
                           {{"current_password",
                             "fields.current_password",
                             "",
                             "password",
                             "",
                             {},
                             "current-password"},
                            {"new_password",
                             "fields.new_password",
                             "hints.new_password",
                             "password",
                             "",
                             {},
                             "new-password"}},
                           "account.change_password", "/", &s.error());
    return redirect(c.req, local_url("/", {{"done", "password_changed"}}));
  });
}

}  // namespace sgwrs::http
