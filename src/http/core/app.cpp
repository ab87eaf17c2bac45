#include "http/core/app.hpp"

#include <array>

#include <spdlog/spdlog.h>

#include <boost/algorithm/string/predicate.hpp>
#include <boost/json.hpp>
#include <boost/url/parse.hpp>

#include "domain/core/failure.hpp"
#include "http/core/local_url.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"
#include "service/core/crypto.hpp"

namespace sgwrs::http {

using web::Data;

namespace {

bool is_state_changing(bhttp::verb v) {
  return v == bhttp::verb::post || v == bhttp::verb::put || v == bhttp::verb::patch ||
         v == bhttp::verb::delete_;
}

bool starts_with(std::string_view s, std::string_view p) {
  return s.rfind(p, 0) == 0;
}

// Accept-Language: Welsh when it is named before English (or alone).
Language from_accept_language(const std::string& h) {
  const auto cy = h.find("cy"), en = h.find("en");
  if (cy != std::string::npos && (en == std::string::npos || cy < en)) return Language::cy;
  return Language::en;
}

}  // namespace

App::App(AppServices s, const web::Renderer& r, const StaticFiles& files, AppConfig cfg)
    : svc_(s),
      renderer_(r),
      files_(files),
      cfg_(cfg),
      navigations_(build_navigations(r.catalogue())) {
  register_identity_pages(router_, *this);
  register_identity_api(router_, *this);
  register_organisation_pages(router_, *this);
  register_admin_routes(router_, *this);
  register_organisation_api(router_, *this);
  register_audit_pages(router_, *this);
  register_analysis_routes(router_, *this);
  register_analysis_api_routes(router_, *this);
  register_record_api(router_, *this);
  register_outcome_api(router_, *this);
  register_plan_api(router_, *this);
  register_plan_pages(router_, *this);
  register_network_api(router_, *this);
  register_network_pages(router_, *this);
  register_safety_api(router_, *this);
  register_safety_pages(router_, *this);
  register_involvement_api(router_, *this);
  register_involvement_pages(router_, *this);
  register_person_pages(router_, *this);
  register_chronology_api(router_, *this);
  register_chronology_pages(router_, *this);
  register_family_view_pages(router_, *this);
  register_record_pages(router_, *this);
  register_outcome_pages(router_, *this);
  register_story_pages(router_, *this);
  register_access_pages(router_, *this);
}

const std::map<std::string, std::string>& form_of(Ctx& c) {
  if (!c.form) {
    const auto type = header(c.req, bhttp::field::content_type);
    c.form.emplace();
    if (starts_with(type, "application/x-www-form-urlencoded")) {
      c.form_values = parse_form_values(c.req.body());
    } else if (starts_with(type, "multipart/form-data")) {
      for (auto& part : parse_multipart(c.req.body(), type).value_or(std::vector<FormPart>{})) {
        if (part.filename.empty())
          c.form_values.emplace_back(part.name, std::move(part.body));
        else
          c.files.push_back(std::move(part));
      }
    }
    for (const auto& [name, value] : c.form_values) c.form->emplace(name, value);
  }
  return *c.form;
}

std::string field(const std::map<std::string, std::string>& f, const std::string& name) {
  auto it = f.find(name);
  return it == f.end() ? std::string{} : it->second;
}

bhttp::status App::status_for(Errc e) {
  switch (e) {
    case Errc::invalid:
      return bhttp::status::unprocessable_entity;
    case Errc::not_found:
      return bhttp::status::not_found;
    case Errc::forbidden:
      return bhttp::status::forbidden;
    case Errc::unauthenticated:
      return bhttp::status::unauthorized;
    case Errc::conflict:
      return bhttp::status::conflict;
    case Errc::stale:
      return bhttp::status::precondition_failed;
    case Errc::precondition_required:
      return bhttp::status::precondition_required;
    case Errc::throttled:
      return bhttp::status::too_many_requests;
    case Errc::unavailable:
      return bhttp::status::service_unavailable;
  }
  return bhttp::status::internal_server_error;
}

Response App::reject(bhttp::status s, unsigned version) {
  // The request could not be read, so its language is unknown: answer in both.
  Request dummy{bhttp::verb::get, "/", version};
  const std::string code = std::to_string(static_cast<unsigned>(s));
  auto res = json_error(dummy, s, "request_unreadable",
                        cat().text(Language::en, "core.errors.request_unreadable") + " / " +
                            cat().text(Language::cy, "core.errors.request_unreadable"),
                        code);
  add_security_headers(res, false);
  add_retry_after(res);
  return res;
}

void App::resolve_identity(Ctx& c) {
  const auto auth = header(c.req, bhttp::field::authorization);
  if (starts_with(auth, "Bearer ") && starts_with(c.path, "/api/")) {
    if (auto u = svc_.auth.authenticate_token(auth.substr(7), c.address)) {
      c.actor = Actor{*u, c.address, true};
      c.via_token = true;
    }
    return;
  }
  if (auto token = cookie(c.req, cookie_name("sgwrs-session"))) {
    if (auto s = svc_.auth.resume(*token)) {
      c.actor = Actor{s->user, c.address};
      c.session = std::move(*s);
    } else {
      c.session_ended = !token->empty();
    }
  }
}

const std::string& App::csrf_for(const Ctx& c) const {
  return c.csrf;
}

bool App::same_origin(const RequestHead& head) {
  // A browser tells us where a request came from; a cross-site one is never accepted.
  if (header(head, "Sec-Fetch-Site") == "cross-site") return false;
  const auto origin = header(head, bhttp::field::origin);
  if (origin == "null") return false;
  if (origin.empty()) return true;
  auto u = boost::urls::parse_uri(origin);
  return u && u->encoded_host_and_port() == header(head, bhttp::field::host);
}

Admission App::admit(const RequestHead& head) {
  const Admission small{cfg_.small_body_limit, false, std::nullopt};
  // Only chunked framing is read; any other transfer coding (gzip alone, say) leaves the
  // body's end unknown, and RFC 9112 says to refuse it.
  if (head.count(bhttp::field::transfer_encoding) > 0) {
    std::string_view v = head[bhttp::field::transfer_encoding];
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    if (head.count(bhttp::field::transfer_encoding) > 1 ||
        !boost::algorithm::iequals(v, std::string_view("chunked")))
      return {0, false, bhttp::status::bad_request};
  }
  if (!is_state_changing(head.method())) return small;
  auto target = boost::urls::parse_origin_form(head.target());
  if (!target) return small;
  std::map<std::string, std::string> params;
  const auto m = router_.match(head.method(), std::string(target->path()), params);
  if (!m.handler || !m.options->large_body_for || !same_origin(head)) return small;
  // Who is asking, from the session cookie alone: the body is not read yet.
  auto token = cookie(head, cookie_name("sgwrs-session"));
  if (!token) return small;
  auto s = svc_.auth.resume(*token);
  if (!s || !m.options->large_body_for(Actor{s->user, ""})) return small;
  return {cfg_.large_body_limit, true, std::nullopt};
}

bool App::csrf_ok(Ctx& c, const std::map<std::string, std::string>* form) const {
  if (!same_origin(c.req)) return false;
  if (c.via_token) return true;  // bearer tokens are not sent by browsers on their own
  std::string sent;
  if (form) sent = field(*form, "csrf");
  if (sent.empty()) sent = header(c.req, "X-CSRF-Token");
  return !c.csrf.empty() && !sent.empty() && crypto::equal(sent, c.csrf);
}

Response App::handle(Request&& req, const std::string& address, std::string& route) {
  try {
    auto target = boost::urls::parse_origin_form(req.target());
    if (!target) {
      route = "(bad target)";
      auto res = json_error(req, bhttp::status::bad_request, "bad_target",
                            cat().text(Language::en, "core.errors.bad_target"));
      add_security_headers(res, false);
      return res;
    }
    Ctx c{req, std::string(target->path()), {}, {}, address};
    for (auto p : target->params()) c.query.emplace(std::string(p.key), std::string(p.value));

    if (req.method() == bhttp::verb::get || req.method() == bhttp::verb::head) {
      if (auto f = files_.find(c.path)) {
        route = "(static)";
        Response res{bhttp::status::ok, req.version()};
        res.set(bhttp::field::content_type, f->type);
        res.body() = f->content;
        res.keep_alive(req.keep_alive());
        res.prepare_payload();
        add_security_headers(res, true);
        return res;
      }
    }
    Response res = dispatch(c);
    route = c.route;
    add_security_headers(res, false);
    add_retry_after(res);
    return res;
  } catch (const InfrastructureFailure& e) {
    // Logged without request data; the person sees a plain apology in both languages.
    spdlog::error("store error: {}", e.what());
    route = route.empty() ? "(error)" : route;
    const bool unavailable = e.unavailable();
    auto res = reject(
        unavailable ? bhttp::status::service_unavailable : bhttp::status::internal_server_error,
        req.version());
    res.keep_alive(req.keep_alive());
    return res;
  } catch (const std::exception& e) {
    spdlog::error("unexpected error: {}", e.what());
    auto res = reject(bhttp::status::internal_server_error, req.version());
    res.keep_alive(req.keep_alive());
    return res;
  }
}

Response App::dispatch(Ctx& c) {
  const bool api = starts_with(c.path, "/api/");
  if (c.path == "/healthz") {
    c.route = "/healthz";
    return json(c.req, bhttp::status::ok, R"({"status":"ok"})");
  }
  if (c.path == "/readyz") {
    c.route = "/readyz";
    const bool ready = svc_.health.ready();
    return json(c.req, ready ? bhttp::status::ok : bhttp::status::service_unavailable,
                ready ? R"({"status":"ready"})" : R"({"status":"store unavailable"})");
  }

  resolve_identity(c);
  if (c.actor) {
    c.lang = c.actor->user.language;
  } else if (auto l = cookie(c.req, cookie_name("sgwrs-lang"))) {
    c.lang = parse_language(*l);
  } else {
    c.lang = from_accept_language(header(c.req, bhttp::field::accept_language));
  }
  if (c.session) {
    c.csrf = c.session->csrf_token;
  } else if (auto t = cookie(c.req, cookie_name("sgwrs-csrf")); t && t->size() == 43) {
    c.csrf = *t;
  } else if (!api) {
    c.csrf = crypto::random_token();
    c.new_csrf_cookie = true;
  }

  auto m = router_.match(c.req.method(), c.path, c.params);
  c.route = m.handler ? m.pattern : (m.path_known ? m.pattern : "(no route)");
  if (!m.handler) {
    if (m.path_known) {
      if (api) return api_error(c, bhttp::status::method_not_allowed, "method_not_allowed");
      return error_page(c, bhttp::status::method_not_allowed);
    }
    return api ? api_error(c, bhttp::status::not_found, "not_found")
               : error_page(c, bhttp::status::not_found);
  }

  // Every API route needs someone signed in or a token; say so (401) before judging the
  // request's CSRF proof, which only matters for someone who is signed in.
  if (api && !c.actor) return api_error(c, bhttp::status::unauthorized, "unauthenticated");

  if (is_state_changing(c.req.method())) {
    const auto type = header(c.req, bhttp::field::content_type);
    const bool is_form = starts_with(type, "application/x-www-form-urlencoded") ||
                         starts_with(type, "multipart/form-data");
    if (!csrf_ok(c, is_form ? &form_of(c) : nullptr)) {
      AuditService::Entry e{c.actor ? std::optional<Id>(c.actor->user.id) : std::nullopt,
                            "csrf.refuse",
                            "refused",
                            "",
                            "",
                            {{"route", c.route}},
                            c.address};
      // Anyone can send these signed out, in bulk: counted, not written one by one.
      if (c.actor)
        svc_.audit.record_now(e);
      else
        svc_.audit.record_anonymous(e);
      return api ? api_error(c, bhttp::status::forbidden, "csrf_failed")
                 : error_page(c, bhttp::status::forbidden);
    }
  }

  Response res = (*m.handler)(c);
  // A stale cookie is cleared, unless this answer has just set a new session (signing in).
  if (c.session_ended && !sets_cookie(res, cookie_name("sgwrs-session"))) end_session(res);
  if (c.new_csrf_cookie)
    set_cookie(res, cookie_name("sgwrs-csrf"), c.csrf, {cfg_.secure_cookies, true, -1});
  return res;
}

Data App::shell(const Ctx& c, const std::string& title) const {
  Data d{Data::type::object};
  d.set("page_title", title);
  d.set("lang", std::string(language_id(c.lang)));
  const Language other = c.lang == Language::cy ? Language::en : Language::cy;
  d.set("other_lang", std::string(language_id(other)));
  d.set("return_to", std::string(c.req.target()));
  d.set("csrf", c.csrf);
  if (auto done = c.query.find("done");
      done != c.query.end() && cat().has(c.lang, "core.flash." + done->second))
    d.set("flash", cat().text(c.lang, "core.flash." + done->second));
  if (c.actor) {
    const auto& u = c.actor->user;
    d.set("signed_in", true);
    d.set("user_name", u.display_name);
    d.set("user_role", cat().text(c.lang, "organisation.roles." + std::string(role_id(u.role))));
  }
  return d;
}

namespace {

// The navigation bar's items; some only for the roles that may use them.
enum class NavFor { everyone, readers_of_analysis, administrators };
struct NavItem {
  std::string_view href;
  std::string_view label_key;
  NavFor shown_to;
};
constexpr std::array<NavItem, 5> kNavItems = {
    {{"/", "core.nav.home", NavFor::everyone},
     {"/organisation", "core.nav.organisation", NavFor::everyone},
     {"/analysis", "core.nav.analysis", NavFor::readers_of_analysis},
     {"/admin", "core.nav.admin", NavFor::administrators},
     {"/account", "core.nav.account", NavFor::everyone}}};
constexpr std::size_t kNoCurrentItem = kNavItems.size();

std::size_t nav_index(Language l, bool analysis, bool admin, std::size_t current) {
  return ((static_cast<std::size_t>(l == Language::cy) * 2 + analysis) * 2 + admin) *
             (kNavItems.size() + 1) +
         current;
}

}  // namespace

std::vector<Data> App::build_navigations(const web::Catalogue& cat) {
  std::vector<Data> out(nav_index(Language::cy, true, true, kNoCurrentItem) + 1);
  for (const Language l : {Language::en, Language::cy})
    for (const bool analysis : {false, true})
      for (const bool admin : {false, true})
        for (std::size_t current = 0; current <= kNoCurrentItem; ++current) {
          Data nav{Data::type::list};
          for (std::size_t i = 0; i < kNavItems.size(); ++i) {
            const NavItem& it = kNavItems[i];
            if ((it.shown_to == NavFor::readers_of_analysis && !analysis) ||
                (it.shown_to == NavFor::administrators && !admin))
              continue;
            Data item{Data::type::object};
            item.set("href", std::string(it.href));
            item.set("label", cat.text(l, it.label_key));
            if (i == current) item.set("current", true);
            nav.push_back(item);
          }
          Data holder{Data::type::object};
          holder.set("nav", nav);
          out[nav_index(l, analysis, admin, current)] = std::move(holder);
        }
  return out;
}

const Data* App::navigation(const Ctx& c) const {
  if (!c.actor) return nullptr;
  std::size_t current = kNoCurrentItem;
  for (std::size_t i = 0; i < kNavItems.size() && current == kNoCurrentItem; ++i) {
    const std::string_view href = kNavItems[i].href;
    if (href == "/" ? c.path == "/" : starts_with(c.path, href)) current = i;
  }
  return &navigations_[nav_index(c.lang, svc_.analysis.can_read(*c.actor), c.actor->is_admin(),
                                 current)];
}

Response App::page(const Ctx& c, const std::string& tmpl, const Data& data, bhttp::status s) const {
  return html(c.req, s, renderer_.render_page(tmpl, c.lang, data, navigation(c)));
}

Response App::error_page(const Ctx& c, bhttp::status s) const {
  return page(c, "error", error_data(c, s), s);
}

Data App::error_data(const Ctx& c, bhttp::status s) const {
  const std::string code = std::to_string(static_cast<unsigned>(s));
  const std::string key = cat().has(c.lang, "core.error_pages." + code + ".title") ? code : "500";
  Data d = shell(c, t(c, "core.error_pages." + key + ".title"));
  d.set("heading", t(c, "core.error_pages." + key + ".title"));
  d.set("body", t(c, "core.error_pages." + key + ".body"));
  if (!c.signed_in()) d.set("offer_sign_in", true);
  return d;
}

Response App::require_sign_in(const Ctx& c) const {
  // The way back is the target as the browser sent it, still percent-encoded; it is checked
  // again by safe_return when it comes back.
  const std::string_view back = c.req.target();
  if (c.session_ended)
    return redirect(c.req, local_url("/sign-in", {{"next", back}, {"timeout", "1"}}));
  return redirect(c.req, local_url("/sign-in", {{"next", back}}));
}

Response App::form_page(const Ctx& c, const std::string& title, const std::string& action,
                        const std::vector<Field>& fields, const std::string& submit_key,
                        const std::string& back_href, const Error* error,
                        std::int64_t version) const {
  const auto s = error ? App::status_for(error->code) : bhttp::status::ok;
  return page(c, "form", form_data(c, title, action, fields, submit_key, back_href, error, version),
              s);
}

Data App::form_data(const Ctx& c, const std::string& title, const std::string& action,
                    const std::vector<Field>& fields, const std::string& submit_key,
                    const std::string& back_href, const Error* error, std::int64_t version) const {
  Data d = shell(c, error ? t(c, "core.common.error_prefix") + " " + title : title);
  d.set("heading", title);
  d.set("action", action);
  d.set("submit", t(c, submit_key));
  d.set("back_href", back_href);
  if (version) d.set("version", std::to_string(version));
  std::map<std::string, std::string> by_field;
  if (error) by_field = error_summary(c, *error, d);
  Data list{Data::type::list};
  for (const auto& f : fields) {
    Data fd{Data::type::object};
    fd.set("name", f.name);
    fd.set("id", f.name);
    fd.set("label", f.label.empty() ? t(c, f.label_key) : f.label);
    if (!f.hint_key.empty()) fd.set("hint", t(c, f.hint_key));
    fd.set("is_" + f.type, true);
    fd.set("value", f.value);
    if (!f.autocomplete.empty()) fd.set("autocomplete", f.autocomplete);
    if (f.checked) fd.set("checked", true);
    if (auto it = by_field.find(f.name); it != by_field.end()) fd.set("error", it->second);
    Data opts{Data::type::list};
    for (const auto& [v, label] : f.options) {
      Data o{Data::type::object};
      o.set("value", v);
      o.set("label", label);
      if (v == f.value) o.set("selected", true);
      opts.push_back(o);
    }
    fd.set("options", opts);
    list.push_back(fd);
  }
  d.set("fields", list);
  return d;
}

std::map<std::string, std::string> App::error_summary(const Ctx& c, const Error& error,
                                                      Data& d) const {
  std::map<std::string, std::string> by_field;
  Data errors{Data::type::list};
  for (const auto& fe : error.fields) {
    const std::string msg = t(c, "core.errors." + fe.key);
    by_field[fe.field] = msg;
    Data e{Data::type::object};
    e.set("href", "#" + fe.field);
    // A field named for one item (a child's voice, an area's checkbox) has no catalogue
    // label of its own; its message stands alone, linked to it.
    const std::string label_key = "core.fields." + fe.field;
    e.set("text", cat().has(c.lang, label_key) ? t(c, label_key) + ": " + msg : msg);
    errors.push_back(e);
  }
  if (error.fields.empty()) {
    Data e{Data::type::object};
    e.set("text", t(c, "core.errors." + error.key));
    errors.push_back(e);
  }
  d.set("errors", errors);
  d.set("has_errors", true);
  if (error.code == Errc::stale) d.set("stale", true);
  return by_field;
}

Response App::api_error(const Ctx& c, const Error& e) const {
  boost::json::object o;
  o["code"] = e.key;
  o["message"] = cat().text(c.lang, "core.errors." + e.key);
  o["detail"] = e.detail;
  o["hint"] =
      cat().has(c.lang, "core.hints." + e.key) ? cat().text(c.lang, "core.hints." + e.key) : "";
  if (!e.fields.empty()) {
    boost::json::array fields;
    for (const auto& f : e.fields)
      fields.push_back({{"field", f.field},
                        {"code", f.key},
                        {"message", cat().text(c.lang, "core.errors." + f.key)}});
    o["fields"] = fields;
  }
  return json(c.req, status_for(e.code), boost::json::serialize(o));
}

Response App::api_error(const Ctx& c, bhttp::status s, std::string_view code,
                        std::string_view detail) const {
  const std::string key = "core.errors." + std::string(code);
  return json_error(c.req, s, code, cat().text(c.lang, key), detail,
                    cat().has(c.lang, "core.hints." + std::string(code))
                        ? cat().text(c.lang, "core.hints." + std::string(code))
                        : "");
}

std::variant<JsonInput, Response> App::json_body(const Ctx& c,
                                                 const std::vector<const char*>& allowed) const {
  if (!starts_with(header(c.req, bhttp::field::content_type), "application/json"))
    return api_error(c, bhttp::status::unsupported_media_type, "invalid_json",
                     "Content-Type must be application/json");
  auto in = JsonInput::parse(c.req.body(), allowed);
  if (auto* p = std::get_if<InputProblem>(&in))
    return api_error(c, bhttp::status::bad_request, p->code, p->detail);
  return std::get<JsonInput>(std::move(in));
}

void App::start_session(Response& res, const SignedIn& s) const {
  set_cookie(res, cookie_name("sgwrs-session"), s.session_token, {cfg_.secure_cookies, true, -1});
}

void App::end_session(Response& res) const {
  set_cookie(res, cookie_name("sgwrs-session"), "", {cfg_.secure_cookies, true, 0});
}

void App::set_lang_cookie(Response& res, Language l) const {
  set_cookie(res, cookie_name("sgwrs-lang"), language_id(l),
             {cfg_.secure_cookies, true, 60L * 60 * 24 * 365});
}

}  // namespace sgwrs::http
