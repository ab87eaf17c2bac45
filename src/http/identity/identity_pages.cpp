// Signing in and out, the language toggle, and a person's own account (password).
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
  Data d = app.shell(c, (err ? app.t(c, "core.common.error_prefix") + " " : "") +
                            app.t(c, "identity.signin.title"));
  d.set("email", email);
  if (err) {
    Data errors{Data::type::list};
    Data e{Data::type::object};
    e.set("href", "#email");
    e.set("text", app.t(c, "core.errors." + err->key));
    errors.push_back(e);
    d.set("errors", errors);
    d.set("has_errors", true);
  }
  if (c.query.count("timeout")) d.set("timed_out", true);
  if (c.query.count("signed_out")) d.set("signed_out", true);
  return app.page(c, "sign_in", d, s);
}

// The form to change one's password; what was typed is never put back into the page.
Response password_page(App& app, const Ctx& c, const Error* error) {
  return app.form_page(c, app.t(c, "identity.account.title"), "/account/password",
                       {{"current_password",
                         "core.fields.current_password",
                         "",
                         "password",
                         "",
                         {},
                         "current-password"},
                        {"new_password",
                         "core.fields.new_password",
                         "core.hints.new_password",
                         "password",
                         "",
                         {},
                         "new-password"}},
                       "identity.account.change_password", "/", error);
}

}  // namespace

void register_identity_pages(Router& r, App& app) {
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

  r.add(bhttp::verb::get, "/account", [&app](Ctx& c) {
    if (!c.signed_in()) return app.require_sign_in(c);
    return password_page(app, c, nullptr);
  });

  r.add(bhttp::verb::post, "/account/password", [&app](Ctx& c) {
    if (!c.signed_in()) return app.require_sign_in(c);
    const auto& f = form_of(c);
    auto s = app.svc().auth.change_password(*c.actor, field(f, "current_password"),
                                            field(f, "new_password"),
                                            c.session ? c.session->session_hash : "");
    if (!s) return password_page(app, c, &s.error());
    return redirect(c.req, local_url("/", {{"done", "password_changed"}}));
  });
}

}  // namespace sgwrs::http
