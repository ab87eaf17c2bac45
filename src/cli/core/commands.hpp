#pragma once
// The sgwrs subcommands, wired explicitly: each opens the store, builds the services it
// needs through constructors and runs. Returns a process exit code.
#include <string>

#include "domain/core/language.hpp"

namespace sgwrs::cli {

struct ServeOptions {
  std::string db;
  std::string listen = "127.0.0.1:8080";
  int threads = 0;
  std::string web_dir;
  std::string govuk_dir;
  bool insecure_cookies = false;
  long session_idle_seconds = 30 * 60;
  long session_max_seconds = 12 * 60 * 60;
  long read_timeout_seconds = 30;
  int max_connections = 512;
  int max_large_bodies = 2;
  std::size_t suppress_below = 5;
  bool access_log = true;
};

int serve(const ServeOptions& o);

struct AnalyseOptions {
  std::string db;
  std::string dir;               // a folder of reports (and reports.csv) to import
  std::string out = "analysis";  // where the matrix, codings and findings are written
  bool evaluate = false;         // report the quality of suggestions instead
  bool train = false;            // --train: train the theme model from the coding, then stop
  std::string labelled;          // --labelled FILE.jsonl: with --evaluate, also score these
  bool welsh = false;            // --welsh: write the outputs in Welsh
  std::size_t suppress_below = 5;
  bool reviewed_only = false;  // leave unreviewed suggestions out of matrix and findings
  // For reports that reports.csv does not describe.
  std::string organisation;
  std::string service_area;
  std::string date;
  int group_size = 0;
  Language language() const { return welsh ? Language::cy : Language::en; }
};
int analyse(const AnalyseOptions& o);
int migrate(const std::string& db, bool status_only);
int demo(const std::string& db, const std::string& password);

struct UserOptions {
  std::string db;
  std::string email;
  std::string name;
  std::string role = "practitioner";
  std::string organisation;  // ONS code
  bool password_stdin = false;
  std::string password;
};
int user_add(const UserOptions& o);
int user_set_password(const UserOptions& o);
int user_disable(const UserOptions& o);

// "sqlite:var/sgwrs.db" unless SGWRS_DB says otherwise.
std::string default_db();

}  // namespace sgwrs::cli
