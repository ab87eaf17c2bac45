// What the administration pages share; see admin_support.hpp.
#include "http/organisation/admin_support.hpp"

#include "domain/core/numbers.hpp"
#include "http/core/local_url.hpp"
#include "http/core/response.hpp"

namespace sgwrs::http::admin {

std::optional<Response> guard(App& app, Ctx& c) {
  if (!c.signed_in()) return app.require_sign_in(c);
  if (auto s = app.svc().orgs.may_administer(*c.actor, "admin"); !s)
    return app.error_page(c, App::status_for(s.error().code));
  return std::nullopt;
}

Response fail(const App& app, const Ctx& c, const Error& e) {
  return app.error_page(c, App::status_for(e.code));
}

Response saved(const Ctx& c, const std::string& path) {
  return redirect(c.req, local_url(path, {{"done", "saved"}}));
}

Data list_data(const App& app, const Ctx& c, const std::string& title_key,
               const std::string& create_href, const std::string& create_key, Data table) {
  Data d = app.shell(c, app.t(c, title_key));
  d.set("heading", app.t(c, title_key));
  d.set("create_href", create_href);
  d.set("create_label", app.t(c, create_key));
  d.set("table", std::move(table));
  return d;
}

Data related(const App& app, const Ctx& c, const std::string& heading_key, Data tbl,
             const std::string& add_href, const std::string& add_key,
             const std::string& empty_key) {
  tbl.set("heading", app.t(c, heading_key));
  tbl.set("add_href", add_href);
  tbl.set("add_label", app.t(c, add_key));
  tbl.set("empty", app.t(c, empty_key));
  return tbl;
}

Response show_form(const App& app, const Ctx& c, const Data& d, const Error* err) {
  return app.page(c, "form", d, err ? App::status_for(err->code) : bhttp::status::ok);
}

std::int64_t version_of(const Form& f) {
  // Not a number: 0, treated as stale by the store (no record has version 0).
  return parse_number(field(f, "version")).value_or(0);
}

const std::string& in_lang(const Ctx& c, const std::string& en, const std::string& cy) {
  return c.lang == Language::cy ? cy : en;
}

Options kind_options(const App& app, const Ctx& c) {
  Options out;
  for (auto k : all_service_kinds())
    out.emplace_back(std::string(service_kind_id(k)),
                     app.t(c, "organisation.service_kinds." + std::string(service_kind_id(k))));
  return out;
}

Options role_options(const App& app, const Ctx& c) {
  Options out;
  for (auto r : all_roles())
    out.emplace_back(std::string(role_id(r)),
                     app.t(c, "organisation.roles." + std::string(role_id(r))));
  return out;
}

std::vector<Field> org_fields(const Organisation& o) {
  return {{"name_en", "core.fields.name_en", "", "text", o.name_en},
          {"name_cy", "core.fields.name_cy", "", "text", o.name_cy},
          {"ons_code", "core.fields.ons_code", "core.hints.ons_code", "text", o.ons_code}};
}

std::vector<Field> service_fields(const App& app, const Ctx& c, const Service& s) {
  return {{"name_en", "core.fields.name_en", "", "text", s.name_en},
          {"name_cy", "core.fields.name_cy", "", "text", s.name_cy},
          {"kind", "core.fields.kind", "", "select", std::string(service_kind_id(s.kind)),
           kind_options(app, c)}};
}

std::vector<Field> pod_fields(const Pod& p) {
  return {{"name_en", "core.fields.name_en", "", "text", p.name_en},
          {"name_cy", "core.fields.name_cy", "", "text", p.name_cy}};
}

namespace {

// The pods of the user's organisation, each named with its service.
Options pod_options(App& app, const Ctx& c, const User& u) {
  Options pods{{"", app.t(c, "organisation.admin.users.no_pod")}};
  if (auto list = app.svc().orgs.list_pods(*c.actor, std::nullopt, u.organisation_id, {0, 1000})) {
    for (const auto& p : *list) {
      auto svc = app.svc().orgs.get_service(*c.actor, p.service_id);
      pods.emplace_back(std::to_string(p.id),
                        (svc ? in_lang(c, svc->name_en, svc->name_cy) + " — " : std::string{}) +
                            in_lang(c, p.name_en, p.name_cy));
    }
  }
  return pods;
}

}  // namespace

std::vector<Field> user_fields(App& app, const Ctx& c, const User& u, bool creating) {
  std::vector<Field> f{
      {"display_name", "core.fields.display_name", "", "text", u.display_name, {}, "off"},
      {"email", "core.fields.email", "", "email", u.email, {}, "off"},
      {"role", "core.fields.role", "", "select", std::string(role_id(u.role)),
       role_options(app, c)},
      {"pod_id", "core.fields.pod_id", "core.hints.pod_id", "select",
       u.pod_id ? std::to_string(*u.pod_id) : "", pod_options(app, c, u)}};
  if (creating)
    f.push_back({"password",
                 "core.fields.password",
                 "core.hints.new_password",
                 "password",
                 "",
                 {},
                 "new-password"});
  else
    f.push_back({"disabled",
                 "core.fields.disabled",
                 "core.hints.disabled",
                 "checkbox",
                 "yes",
                 {},
                 "",
                 u.disabled});
  return f;
}

namespace {

// The names in English and Welsh every organisation, service and pod has.
template <typename T>
T with_names(const Form& f, T r) {
  r.name_en = field(f, "name_en");
  r.name_cy = field(f, "name_cy");
  return r;
}

}  // namespace

Organisation organisation_from_form(const Form& f, Organisation o) {
  o = with_names(f, std::move(o));
  o.ons_code = field(f, "ons_code");
  return o;
}

Service service_from_form(const Form& f, Service s) {
  s = with_names(f, std::move(s));
  s.kind = parse_service_kind(field(f, "kind")).value_or(s.kind);
  return s;
}

Pod pod_from_form(const Form& f, Pod p) {
  return with_names(f, std::move(p));
}

User user_from_form(const Form& f, User u) {
  u.display_name = field(f, "display_name");
  u.email = field(f, "email");
  if (auto r = parse_role(field(f, "role"))) u.role = *r;
  u.pod_id = parse_id(field(f, "pod_id"));
  u.disabled = field(f, "disabled") == "yes";
  return u;
}

}  // namespace sgwrs::http::admin
