#pragma once
// The application's single entry point for a request: static files and health checks,
// then who is asking (session cookie or bearer token), their language, CSRF checks for
// anything that changes state, routing, and the one place errors become HTTP statuses.
#include <string>

#include "domain/core/result.hpp"
#include "http/core/json_io.hpp"
#include "http/core/router.hpp"
#include "http/core/server.hpp"
#include "http/core/static_files.hpp"
#include "http/core/types.hpp"
#include "service/analysis/analysis_service.hpp"
#include "service/analysis/learning_service.hpp"
#include "service/analysis/results_service.hpp"
#include "service/audit/audit_service.hpp"
#include "service/core/health_service.hpp"
#include "service/identity/auth_service.hpp"
#include "service/identity/token_service.hpp"
#include "service/organisation/org_service.hpp"
#include "service/organisation/user_service.hpp"
#include "service/record/chronology_service.hpp"
#include "service/record/involvement_service.hpp"
#include "service/record/network_service.hpp"
#include "service/record/outcome_service.hpp"
#include "service/record/plan_service.hpp"
#include "service/record/record_service.hpp"
#include "service/record/safety_service.hpp"
#include "web/core/renderer.hpp"

namespace sgwrs::http {

struct AppServices {
  HealthService& health;
  AuthService& auth;
  OrgService& orgs;
  UserService& users;
  TokenService& tokens;
  AuditService& audit;
  AnalysisService& analysis;
  AnalysisResultsService& results;
  LearningService& learning;
  RecordService& records;
  OutcomeService& outcomes;
  PlanService& plans;
  ChronologyService& chronologies;
  NetworkService& networks;
  SafetyService& safety;
  InvolvementService& involvements;
};

struct AppConfig {
  // Secure cookies with the __Host- prefix. Off only for plain HTTP on a non-loopback host
  // in development, where browsers refuse Secure cookies.
  bool secure_cookies = true;
  // Bodies: everyone gets the small limit; the large one is only for a signed-in person a
  // route's RouteOptions::large_body_for allows, decided from the header (App::admit).
  std::size_t small_body_limit = 1024 * 1024;
  std::size_t large_body_limit = 48 * 1024 * 1024;
};

// One field of a generic form page; rendered by web/templates/core/form.mustache.
// Members after the first have defaults, so a field may be written with only what it needs.
struct Field {
  std::string name;
  std::string label_key = {};
  std::string hint_key = {};
  std::string type = "text";  // text, email, password, select, checkbox, hidden, textarea
  std::string value = {};
  std::vector<std::pair<std::string, std::string>> options = {};  // value, label
  std::string autocomplete = {};
  bool checked = false;
  std::string label = {};  // a label that is data (a person's name), not a catalogue key
};

class App : public RequestHandler {
 public:
  App(AppServices s, const web::Renderer& r, const StaticFiles& files, AppConfig cfg);

  Admission admit(const RequestHead& head) override;
  Response handle(Request&& req, const std::string& address, std::string& route) override;
  Response reject(bhttp::status s, unsigned version) override;

  // --- used by the handlers ---
  AppServices& svc() { return svc_; }
  const web::Catalogue& cat() const { return renderer_.catalogue(); }
  std::string t(const Ctx& c, std::string_view key) const { return cat().text(c.lang, key); }

  // The layout's data: title, the person signed in, language toggle, CSRF. (The navigation
  // for the reader's role is added by page().)
  web::Data shell(const Ctx& c, const std::string& title) const;
  Response page(const Ctx& c, const std::string& tmpl, const web::Data& data,
                bhttp::status s = bhttp::status::ok) const;
  Response error_page(const Ctx& c, bhttp::status s) const;
  // The error page's data, for a handler that adds a way on (the "error" template).
  web::Data error_data(const Ctx& c, bhttp::status s) const;
  // A page that needs someone signed in, reached signed out (or after a time-out): to the
  // sign-in page, with the way back.
  Response require_sign_in(const Ctx& c) const;
  // A form page, re-shown with the values typed and an error summary linking to fields.
  web::Data form_data(const Ctx& c, const std::string& title, const std::string& action,
                      const std::vector<Field>& fields, const std::string& submit_key,
                      const std::string& back_href, const Error* error = nullptr,
                      std::int64_t version = 0) const;
  Response form_page(const Ctx& c, const std::string& title, const std::string& action,
                     const std::vector<Field>& fields, const std::string& submit_key,
                     const std::string& back_href, const Error* error = nullptr,
                     std::int64_t version = 0) const;
  // Sets "errors"/"has_errors" (and "stale") for the error summary partial; returns the
  // message for each field, for the inline errors.
  std::map<std::string, std::string> error_summary(const Ctx& c, const Error& error,
                                                   web::Data& d) const;
  // The one mapping from expected failures to HTTP statuses.
  static bhttp::status status_for(Errc e);
  Response api_error(const Ctx& c, const Error& e) const;
  Response api_error(const Ctx& c, bhttp::status s, std::string_view code,
                     std::string_view detail = {}) const;
  // An API request's JSON object body: 415 unless the Content-Type is application/json, 400
  // for a body that is not a JSON object or names a field not in `allowed`.
  std::variant<JsonInput, Response> json_body(const Ctx& c,
                                              const std::vector<const char*>& allowed) const;
  void start_session(Response& res, const SignedIn& s) const;
  void end_session(Response& res) const;
  void set_lang_cookie(Response& res, Language l) const;
  const std::string& csrf_for(const Ctx& c) const;

 private:
  Response dispatch(Ctx& c);
  bool csrf_ok(Ctx& c, const std::map<std::string, std::string>* form) const;
  // Sec-Fetch-Site and Origin say the request came from this site (or from no browser).
  static bool same_origin(const RequestHead& head);
  void resolve_identity(Ctx& c);

  // "__Host-" names need Secure; without it browsers drop them, so the prefix goes too.
  std::string cookie_name(std::string_view base) const {
    return (cfg_.secure_cookies ? "__Host-" : "") + std::string(base);
  }

  // Every navigation bar there can be (language x role x current item), built once: the
  // layout shows one on every page, and building it per request was a tenth of a page.
  static std::vector<web::Data> build_navigations(const web::Catalogue& cat);
  const web::Data* navigation(const Ctx& c) const;

  AppServices svc_;
  const web::Renderer& renderer_;
  const StaticFiles& files_;
  AppConfig cfg_;
  Router router_;
  std::vector<web::Data> navigations_;
};

// Each capability's routes, one function per resource group (the route tables).
void register_identity_pages(Router& r, App& app);
void register_identity_api(Router& r, App& app);
void register_organisation_pages(Router& r, App& app);
void register_admin_routes(Router& r, App& app);
void register_organisation_api(Router& r, App& app);
void register_audit_pages(Router& r, App& app);
void register_analysis_routes(Router& r, App& app);
void register_analysis_api_routes(Router& r, App& app);
void register_record_api(Router& r, App& app);
void register_outcome_api(Router& r, App& app);
void register_plan_api(Router& r, App& app);
void register_plan_pages(Router& r, App& app);
void register_network_api(Router& r, App& app);
void register_network_pages(Router& r, App& app);
void register_safety_api(Router& r, App& app);
void register_safety_pages(Router& r, App& app);
void register_involvement_api(Router& r, App& app);
void register_involvement_pages(Router& r, App& app);
void register_person_pages(Router& r, App& app);
void register_chronology_api(Router& r, App& app);
void register_chronology_pages(Router& r, App& app);
void register_family_view_pages(Router& r, App& app);
void register_record_pages(Router& r, App& app);
void register_outcome_pages(Router& r, App& app);
void register_story_pages(Router& r, App& app);
void register_access_pages(Router& r, App& app);

// The form body of a POST, decoded once and kept with the request context.
const std::map<std::string, std::string>& form_of(Ctx& c);
std::string field(const std::map<std::string, std::string>& f, const std::string& name);

}  // namespace sgwrs::http
