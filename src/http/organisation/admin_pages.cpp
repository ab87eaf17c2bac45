// Administration pages: organisations, services, pods and staff accounts.
// Each handler decodes the form, calls one service, and shows the result or the form again.
#include <fmt/format.h>

#include "domain/core/numbers.hpp"
#include "http/core/app.hpp"
#include "http/core/local_url.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"
#include "http/core/table_view.hpp"

namespace sgwrs::http {

using web::Data;

namespace {

Data related(const App& app, const Ctx& c, const std::string& heading_key, Data tbl,
             const std::string& add_href, const std::string& add_key,
             const std::string& empty_key) {
  tbl.set("heading", app.t(c, heading_key));
  tbl.set("add_href", add_href);
  tbl.set("add_label", app.t(c, add_key));
  tbl.set("empty", app.t(c, empty_key));
  return tbl;
}

std::int64_t version_of(const std::map<std::string, std::string>& f) {
  // Not a number: 0, treated as stale by the store (no record has version 0).
  return parse_number(field(f, "version")).value_or(0);
}

std::vector<std::pair<std::string, std::string>> kind_options(const App& app, const Ctx& c) {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto k : all_service_kinds())
    out.emplace_back(std::string(service_kind_id(k)),
                     app.t(c, "service_kinds." + std::string(service_kind_id(k))));
  return out;
}

std::vector<std::pair<std::string, std::string>> role_options(const App& app, const Ctx& c) {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto r : all_roles())
    out.emplace_back(std::string(role_id(r)), app.t(c, "roles." + std::string(role_id(r))));
  return out;
}

const std::string& in_lang(const Ctx& c, const std::string& en, const std::string& cy) {
  return c.lang == Language::cy ? cy : en;
}

std::vector<Field> org_fields(const Organisation& o) {
  return {{"name_en", "fields.name_en", "", "text", o.name_en},
          {"name_cy", "fields.name_cy", "", "text", o.name_cy},
          {"ons_code", "fields.ons_code", "hints.ons_code", "text", o.ons_code}};
}

std::vector<Field> service_fields(const App& app, const Ctx& c, const Service& s) {
  return {{"name_en", "fields.name_en", "", "text", s.name_en},
          {"name_cy", "fields.name_cy", "", "text", s.name_cy},
          {"kind", "fields.kind", "", "select", std::string(service_kind_id(s.kind)),
           kind_options(app, c)}};
}

std::vector<Field> pod_fields(const Pod& p) {
  return {{"name_en", "fields.name_en", "", "text", p.name_en},
          {"name_cy", "fields.name_cy", "", "text", p.name_cy}};
}

std::vector<Field> user_fields(App& app, const Ctx& c, const User& u, bool creating) {
  std::vector<std::pair<std::string, std::string>> pods{{"", app.t(c, "admin.users.no_pod")}};
  if (auto list = app.svc().orgs.list_pods(*c.actor, std::nullopt, u.organisation_id, {0, 1000})) {
    for (const auto& p : *list) {
      auto svc = app.svc().orgs.get_service(*c.actor, p.service_id);
      pods.emplace_back(std::to_string(p.id),
                        (svc ? in_lang(c, svc->name_en, svc->name_cy) + " — " : std::string{}) +
                            in_lang(c, p.name_en, p.name_cy));
    }
  }
  std::vector<Field> f{
      {"display_name", "fields.display_name", "", "text", u.display_name, {}, "off"},
      {"email", "fields.email", "", "email", u.email, {}, "off"},
      {"role", "fields.role", "", "select", std::string(role_id(u.role)), role_options(app, c)},
      {"pod_id", "fields.pod_id", "hints.pod_id", "select",
       u.pod_id ? std::to_string(*u.pod_id) : "", pods}};
  if (creating)
    f.push_back(
        {"password", "fields.password", "hints.new_password", "password", "", {}, "new-password"});
  else
    f.push_back(
        {"disabled", "fields.disabled", "hints.disabled", "checkbox", "yes", {}, "", u.disabled});
  return f;
}

template <typename T>
Result<T> with_id(App& app, Ctx& c, const std::function<Result<T>(Id)>& get) {
  auto id = parse_id(c.params["id"]);
  if (!id) return Error::of(Errc::not_found, "not_found");
  return get(*id);
}

// Reads a user's editable fields from a submitted form.
User user_from_form(const std::map<std::string, std::string>& f, User u) {
  u.display_name = field(f, "display_name");
  u.email = field(f, "email");
  if (auto r = parse_role(field(f, "role"))) u.role = *r;
  u.pod_id = parse_id(field(f, "pod_id"));
  u.disabled = field(f, "disabled") == "yes";
  return u;
}

}  // namespace

void register_admin_routes(Router& r, App& app) {
  // Every admin page starts here: signed in, and an administrator (decided by the service).
  auto guard = [&app](Ctx& c) -> std::optional<Response> {
    if (!c.signed_in()) return app.require_sign_in(c);
    if (auto s = app.svc().orgs.may_administer(*c.actor, "admin"); !s)
      return app.error_page(c, App::status_for(s.error().code));
    return std::nullopt;
  };
  auto fail = [&app](Ctx& c, const Error& e) { return app.error_page(c, App::status_for(e.code)); };

  r.add(bhttp::verb::get, "/admin", [&app, guard](Ctx& c) {
    if (auto g = guard(c)) return std::move(*g);
    Data d = app.shell(c, app.t(c, "admin.title"));
    return app.page(c, "admin", d);
  });

  // --- organisations ---
  r.add(bhttp::verb::get, "/admin/organisations", [&app, guard, fail](Ctx& c) {
    if (auto g = guard(c)) return std::move(*g);
    auto list = app.svc().orgs.list_organisations(*c.actor, {0, 1000});
    if (!list) return fail(c, list.error());
    std::vector<std::vector<TableCell>> rows;
    for (const auto& o : *list)
      rows.push_back(
          {{in_lang(c, o.name_en, o.name_cy), "/admin/organisations/" + std::to_string(o.id)},
           {o.ons_code, ""},
           {app.t(c, "admin.view_structure"), "/organisation?id=" + std::to_string(o.id)}});
    Data d = app.shell(c, app.t(c, "admin.organisations.title"));
    d.set("heading", app.t(c, "admin.organisations.title"));
    d.set("create_href", "/admin/organisations/new");
    d.set("create_label", app.t(c, "admin.organisations.create"));
    d.set("table", table_view(app, c, {"fields.name", "fields.ons_code", "admin.structure"}, rows));
    return app.page(c, "list", d);
  });

  r.add(bhttp::verb::get, "/admin/organisations/new", [&app, guard](Ctx& c) {
    if (auto g = guard(c)) return std::move(*g);
    return app.form_page(c, app.t(c, "admin.organisations.create"), "/admin/organisations",
                         org_fields({}), "common.save", "/admin/organisations");
  });

  r.add(bhttp::verb::post, "/admin/organisations", [&app](Ctx& c) {
    if (!c.signed_in()) return app.error_page(c, bhttp::status::unauthorized);
    const auto& f = form_of(c);
    Organisation o{0, field(f, "name_en"), field(f, "name_cy"), field(f, "ons_code")};
    auto res = app.svc().orgs.create_organisation(*c.actor, o);
    if (!res) {
      if (res.error().code == Errc::forbidden) return app.error_page(c, bhttp::status::forbidden);
      return app.form_page(c, app.t(c, "admin.organisations.create"), "/admin/organisations",
                           org_fields(o), "common.save", "/admin/organisations", &res.error());
    }
    return redirect(
        c.req, local_url("/admin/organisations/" + std::to_string(res->id), {{"done", "saved"}}));
  });

  auto org_edit = [&app](Ctx& c, const Organisation& shown, const Error* err,
                         std::int64_t version) {
    Data d = app.form_data(c, in_lang(c, shown.name_en, shown.name_cy),
                           "/admin/organisations/" + std::to_string(shown.id), org_fields(shown),
                           "common.save", "/admin/organisations", err, version);
    std::vector<std::vector<TableCell>> rows;
    if (auto list = app.svc().orgs.list_services(*c.actor, shown.id, {0, 1000}))
      for (const auto& s : *list)
        rows.push_back(
            {{in_lang(c, s.name_en, s.name_cy), "/admin/services/" + std::to_string(s.id)},
             {app.t(c, "service_kinds." + std::string(service_kind_id(s.kind))), ""}});
    d.set("related", related(app, c, "admin.services.title",
                             table_view(app, c, {"fields.name", "fields.kind"}, rows),
                             "/admin/organisations/" + std::to_string(shown.id) + "/services/new",
                             "admin.services.create", "admin.services.none"));
    return app.page(c, "form", d, err ? App::status_for(err->code) : bhttp::status::ok);
  };

  r.add(bhttp::verb::get, "/admin/organisations/{id}", [&app, guard, fail, org_edit](Ctx& c) {
    if (auto g = guard(c)) return std::move(*g);
    auto o = with_id<Organisation>(
        app, c, [&](Id id) { return app.svc().orgs.get_organisation(*c.actor, id); });
    if (!o) return fail(c, o.error());
    return org_edit(c, *o, nullptr, o->version);
  });

  r.add(bhttp::verb::post, "/admin/organisations/{id}", [&app, fail, org_edit](Ctx& c) {
    if (!c.signed_in()) return app.error_page(c, bhttp::status::unauthorized);
    auto id = parse_id(c.params["id"]);
    if (!id) return app.error_page(c, bhttp::status::not_found);
    const auto& f = form_of(c);
    Organisation o{*id, field(f, "name_en"), field(f, "name_cy"), field(f, "ons_code"),
                   version_of(f)};
    auto res = app.svc().orgs.update_organisation(*c.actor, o);
    if (res)
      return redirect(
          c.req, local_url("/admin/organisations/" + std::to_string(*id), {{"done", "saved"}}));
    if (res.error().code == Errc::forbidden || res.error().code == Errc::not_found)
      return fail(c, res.error());
    // Someone else saved first: show their version number so saving again is deliberate,
    // and keep every word this person typed.
    std::int64_t version = o.version;
    if (res.error().code == Errc::stale)
      if (auto now = app.svc().orgs.get_organisation(*c.actor, *id)) version = now->version;
    return org_edit(c, o, &res.error(), version);
  });

  // --- services ---
  r.add(bhttp::verb::get, "/admin/organisations/{id}/services/new", [&app, guard](Ctx& c) {
    if (auto g = guard(c)) return std::move(*g);
    return app.form_page(c, app.t(c, "admin.services.create"), c.path.substr(0, c.path.size() - 4),
                         service_fields(app, c, {}), "common.save",
                         "/admin/organisations/" + c.params["id"]);
  });

  r.add(bhttp::verb::post, "/admin/organisations/{id}/services", [&app](Ctx& c) {
    if (!c.signed_in()) return app.error_page(c, bhttp::status::unauthorized);
    auto org = parse_id(c.params["id"]);
    if (!org) return app.error_page(c, bhttp::status::not_found);
    const auto& f = form_of(c);
    Service s{0, *org, parse_service_kind(field(f, "kind")).value_or(ServiceKind::community),
              field(f, "name_en"), field(f, "name_cy")};
    auto res = app.svc().orgs.create_service(*c.actor, s);
    if (!res) {
      if (res.error().code == Errc::forbidden) return app.error_page(c, bhttp::status::forbidden);
      return app.form_page(c, app.t(c, "admin.services.create"), c.path, service_fields(app, c, s),
                           "common.save", "/admin/organisations/" + c.params["id"], &res.error());
    }
    return redirect(c.req,
                    local_url("/admin/organisations/" + c.params["id"], {{"done", "saved"}}));
  });

  auto service_edit = [&app](Ctx& c, const Service& shown, const Error* err, std::int64_t version) {
    Data d = app.form_data(
        c, in_lang(c, shown.name_en, shown.name_cy), "/admin/services/" + std::to_string(shown.id),
        service_fields(app, c, shown), "common.save",
        "/admin/organisations/" + std::to_string(shown.organisation_id), err, version);
    std::vector<std::vector<TableCell>> rows;
    if (auto list = app.svc().orgs.list_pods(*c.actor, shown.id, std::nullopt, {0, 1000}))
      for (const auto& p : *list)
        rows.push_back({{in_lang(c, p.name_en, p.name_cy), "/admin/pods/" + std::to_string(p.id)}});
    d.set("related", related(app, c, "admin.pods.title", table_view(app, c, {"fields.name"}, rows),
                             "/admin/services/" + std::to_string(shown.id) + "/pods/new",
                             "admin.pods.create", "admin.pods.none"));
    return app.page(c, "form", d, err ? App::status_for(err->code) : bhttp::status::ok);
  };

  r.add(bhttp::verb::get, "/admin/services/{id}", [&app, guard, fail, service_edit](Ctx& c) {
    if (auto g = guard(c)) return std::move(*g);
    auto s =
        with_id<Service>(app, c, [&](Id id) { return app.svc().orgs.get_service(*c.actor, id); });
    if (!s) return fail(c, s.error());
    return service_edit(c, *s, nullptr, s->version);
  });

  r.add(bhttp::verb::post, "/admin/services/{id}", [&app, fail, service_edit](Ctx& c) {
    if (!c.signed_in()) return app.error_page(c, bhttp::status::unauthorized);
    auto current =
        with_id<Service>(app, c, [&](Id id) { return app.svc().orgs.get_service(*c.actor, id); });
    if (!current) return fail(c, current.error());
    const auto& f = form_of(c);
    Service s = *current;
    s.name_en = field(f, "name_en");
    s.name_cy = field(f, "name_cy");
    s.kind = parse_service_kind(field(f, "kind")).value_or(s.kind);
    s.version = version_of(f);
    auto res = app.svc().orgs.update_service(*c.actor, s);
    if (res)
      return redirect(c.req,
                      local_url("/admin/services/" + std::to_string(s.id), {{"done", "saved"}}));
    if (res.error().code == Errc::forbidden) return fail(c, res.error());
    return service_edit(c, s, &res.error(), current->version);
  });

  // --- pods ---
  r.add(bhttp::verb::get, "/admin/services/{id}/pods/new", [&app, guard](Ctx& c) {
    if (auto g = guard(c)) return std::move(*g);
    return app.form_page(c, app.t(c, "admin.pods.create"), c.path.substr(0, c.path.size() - 4),
                         pod_fields({}), "common.save", "/admin/services/" + c.params["id"]);
  });

  r.add(bhttp::verb::post, "/admin/services/{id}/pods", [&app](Ctx& c) {
    if (!c.signed_in()) return app.error_page(c, bhttp::status::unauthorized);
    auto svc = parse_id(c.params["id"]);
    if (!svc) return app.error_page(c, bhttp::status::not_found);
    const auto& f = form_of(c);
    Pod p{0, *svc, field(f, "name_en"), field(f, "name_cy")};
    auto res = app.svc().orgs.create_pod(*c.actor, p);
    if (!res) {
      if (res.error().code == Errc::forbidden) return app.error_page(c, bhttp::status::forbidden);
      return app.form_page(c, app.t(c, "admin.pods.create"), c.path, pod_fields(p), "common.save",
                           "/admin/services/" + c.params["id"], &res.error());
    }
    return redirect(c.req, local_url("/admin/services/" + c.params["id"], {{"done", "saved"}}));
  });

  r.add(bhttp::verb::get, "/admin/pods/{id}", [&app, guard, fail](Ctx& c) {
    if (auto g = guard(c)) return std::move(*g);
    auto p = with_id<Pod>(app, c, [&](Id id) { return app.svc().orgs.get_pod(*c.actor, id); });
    if (!p) return fail(c, p.error());
    return app.form_page(c, in_lang(c, p->name_en, p->name_cy), c.path, pod_fields(*p),
                         "common.save", "/admin/services/" + std::to_string(p->service_id), nullptr,
                         p->version);
  });

  r.add(bhttp::verb::post, "/admin/pods/{id}", [&app, fail](Ctx& c) {
    if (!c.signed_in()) return app.error_page(c, bhttp::status::unauthorized);
    auto current =
        with_id<Pod>(app, c, [&](Id id) { return app.svc().orgs.get_pod(*c.actor, id); });
    if (!current) return fail(c, current.error());
    const auto& f = form_of(c);
    Pod p = *current;
    p.name_en = field(f, "name_en");
    p.name_cy = field(f, "name_cy");
    p.version = version_of(f);
    auto res = app.svc().orgs.update_pod(*c.actor, p);
    if (res)
      return redirect(
          c.req, local_url("/admin/services/" + std::to_string(p.service_id), {{"done", "saved"}}));
    if (res.error().code == Errc::forbidden) return fail(c, res.error());
    return app.form_page(c, in_lang(c, p.name_en, p.name_cy), c.path, pod_fields(p), "common.save",
                         "/admin/services/" + std::to_string(p.service_id), &res.error(),
                         current->version);
  });

  // --- staff accounts ---
  r.add(bhttp::verb::get, "/admin/users", [&app, guard, fail](Ctx& c) {
    if (auto g = guard(c)) return std::move(*g);
    std::optional<Id> org;
    if (auto q = c.query.find("organisation"); q != c.query.end()) org = parse_id(q->second);
    Id after = 0;
    if (auto q = c.query.find("after"); q != c.query.end()) after = parse_id(q->second).value_or(0);
    constexpr int kPage = 50;
    auto list = app.svc().users.list(*c.actor, org, {after, kPage});
    if (!list) return fail(c, list.error());
    std::vector<std::vector<TableCell>> rows;
    for (const auto& u : *list)
      rows.push_back({{u.display_name, "/admin/users/" + std::to_string(u.id)},
                      {u.email, ""},
                      {app.t(c, "roles." + std::string(role_id(u.role))), ""},
                      {app.t(c, u.disabled ? "admin.users.disabled" : "admin.users.active"), ""}});
    Data d = app.shell(c, app.t(c, "admin.users.title"));
    d.set("heading", app.t(c, "admin.users.title"));
    d.set("create_href", "/admin/users/new");
    d.set("create_label", app.t(c, "admin.users.create"));
    d.set(
        "table",
        table_view(app, c, {"fields.display_name", "fields.email", "fields.role", "fields.status"},
                   rows));
    if (static_cast<int>(list->size()) == kPage) {
      d.set("next_href", "/admin/users?after=" + std::to_string(list->back().id) +
                             (org ? "&organisation=" + std::to_string(*org) : ""));
      d.set("next_label", app.t(c, "common.next_page"));
    }
    return app.page(c, "list", d);
  });

  r.add(bhttp::verb::get, "/admin/users/new", [&app, guard](Ctx& c) {
    if (auto g = guard(c)) return std::move(*g);
    User u;
    u.organisation_id = c.actor->user.organisation_id;
    if (auto q = c.query.find("organisation"); q != c.query.end())
      u.organisation_id = parse_id(q->second).value_or(u.organisation_id);
    auto fields = user_fields(app, c, u, true);
    fields.push_back({"organisation_id", "fields.organisation", "", "hidden",
                      std::to_string(u.organisation_id)});
    return app.form_page(c, app.t(c, "admin.users.create"), "/admin/users", fields, "common.save",
                         "/admin/users");
  });

  r.add(bhttp::verb::post, "/admin/users", [&app](Ctx& c) {
    if (!c.signed_in()) return app.error_page(c, bhttp::status::unauthorized);
    const auto& f = form_of(c);
    User u;
    u.organisation_id = parse_id(field(f, "organisation_id")).value_or(0);
    u = user_from_form(f, u);
    auto res = app.svc().users.create(*c.actor, {u, field(f, "password")});
    if (!res) {
      if (res.error().code == Errc::forbidden) return app.error_page(c, bhttp::status::forbidden);
      auto fields = user_fields(app, c, u, true);
      fields.push_back({"organisation_id", "fields.organisation", "", "hidden",
                        std::to_string(u.organisation_id)});
      return app.form_page(c, app.t(c, "admin.users.create"), "/admin/users", fields, "common.save",
                           "/admin/users", &res.error());
    }
    return redirect(c.req,
                    local_url("/admin/users/" + std::to_string(res->id), {{"done", "saved"}}));
  });

  auto user_edit = [&app](Ctx& c, const User& shown, const Error* err, std::int64_t version) {
    Data d = app.form_data(c, shown.display_name, "/admin/users/" + std::to_string(shown.id),
                           user_fields(app, c, shown, false), "common.save", "/admin/users", err,
                           version);
    d.set("secondary_href", "/admin/users/" + std::to_string(shown.id) + "/password");
    d.set("secondary_label", app.t(c, "admin.users.set_password"));
    return app.page(c, "form", d, err ? App::status_for(err->code) : bhttp::status::ok);
  };

  r.add(bhttp::verb::get, "/admin/users/{id}", [&app, guard, fail, user_edit](Ctx& c) {
    if (auto g = guard(c)) return std::move(*g);
    auto u = with_id<User>(app, c, [&](Id id) { return app.svc().users.get(*c.actor, id); });
    if (!u) return fail(c, u.error());
    return user_edit(c, *u, nullptr, u->version);
  });

  r.add(bhttp::verb::post, "/admin/users/{id}", [&app, fail, user_edit](Ctx& c) {
    if (!c.signed_in()) return app.error_page(c, bhttp::status::unauthorized);
    auto current = with_id<User>(app, c, [&](Id id) { return app.svc().users.get(*c.actor, id); });
    if (!current) return fail(c, current.error());
    const auto& f = form_of(c);
    User u = user_from_form(f, *current);
    u.version = version_of(f);
    auto res = app.svc().users.update(*c.actor, u);
    if (res)
      return redirect(c.req,
                      local_url("/admin/users/" + std::to_string(u.id), {{"done", "saved"}}));
    if (res.error().code == Errc::forbidden) return fail(c, res.error());
    return user_edit(c, u, &res.error(), current->version);
  });

  auto password_form = [&app](Ctx& c, const User& u, const Error* err) {
    return app.form_page(
        c, app.cat().format(c.lang, "admin.users.password_title", {{"name", u.display_name}}),
        "/admin/users/" + std::to_string(u.id) + "/password",
        {{"password", "fields.password", "hints.new_password", "password", "", {}, "new-password"}},
        "admin.users.set_password", "/admin/users/" + std::to_string(u.id), err);
  };

  r.add(bhttp::verb::get, "/admin/users/{id}/password", [&app, guard, fail, password_form](Ctx& c) {
    if (auto g = guard(c)) return std::move(*g);
    auto u = with_id<User>(app, c, [&](Id id) { return app.svc().users.get(*c.actor, id); });
    if (!u) return fail(c, u.error());
    return password_form(c, *u, nullptr);
  });

  r.add(bhttp::verb::post, "/admin/users/{id}/password", [&app, fail, password_form](Ctx& c) {
    if (!c.signed_in()) return app.error_page(c, bhttp::status::unauthorized);
    auto u = with_id<User>(app, c, [&](Id id) { return app.svc().users.get(*c.actor, id); });
    if (!u) return fail(c, u.error());
    auto s = app.svc().users.set_password(*c.actor, u->id, field(form_of(c), "password"));
    if (!s) {
      if (s.error().code == Errc::forbidden) return fail(c, s.error());
      return password_form(c, *u, &s.error());
    }
    return redirect(c.req,
                    local_url("/admin/users/" + std::to_string(u->id), {{"done", "password_set"}}));
  });
}

}  // namespace sgwrs::http
