// Administration of organisations, their services and the services' pods.
// Each handler decodes the form, calls one service, and shows the result or the form again.
#include "http/core/table_view.hpp"
#include "http/organisation/admin_support.hpp"

namespace sgwrs::http::admin {

namespace {

Result<Organisation> organisation_of(App& app, Ctx& c) {
  return with_id(c, [&](Id id) { return app.svc().orgs.get_organisation(*c.actor, id); });
}

Result<Service> service_of(App& app, Ctx& c) {
  return with_id(c, [&](Id id) { return app.svc().orgs.get_service(*c.actor, id); });
}

Result<Pod> pod_of(App& app, Ctx& c) {
  return with_id(c, [&](Id id) { return app.svc().orgs.get_pod(*c.actor, id); });
}

Response organisation_create_form(App& app, Ctx& c, const Organisation& o, const Error* err) {
  return app.form_page(c, app.t(c, "organisation.admin.organisations.create"),
                       "/admin/organisations", org_fields(o), "core.common.save",
                       "/admin/organisations", err);
}

// The organisation's form, with its services below.
Response organisation_edit_form(App& app, Ctx& c, const Organisation& shown, const Error* err,
                                std::int64_t version) {
  const std::string href = "/admin/organisations/" + std::to_string(shown.id);
  Data d = app.form_data(c, in_lang(c, shown.name_en, shown.name_cy), href, org_fields(shown),
                         "core.common.save", "/admin/organisations", err, version);
  std::vector<std::vector<TableCell>> rows;
  if (auto list = app.svc().orgs.list_services(*c.actor, shown.id, {0, 1000}))
    for (const auto& s : *list)
      rows.push_back(
          {{in_lang(c, s.name_en, s.name_cy), "/admin/services/" + std::to_string(s.id)},
           {app.t(c, "organisation.service_kinds." + std::string(service_kind_id(s.kind))), ""}});
  d.set("related", related(app, c, "organisation.admin.services.title",
                           table_view(app, c, {"core.fields.name", "core.fields.kind"}, rows),
                           href + "/services/new", "organisation.admin.services.create",
                           "organisation.admin.services.none"));
  return show_form(app, c, d, err);
}

Response service_create_form(App& app, Ctx& c, const std::string& action, const Service& s,
                             const Error* err) {
  return app.form_page(c, app.t(c, "organisation.admin.services.create"), action,
                       service_fields(app, c, s), "core.common.save",
                       "/admin/organisations/" + c.params["id"], err);
}

// The service's form, with its pods below.
Response service_edit_form(App& app, Ctx& c, const Service& shown, const Error* err,
                           std::int64_t version) {
  const std::string href = "/admin/services/" + std::to_string(shown.id);
  Data d =
      app.form_data(c, in_lang(c, shown.name_en, shown.name_cy), href,
                    service_fields(app, c, shown), "core.common.save",
                    "/admin/organisations/" + std::to_string(shown.organisation_id), err, version);
  std::vector<std::vector<TableCell>> rows;
  if (auto list = app.svc().orgs.list_pods(*c.actor, shown.id, std::nullopt, {0, 1000}))
    for (const auto& p : *list)
      rows.push_back({{in_lang(c, p.name_en, p.name_cy), "/admin/pods/" + std::to_string(p.id)}});
  d.set("related", related(app, c, "organisation.admin.pods.title",
                           table_view(app, c, {"core.fields.name"}, rows), href + "/pods/new",
                           "organisation.admin.pods.create", "organisation.admin.pods.none"));
  return show_form(app, c, d, err);
}

Response pod_create_form(App& app, Ctx& c, const std::string& action, const Pod& p,
                         const Error* err) {
  return app.form_page(c, app.t(c, "organisation.admin.pods.create"), action, pod_fields(p),
                       "core.common.save", "/admin/services/" + c.params["id"], err);
}

Response pod_edit_form(App& app, Ctx& c, const Pod& shown, const Error* err, std::int64_t version) {
  return app.form_page(c, in_lang(c, shown.name_en, shown.name_cy), c.path, pod_fields(shown),
                       "core.common.save", "/admin/services/" + std::to_string(shown.service_id),
                       err, version);
}

const Editing<Service> kServices{
    service_of, service_from_form,
    [](App& app, Ctx& c, const Service& s) { return app.svc().orgs.update_service(*c.actor, s); },
    service_edit_form, [](const Service& s) { return "/admin/services/" + std::to_string(s.id); }};

const Editing<Pod> kPods{
    pod_of, pod_from_form,
    [](App& app, Ctx& c, const Pod& p) { return app.svc().orgs.update_pod(*c.actor, p); },
    pod_edit_form, [](const Pod& p) { return "/admin/services/" + std::to_string(p.service_id); }};

// The path of a "…/new" form without "/new": where the form is sent.
std::string without_new(const Ctx& c) {
  return c.path.substr(0, c.path.size() - 4);
}

// How a record is created under the one the route's {id} names (a service under its
// organisation, a pod under its service).
template <typename T>
struct Creating {
  Id T::*parent;  // the member that holds the {id}
  T (*from_form)(const Form& f, T r);
  Result<T> (*create)(App& app, Ctx& c, const T& r);
  Response (*form)(App& app, Ctx& c, const std::string& action, const T& shown, const Error* err);
  const char* parent_path;  // the parent's page, less its id; where a save goes
};

template <typename T>
Response create_page(App& app, Ctx& c, const Creating<T>& k) {
  auto parent = parse_id(c.params["id"]);
  if (!parent) return app.error_page(c, bhttp::status::not_found);
  T r;
  r.*k.parent = *parent;
  r = k.from_form(form_of(c), r);
  auto res = k.create(app, c, r);
  if (!res)
    return not_saved(app, c, res.error(),
                     [&](const Error* e) { return k.form(app, c, c.path, r, e); });
  return saved(c, k.parent_path + c.params["id"]);
}

const Creating<Service> kNewServices{
    &Service::organisation_id, service_from_form,
    [](App& app, Ctx& c, const Service& s) { return app.svc().orgs.create_service(*c.actor, s); },
    service_create_form, "/admin/organisations/"};

const Creating<Pod> kNewPods{
    &Pod::service_id, pod_from_form,
    [](App& app, Ctx& c, const Pod& p) { return app.svc().orgs.create_pod(*c.actor, p); },
    pod_create_form, "/admin/services/"};

}  // namespace

Response admin_home(App& app, Ctx& c) {
  Data d = app.shell(c, app.t(c, "organisation.admin.title"));
  return app.page(c, "admin", d);
}

// --- organisations ---

Response organisations_index(App& app, Ctx& c) {
  auto list = app.svc().orgs.list_organisations(*c.actor, {0, 1000});
  if (!list) return fail(app, c, list.error());
  std::vector<std::vector<TableCell>> rows;
  for (const auto& o : *list)
    rows.push_back(
        {{in_lang(c, o.name_en, o.name_cy), "/admin/organisations/" + std::to_string(o.id)},
         {o.ons_code, ""},
         {app.t(c, "organisation.admin.view_structure"),
          "/organisation?id=" + std::to_string(o.id)}});
  Data d = list_data(
      app, c, "organisation.admin.organisations.title", "/admin/organisations/new",
      "organisation.admin.organisations.create",
      table_view(app, c,
                 {"core.fields.name", "core.fields.ons_code", "organisation.admin.structure"},
                 rows));
  return app.page(c, "list", d);
}

Response organisation_new(App& app, Ctx& c) {
  return organisation_create_form(app, c, {}, nullptr);
}

Response organisation_create(App& app, Ctx& c) {
  const Organisation o = organisation_from_form(form_of(c), {});
  auto res = app.svc().orgs.create_organisation(*c.actor, o);
  if (!res)
    return not_saved(app, c, res.error(),
                     [&](const Error* e) { return organisation_create_form(app, c, o, e); });
  return saved(c, "/admin/organisations/" + std::to_string(res->id));
}

Response organisation_edit(App& app, Ctx& c) {
  auto o = organisation_of(app, c);
  if (!o) return fail(app, c, o.error());
  return organisation_edit_form(app, c, *o, nullptr, o->version);
}

Response organisation_update(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  const auto& f = form_of(c);
  Organisation o;
  o.id = *id;
  o = organisation_from_form(f, o);
  o.version = version_of(f);
  auto res = app.svc().orgs.update_organisation(*c.actor, o);
  if (res) return saved(c, "/admin/organisations/" + std::to_string(*id));
  if (res.error().code == Errc::forbidden || res.error().code == Errc::not_found)
    return fail(app, c, res.error());
  // Someone else saved first: show their version number so saving again is deliberate,
  // and keep every word this person typed.
  std::int64_t version = o.version;
  if (res.error().code == Errc::stale)
    if (auto now = app.svc().orgs.get_organisation(*c.actor, *id)) version = now->version;
  return organisation_edit_form(app, c, o, &res.error(), version);
}

// --- services ---

Response service_new(App& app, Ctx& c) {
  return service_create_form(app, c, without_new(c), {}, nullptr);
}

Response service_create(App& app, Ctx& c) {
  return create_page(app, c, kNewServices);
}

Response service_edit(App& app, Ctx& c) {
  return edit_page(app, c, kServices);
}

Response service_update(App& app, Ctx& c) {
  return update_page(app, c, kServices);
}

// --- pods ---

Response pod_new(App& app, Ctx& c) {
  return pod_create_form(app, c, without_new(c), {}, nullptr);
}

Response pod_create(App& app, Ctx& c) {
  return create_page(app, c, kNewPods);
}

Response pod_edit(App& app, Ctx& c) {
  return edit_page(app, c, kPods);
}

Response pod_update(App& app, Ctx& c) {
  return update_page(app, c, kPods);
}

}  // namespace sgwrs::http::admin
