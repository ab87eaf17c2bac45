// Administration of staff accounts: the list, creating and editing one, and setting a
// new password for someone.
#include "http/core/local_url.hpp"
#include "http/core/response.hpp"
#include "http/core/table_view.hpp"
#include "http/organisation/admin_support.hpp"

namespace sgwrs::http::admin {

namespace {

constexpr int kPage = 50;

Result<User> user_of(App& app, Ctx& c) {
  return with_id(c, [&](Id id) { return app.svc().users.get(*c.actor, id); });
}

std::string user_href(const User& u) {
  return "/admin/users/" + std::to_string(u.id);
}

// The link to the next page of the list, kept to the same organisation.
void add_next_page(const App& app, const Ctx& c, Data& d, const std::vector<User>& list,
                   std::optional<Id> org) {
  if (static_cast<int>(list.size()) != kPage) return;
  d.set("next_href", "/admin/users?after=" + std::to_string(list.back().id) +
                         (org ? "&organisation=" + std::to_string(*org) : ""));
  d.set("next_label", app.t(c, "core.common.next_page"));
}

Response user_create_form(App& app, Ctx& c, const User& u, const Error* err) {
  auto fields = user_fields(app, c, u, true);
  fields.push_back({"organisation_id", "core.fields.organisation", "", "hidden",
                    std::to_string(u.organisation_id)});
  return app.form_page(c, app.t(c, "organisation.admin.users.create"), "/admin/users", fields,
                       "core.common.save", "/admin/users", err);
}

Response user_edit_form(App& app, Ctx& c, const User& shown, const Error* err,
                        std::int64_t version) {
  Data d = app.form_data(c, shown.display_name, user_href(shown), user_fields(app, c, shown, false),
                         "core.common.save", "/admin/users", err, version);
  d.set("secondary_href", user_href(shown) + "/password");
  d.set("secondary_label", app.t(c, "organisation.admin.users.set_password"));
  return show_form(app, c, d, err);
}

Response password_form(App& app, Ctx& c, const User& u, const Error* err) {
  return app.form_page(c,
                       app.cat().format(c.lang, "organisation.admin.users.password_title",
                                        {{"name", u.display_name}}),
                       user_href(u) + "/password",
                       {{"password",
                         "core.fields.password",
                         "core.hints.new_password",
                         "password",
                         "",
                         {},
                         "new-password"}},
                       "organisation.admin.users.set_password", user_href(u), err);
}

const Editing<User> kUsers{
    user_of, user_from_form,
    [](App& app, Ctx& c, const User& u) { return app.svc().users.update(*c.actor, u); },
    user_edit_form, user_href};

}  // namespace

Response users_index(App& app, Ctx& c) {
  std::optional<Id> org;
  if (auto q = c.query.find("organisation"); q != c.query.end()) org = parse_id(q->second);
  Id after = 0;
  if (auto q = c.query.find("after"); q != c.query.end()) after = parse_id(q->second).value_or(0);
  auto list = app.svc().users.list(*c.actor, org, {after, kPage});
  if (!list) return fail(app, c, list.error());
  std::vector<std::vector<TableCell>> rows;
  for (const auto& u : *list)
    rows.push_back({{u.display_name, user_href(u)},
                    {u.email, ""},
                    {app.t(c, "organisation.roles." + std::string(role_id(u.role))), ""},
                    {app.t(c, u.disabled ? "organisation.admin.users.disabled"
                                         : "organisation.admin.users.active"),
                     ""}});
  Data d = list_data(app, c, "organisation.admin.users.title", "/admin/users/new",
                     "organisation.admin.users.create",
                     table_view(app, c,
                                {"core.fields.display_name", "core.fields.email",
                                 "core.fields.role", "core.fields.status"},
                                rows));
  add_next_page(app, c, d, *list, org);
  return app.page(c, "list", d);
}

Response user_new(App& app, Ctx& c) {
  User u;
  u.organisation_id = c.actor->user.organisation_id;
  if (auto q = c.query.find("organisation"); q != c.query.end())
    u.organisation_id = parse_id(q->second).value_or(u.organisation_id);
  return user_create_form(app, c, u, nullptr);
}

Response user_create(App& app, Ctx& c) {
  const auto& f = form_of(c);
  User u;
  u.organisation_id = parse_id(field(f, "organisation_id")).value_or(0);
  u = user_from_form(f, u);
  auto res = app.svc().users.create(*c.actor, {u, field(f, "password")});
  if (!res)
    return not_saved(app, c, res.error(),
                     [&](const Error* e) { return user_create_form(app, c, u, e); });
  return saved(c, user_href(*res));
}

Response user_edit(App& app, Ctx& c) {
  return edit_page(app, c, kUsers);
}

Response user_update(App& app, Ctx& c) {
  return update_page(app, c, kUsers);
}

Response user_password_edit(App& app, Ctx& c) {
  auto u = user_of(app, c);
  if (!u) return fail(app, c, u.error());
  return password_form(app, c, *u, nullptr);
}

Response user_password_update(App& app, Ctx& c) {
  auto u = user_of(app, c);
  if (!u) return fail(app, c, u.error());
  auto s = app.svc().users.set_password(*c.actor, u->id, field(form_of(c), "password"));
  if (!s)
    return not_saved(app, c, s.error(),
                     [&](const Error* e) { return password_form(app, c, *u, e); });
  return redirect(c.req, local_url(user_href(*u), {{"done", "password_set"}}));
}

}  // namespace sgwrs::http::admin
