// The administration pages' route table: every URL under /admin and the handler it calls.
#include "http/core/app.hpp"
#include "http/organisation/admin_support.hpp"

namespace sgwrs::http {

using namespace admin;

void register_admin_routes(Router& r, App& app) {
  using AdminHandler = Response (*)(App&, Ctx&);
  // A page: signed in (or to the sign-in page) and an administrator, then the handler.
  auto page = [&r, &app](bhttp::verb v, const char* path, AdminHandler handler) {
    r.add(v, path, [&app, handler](Ctx& c) {
      if (auto g = guard(app, c)) return std::move(*g);
      return handler(app, c);
    });
  };
  // A form sent: signed in (401 otherwise); whether it is allowed, the service decides.
  auto submit = [&r, &app](bhttp::verb v, const char* path, AdminHandler handler) {
    r.add(v, path, [&app, handler](Ctx& c) {
      if (!c.signed_in()) return app.error_page(c, bhttp::status::unauthorized);
      return handler(app, c);
    });
  };
  constexpr auto get = bhttp::verb::get;
  constexpr auto post = bhttp::verb::post;

  page(get, "/admin", admin_home);
  page(get, "/admin/organisations", organisations_index);
  page(get, "/admin/organisations/new", organisation_new);
  submit(post, "/admin/organisations", organisation_create);
  page(get, "/admin/organisations/{id}", organisation_edit);
  submit(post, "/admin/organisations/{id}", organisation_update);
  page(get, "/admin/organisations/{id}/services/new", service_new);
  submit(post, "/admin/organisations/{id}/services", service_create);
  page(get, "/admin/services/{id}", service_edit);
  submit(post, "/admin/services/{id}", service_update);
  page(get, "/admin/services/{id}/pods/new", pod_new);
  submit(post, "/admin/services/{id}/pods", pod_create);
  page(get, "/admin/pods/{id}", pod_edit);
  submit(post, "/admin/pods/{id}", pod_update);

  page(get, "/admin/users", users_index);
  page(get, "/admin/users/new", user_new);
  submit(post, "/admin/users", user_create);
  page(get, "/admin/users/{id}", user_edit);
  submit(post, "/admin/users/{id}", user_update);
  page(get, "/admin/users/{id}/password", user_password_edit);
  submit(post, "/admin/users/{id}/password", user_password_update);
}

}  // namespace sgwrs::http
