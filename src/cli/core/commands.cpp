#include "cli/core/commands.hpp"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <termios.h>
#include <unistd.h>

#include "analysis/import/pdf_text.hpp"
#include "cli/analysis/demo_analysis.hpp"
#include "cli/core/wiring.hpp"
#include "cli/organisation/demo.hpp"
#include "cli/record/demo_record.hpp"
#include "http/core/app.hpp"
#include "http/core/server.hpp"
#include "service/core/crypto.hpp"
#include "store/core/migrations.hpp"
#include "web/core/catalogue.hpp"
#include "web/core/renderer.hpp"

namespace sgwrs::cli {
namespace {

// From --password, from the first line of standard input (--password-stdin), or typed at
// a prompt that does not echo when a person is at a terminal.
std::string read_password(const UserOptions& o) {
  if (!o.password.empty()) return o.password;
  const bool at_terminal = isatty(STDIN_FILENO) == 1;
  if (!o.password_stdin && !at_terminal)
    throw std::runtime_error("no password given: use --password-stdin (or --password)");
  termios saved{};
  const bool hide = at_terminal && tcgetattr(STDIN_FILENO, &saved) == 0;
  if (at_terminal) std::cerr << "Password: " << std::flush;
  if (hide) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string p;
  std::getline(std::cin, p);
  if (hide) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
  }
  if (!p.empty() && p.back() == '\r') p.pop_back();
  return p;
}

// Operators read the same plain English as the pages (the catalogue), not internal keys.
int report(const Error& e, const std::string& what) {
  std::optional<web::Catalogue> cat;
  try {
    cat = web::Catalogue::load(std::string(SGWRS_WEB_DIR) + "/i18n");
  } catch (const std::exception&) {
  }
  auto say = [&](const std::string& key) {
    return cat ? cat->text(Language::en, "core.errors." + key) : key;
  };
  std::cerr << "sgwrs: " << what << ": " << say(e.key) << "\n";
  for (const auto& f : e.fields)
    std::cerr << "  " << (cat ? cat->text(Language::en, "core.fields." + f.field) : f.field) << ": "
              << say(f.key) << "\n";
  return 1;
}

}  // namespace

std::string default_db() {
  if (const char* env = std::getenv("SGWRS_DB"); env && *env) return env;
  return "sqlite:var/sgwrs.db";
}

int serve(const ServeOptions& o) {
  AuthConfig cfg;
  cfg.idle_timeout_s = o.session_idle_seconds;
  cfg.absolute_timeout_s = o.session_max_seconds;
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  Wiring w(o.db, cfg, std::max(4, cores * 2 + 1), o.suppress_below);

  const std::string web_dir = o.web_dir.empty() ? SGWRS_WEB_DIR : o.web_dir;
  const std::string govuk_dir = o.govuk_dir.empty() ? SGWRS_GOVUK_DIR : o.govuk_dir;
  auto catalogue = web::Catalogue::load(web_dir + "/i18n");
  web::Renderer renderer(web_dir + "/templates", catalogue);
  http::StaticFiles files;
  files.add_dir("/assets/", govuk_dir + "/assets");
  files.add_file("/static/govuk-frontend.min.css", govuk_dir + "/govuk-frontend.min.css");
  files.add_file("/static/govuk-frontend.min.js", govuk_dir + "/govuk-frontend.min.js");
  files.add_dir("/static/", web_dir + "/static");

  analysis::silence_pdf_library_messages();
  HealthService health(*w.db);
  http::App app(
      {health, w.auth, w.orgs, w.users, w.tokens, w.audit, w.analysis, w.results, w.learning,
       w.records, w.outcomes, w.plans, w.chronologies, w.networks, w.safety, w.involvements},
      renderer, files, {!o.insecure_cookies});
  http::ServerConfig sc;
  const auto colon = o.listen.rfind(':');
  sc.address = colon == std::string::npos ? "127.0.0.1" : o.listen.substr(0, colon);
  sc.port = static_cast<unsigned short>(
      std::stoi(colon == std::string::npos ? o.listen : o.listen.substr(colon + 1)));
  sc.threads = o.threads;
  sc.access_log = o.access_log;
  sc.read_timeout = std::chrono::seconds(o.read_timeout_seconds);
  sc.max_connections = o.max_connections;
  sc.max_large_bodies = o.max_large_bodies;
  // The theme model retrains off the request path: when asked, and when 50 codings and
  // decisions have arrived since the last model (checked every minute).
  w.learning.start_background(std::chrono::minutes(1), 50);
  http::Server server(sc, app);
  const auto port = server.start();
  spdlog::info("Sgwrs {} on {} — http://{}:{}/", SGWRS_VERSION, w.db->describe(), sc.address, port);
  // A machine-readable line for scripts and tests that start the server on port 0.
  std::cout << "listening on http://" << sc.address << ":" << port << "/" << std::endl;
  server.run();
  w.learning.stop_background();  // a training under way finishes first
  w.audit.flush_anonymous();     // counts of refusals from the last minute
  spdlog::info("stopped");
  return 0;
}

int migrate(const std::string& db, bool status_only) {
  auto d = store::open_db(db, {1});
  if (status_only) {
    std::cout << "schema version " << store::current_schema_version(*d) << " of "
              << store::latest_schema_version(d->engine()) << " (" << d->describe() << ")\n";
    return 0;
  }
  const int n = store::migrate(*d);
  std::cout << "applied " << n << " migration(s); schema version "
            << store::latest_schema_version(d->engine()) << " (" << d->describe() << ")\n";
  return 0;
}

int demo(const std::string& db, const std::string& password) {
  Wiring w(db, {}, 2);
  auto r = build_demo(w.orgs, w.users, password);
  std::cout << (r.created ? fmt::format("Created the demo organisation with {} staff.\n", r.staff)
                          : std::string("The demo organisation is already there.\n"));
  std::cout << "\nSign in at http://127.0.0.1:8080/ with any of these (password: " << password
            << "):\n";
  for (const auto& l : r.logins)
    std::cout << fmt::format("  {:<15} {:<32} {}\n", l.role, l.email, l.name);
  if (r.created) {
    const auto f = build_demo_record(w.records, w.outcomes, w.plans, w.networks, w.safety,
                                     w.involvements, w.users);
    std::cout << fmt::format(
        "\nAdded {} families ({} people, {} conversations, {} personal outcomes, {} agreed "
        "actions, {} support decisions, {} strengths, {} people on eco-maps, {} worry and "
        "safety statements, {} scalings; {} closed and opened again); sign in as {} to see "
        "their caseload.\n",
        f.families, f.people, f.conversations, f.outcomes, f.actions, f.decisions, f.strengths,
        f.network_members, f.safety_statements, f.scalings, f.reopened, f.lead_email);
  }
  const auto a = build_demo_analysis(w.analysis, w.results, w.users);
  if (a.created)
    std::cout << fmt::format("\nAdded {} follow-up reports with {} codings (see /analysis).\n",
                             a.reports, a.codings);
  return 0;
}

int user_add(const UserOptions& o) {
  Wiring w(o.db, {}, 2);
  const auto op = UserService::operator_actor();
  std::optional<Id> org;
  if (auto list = w.orgs.list_organisations(op, {0, 10000}))
    for (const auto& x : *list)
      if (x.ons_code == o.organisation) org = x.id;
  if (!org) {
    std::cerr << "sgwrs: no organisation with ONS code '" << o.organisation << "'\n";
    return 1;
  }
  auto role = parse_role(o.role);
  if (!role) {
    std::cerr << "sgwrs: unknown role '" << o.role << "'; choose one of: " << role_ids() << "\n";
    return 1;
  }
  User u;
  u.email = o.email;
  u.display_name = o.name;
  u.role = *role;
  u.organisation_id = *org;
  auto r = w.users.create(op, {u, read_password(o)});
  if (!r) return report(r.error(), "could not add the account");
  std::cout << "added " << r->email << " (id " << r->id << ")\n";
  return 0;
}

int user_set_password(const UserOptions& o) {
  Wiring w(o.db, {}, 2);
  const auto op = UserService::operator_actor();
  auto u = w.users.find_by_email(op, o.email);
  if (!u) return report(u.error(), "no such account " + o.email);
  auto s = w.users.set_password(op, u->id, read_password(o));
  if (!s) return report(s.error(), "could not set the password");
  std::cout << "password set for " << u->email << "; their sessions have ended\n";
  return 0;
}

int user_disable(const UserOptions& o) {
  Wiring w(o.db, {}, 2);
  const auto op = UserService::operator_actor();
  auto u = w.users.find_by_email(op, o.email);
  if (!u) return report(u.error(), "no such account " + o.email);
  User changed = *u;
  changed.disabled = true;
  auto r = w.users.update(op, changed);
  if (!r) return report(r.error(), "could not disable the account");
  std::cout << "disabled " << u->email << "; their sessions have ended\n";
  return 0;
}

}  // namespace sgwrs::cli
