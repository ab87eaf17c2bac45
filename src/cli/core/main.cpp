// sgwrs: one program, several subcommands. Everything is wired in cli/commands.cpp.
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/core/commands.hpp"
#include "domain/organisation/roles.hpp"
#include "service/core/crypto.hpp"
#include "store/core/db.hpp"

namespace {

// A service kind by its id (or the old kebab-case spelling); a wrong one is told the list.
CLI::Validator service_kind_check() {
  const std::string ids = sgwrs::service_kind_ids();
  return CLI::Validator(
      [ids](std::string& value) -> std::string {
        if (const auto kind = sgwrs::read_service_kind(value)) {
          value = std::string(sgwrs::service_kind_id(*kind));
          return "";
        }
        return "unknown service area \"" + value + "\"; choose one of: " + ids;
      },
      "SERVICE_KIND");
}

}  // namespace

int main(int argc, char** argv) {
  using namespace sgwrs::cli;
  CLI::App app{"Sgwrs — infrastructure for relationship-centred social care"};
  app.set_version_flag("--version", std::string("sgwrs ") + SGWRS_VERSION);
  // No require_subcommand: CLI11 would then report "a subcommand is required" even for a
  // mistyped one; without it, a stray word is named ("not expected: frobnicate").
  app.require_subcommand(0, 1);
  // Lets --db come after the subcommand too: `sgwrs serve --db …` as well as `sgwrs --db … serve`.
  app.fallthrough();
  std::string db = default_db();
  app.add_option("--db", db, "Database: sqlite:PATH or postgresql://… (env SGWRS_DB)")
      ->capture_default_str();

  ServeOptions so;
  auto* serve_cmd = app.add_subcommand("serve", "Serve the web pages and the API");
  serve_cmd->add_option("--listen", so.listen, "Address and port")->capture_default_str();
  serve_cmd->add_option("--threads", so.threads, "Worker threads (0: twice the cores)");
  serve_cmd->add_option("--web-dir", so.web_dir, "Templates, catalogues and static files");
  serve_cmd->add_option("--govuk-dir", so.govuk_dir, "govuk-frontend's dist/govuk folder");
  serve_cmd->add_flag(
      "--insecure-cookies", so.insecure_cookies,
      "Cookies without Secure, for plain HTTP on a non-loopback host (development only)");
  serve_cmd->add_option("--session-idle-seconds", so.session_idle_seconds, "Idle timeout")
      ->capture_default_str();
  serve_cmd->add_option("--session-max-seconds", so.session_max_seconds, "Absolute timeout")
      ->capture_default_str();
  serve_cmd
      ->add_option("--read-timeout-seconds", so.read_timeout_seconds,
                   "How long a client may take to send a request")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  serve_cmd
      ->add_option("--max-connections", so.max_connections,
                   "Connections open at once; the next is answered 503")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  serve_cmd
      ->add_option("--max-large-bodies", so.max_large_bodies,
                   "Uploads over 1 MiB read at once; the next is answered 503")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  serve_cmd
      ->add_option("--suppress-below", so.suppress_below,
                   "Withhold counts from fewer reports than this where they name an organisation")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  bool quiet = false;
  serve_cmd->add_flag("--no-access-log", quiet, "Do not log each request");

  bool status_only = false;
  auto* migrate_cmd = app.add_subcommand("migrate", "Bring the database schema up to date");
  migrate_cmd->add_flag("--status", status_only, "Only print the schema version");

  std::string demo_password = "cwtch-a-phaned-2026";
  auto* demo_cmd = app.add_subcommand("demo", "Create a demo organisation to try Sgwrs");
  demo_cmd->add_option("--password", demo_password, "Password for every demo account")
      ->capture_default_str();

  AnalyseOptions ao;
  auto* analyse_cmd =
      app.add_subcommand("analyse", "Import a folder of follow-up reports and write the analysis");
  analyse_cmd->add_option("dir", ao.dir, "Folder of reports (.txt .md .docx .pdf, reports.csv)");
  analyse_cmd->add_option("--out", ao.out, "Where to write the results")->capture_default_str();
  analyse_cmd->add_flag("--evaluate", ao.evaluate,
                        "Report precision, recall and F1 of suggestions against human coding");
  analyse_cmd->add_flag("--train", ao.train,
                        "Train the theme model from the reviewed coding, evaluate it, store it");
  analyse_cmd->add_option("--labelled", ao.labelled,
                          "With --evaluate: also score passages labelled elsewhere (JSON lines "
                          "with \"text\" and \"theme\")");
  analyse_cmd->add_flag("--welsh", ao.welsh, "Write the results in Welsh");
  analyse_cmd
      ->add_option("--suppress-below", ao.suppress_below,
                   "Withhold counts from fewer reports than this where they name an organisation")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  analyse_cmd->add_flag("--reviewed-only", ao.reviewed_only,
                        "Count only reviewed codings, not suggestions, in matrix and findings");
  analyse_cmd->add_option("--organisation", ao.organisation,
                          "Organisation of reports that reports.csv does not list");
  analyse_cmd->add_option("--service-area", ao.service_area, "Their service area")
      ->check(service_kind_check());
  analyse_cmd->add_option("--date", ao.date, "Their date (YYYY-MM-DD)");
  analyse_cmd->add_option("--group-size", ao.group_size, "Practitioners in their group");

  UserOptions uo;
  auto* user_cmd = app.add_subcommand("user", "Manage staff accounts");
  user_cmd->require_subcommand(1);
  auto* add = user_cmd->add_subcommand("add", "Add an account");
  add->add_option("--email", uo.email)->required();
  add->add_option("--name", uo.name)->required();
  add->add_option("--role", uo.role, "e.g. practitioner, pod_manager, administrator")
      ->capture_default_str();
  add->add_option("--organisation", uo.organisation, "The organisation's ONS code")->required();
  auto* setpw = user_cmd->add_subcommand("set-password", "Set an account's password");
  setpw->add_option("--email", uo.email)->required();
  for (auto* c : {add, setpw}) {
    c->add_flag("--password-stdin", uo.password_stdin, "Read the password from standard input");
    c->add_option("--password", uo.password, "The password (prefer --password-stdin)");
  }
  auto* disable = user_cmd->add_subcommand("disable", "Disable an account and end its sessions");
  disable->add_option("--email", uo.email)->required();

  CLI11_PARSE(app, argc, argv);
  if (app.get_subcommands().empty()) {
    std::cerr << app.help() << "\nsgwrs: choose a command: serve, migrate, demo, analyse or user\n";
    return 2;
  }
  try {
    sgwrs::crypto::init();
    if (serve_cmd->parsed()) {
      so.db = db;
      so.access_log = !quiet;
      return serve(so);
    }
    if (migrate_cmd->parsed()) return migrate(db, status_only);
    if (demo_cmd->parsed()) return demo(db, demo_password);
    if (analyse_cmd->parsed()) {
      if (ao.dir.empty() && !ao.evaluate && !ao.train) {
        std::cerr << "sgwrs: give a folder to analyse, or --evaluate, or --train\n";
        return 2;
      }
      ao.db = db;
      return analyse(ao);
    }
    uo.db = db;
    if (add->parsed()) return user_add(uo);
    if (setpw->parsed()) return user_set_password(uo);
    if (disable->parsed()) return user_disable(uo);
  } catch (const sgwrs::store::StoreError& e) {
    std::cerr << "sgwrs: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "sgwrs: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
