#pragma once
// Everything a command needs, built once through constructors: no globals.
#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "service/analysis/analysis_service.hpp"
#include "service/analysis/learning_service.hpp"
#include "service/analysis/results_service.hpp"
#include "service/audit/audit_service.hpp"
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
#include "store/core/migrations.hpp"

namespace sgwrs::cli {

struct Wiring {
  std::unique_ptr<store::Db> db;
  Clock clock = system_now;
  AuditService audit;
  OverviewCache overviews;
  AuthService auth;
  OrgService orgs;
  UserService users;
  TokenService tokens;
  AnalysisService analysis;
  AnalysisResultsService results;
  LearningService learning;
  RecordService records;
  OutcomeService outcomes;
  PlanService plans;
  ChronologyService chronologies;
  NetworkService networks;
  SafetyService safety;
  InvolvementService involvements;

  // suppress_below: counts from fewer reports than this are withheld where they name an
  // organisation.
  Wiring(const std::string& url, AuthConfig cfg, int pool, std::size_t suppress_below = 5)
      : db(open_and_migrate(url, pool)),
        audit(*db, clock),
        auth(*db, audit, clock, cfg),
        orgs(*db, audit, clock, overviews),
        users(*db, audit, clock, overviews),
        tokens(*db, audit, clock),
        analysis(*db, audit, clock, default_codebook()),
        results(*db, audit, analysis, clock, {suppress_below, true}),
        learning(*db, audit, clock, analysis),
        records(*db, audit, clock),
        outcomes(*db, audit, clock),
        plans(*db, audit, clock),
        chronologies(*db, audit, clock),
        networks(*db, audit, clock),
        safety(*db, audit, clock),
        involvements(*db, audit, clock) {}

  // The codebook used until analysts save their own (data/codebook/default.json).
  static std::string default_codebook() {
    const std::string path = std::string(SGWRS_DATA_DIR) + "/codebook/default.json";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read the default codebook " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  static std::unique_ptr<store::Db> open_and_migrate(const std::string& url, int pool) {
    if (url.rfind("postgres", 0) != 0) {
      // A SQLite file in a folder that does not exist yet: make the folder.
      const std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
      const auto parent = std::filesystem::path(path).parent_path();
      if (!parent.empty()) std::filesystem::create_directories(parent);
    }
    auto db = store::open_db(url, {pool});
    if (int n = store::migrate(*db); n > 0)
      spdlog::info("applied {} migration(s) to {}", n, db->describe());
    return db;
  }
};

}  // namespace sgwrs::cli
