#pragma once
// What the administration pages share: the guard every page passes, the error page, the
// fields of each form and what they offer, and the handlers the route table
// (admin_routes.cpp) calls. One file per resource group beside this one.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "http/core/app.hpp"
#include "http/core/request.hpp"

namespace sgwrs::http::admin {

using web::Data;
using Form = std::map<std::string, std::string>;
using Options = std::vector<std::pair<std::string, std::string>>;  // value, label

// Every admin page starts here: signed in, and an administrator (decided by the service).
std::optional<Response> guard(App& app, Ctx& c);
Response fail(const App& app, const Ctx& c, const Error& e);
// To `path` with done=saved, after a create or an update.
Response saved(const Ctx& c, const std::string& path);

// A list page: its heading, the link to create another, and the table.
Data list_data(const App& app, const Ctx& c, const std::string& title_key,
               const std::string& create_href, const std::string& create_key, Data table);
// The table of records that belong to the one a form edits, with a link to add another.
Data related(const App& app, const Ctx& c, const std::string& heading_key, Data tbl,
             const std::string& add_href, const std::string& add_key, const std::string& empty_key);
// A form page from its data, with the status of the error it shows again (if any).
Response show_form(const App& app, const Ctx& c, const Data& d, const Error* err);

std::int64_t version_of(const Form& f);
const std::string& in_lang(const Ctx& c, const std::string& en, const std::string& cy);
Options kind_options(const App& app, const Ctx& c);
Options role_options(const App& app, const Ctx& c);
std::vector<Field> org_fields(const Organisation& o);
std::vector<Field> service_fields(const App& app, const Ctx& c, const Service& s);
std::vector<Field> pod_fields(const Pod& p);
std::vector<Field> user_fields(App& app, const Ctx& c, const User& u, bool creating);
// Each record's editable fields read from a submitted form, over the record given.
Organisation organisation_from_form(const Form& f, Organisation o);
Service service_from_form(const Form& f, Service s);
Pod pod_from_form(const Form& f, Pod p);
User user_from_form(const Form& f, User u);

// The record the route's {id} names, from `get`; not_found when the id is not a number.
template <typename Get>
auto with_id(Ctx& c, Get get) -> decltype(get(Id{})) {
  auto id = parse_id(c.params["id"]);
  if (!id) return Error::of(Errc::not_found, "not_found");
  return get(*id);
}

// A save that failed: refused, the error page; any other error (invalid, taken, stale), the
// form again by `again`, with what was typed.
template <typename Again>
Response not_saved(const App& app, const Ctx& c, const Error& e, Again again) {
  if (e.code == Errc::forbidden) return fail(app, c, e);
  return again(&e);
}

// How the edit page of one kind of record reads, changes, saves and shows it.
template <typename T>
struct Editing {
  Result<T> (*read)(App& app, Ctx& c);  // the record the route names
  T (*from_form)(const Form& f, T r);
  Result<T> (*save)(App& app, Ctx& c, const T& r);
  Response (*form)(App& app, Ctx& c, const T& shown, const Error* err, std::int64_t version);
  std::string (*saved_href)(const T& r);
};

template <typename T>
Response edit_page(App& app, Ctx& c, const Editing<T>& e) {
  auto found = e.read(app, c);
  if (!found) return fail(app, c, found.error());
  return e.form(app, c, *found, nullptr, found->version);
}

// What was sent, over the record as read, saved with the version the form carried.
template <typename T>
Response update_page(App& app, Ctx& c, const Editing<T>& e) {
  auto current = e.read(app, c);
  if (!current) return fail(app, c, current.error());
  const auto& f = form_of(c);
  T r = e.from_form(f, *current);
  r.version = version_of(f);
  auto res = e.save(app, c, r);
  if (res) return saved(c, e.saved_href(r));
  // The form goes back with the version it was sent with, so a later save still meets a
  // colleague's change as stale. Only after a stale refusal does it carry the version read
  // now: the warning has said there is a newer one, so saving again is deliberate.
  const auto version = res.error().code == Errc::stale ? current->version : r.version;
  return not_saved(app, c, res.error(),
                   [&](const Error* err) { return e.form(app, c, r, err, version); });
}

// organisations, services and pods (admin_organisation_pages.cpp)
Response admin_home(App& app, Ctx& c);
Response organisations_index(App& app, Ctx& c);
Response organisation_new(App& app, Ctx& c);
Response organisation_create(App& app, Ctx& c);
Response organisation_edit(App& app, Ctx& c);
Response organisation_update(App& app, Ctx& c);
Response service_new(App& app, Ctx& c);
Response service_create(App& app, Ctx& c);
Response service_edit(App& app, Ctx& c);
Response service_update(App& app, Ctx& c);
Response pod_new(App& app, Ctx& c);
Response pod_create(App& app, Ctx& c);
Response pod_edit(App& app, Ctx& c);
Response pod_update(App& app, Ctx& c);

// staff accounts (admin_user_pages.cpp)
Response users_index(App& app, Ctx& c);
Response user_new(App& app, Ctx& c);
Response user_create(App& app, Ctx& c);
Response user_edit(App& app, Ctx& c);
Response user_update(App& app, Ctx& c);
Response user_password_edit(App& app, Ctx& c);
Response user_password_update(App& app, Ctx& c);

}  // namespace sgwrs::http::admin
