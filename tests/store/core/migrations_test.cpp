// Numbered schema migrations: applied once, in order, and never onto a newer schema.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "store/core/db.hpp"
#include "store/core/migrations.hpp"
#include "support/test_db.hpp"

namespace sgwrs::test {
namespace {

using store::Conn;
using store::Engine;
using store::StoreError;
using store::TxMode;

TEST(MigrationLists, NumberedFromOneWithoutGapsOnBothEngines) {
  for (Engine e : {Engine::sqlite, Engine::postgres}) {
    const auto list =
        e == Engine::sqlite ? store::sqlite_migrations() : store::postgres_migrations();
    ASSERT_FALSE(list.empty());
    for (std::size_t i = 0; i < list.size(); ++i) {
      EXPECT_EQ(list[i].version, static_cast<int>(i + 1)) << engine_name(e);
      EXPECT_FALSE(list[i].name.empty());
      EXPECT_FALSE(list[i].sql.empty());
    }
    EXPECT_EQ(store::latest_schema_version(e), static_cast<int>(list.size()));
  }
}

TEST(MigrationLists, BothEnginesHaveTheSameMigrations) {
  const auto a = store::sqlite_migrations();
  const auto b = store::postgres_migrations();
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].version, b[i].version);
    EXPECT_EQ(a[i].name, b[i].name);
  }
}

class MigrationTest : public EngineTest {
 protected:
  int latest() const { return store::latest_schema_version(engine()); }

  // Brings a fresh database to `version` the way an older Sgwrs left it, so a migration can
  // be shown what it meets in the field.
  void migrate_to(Conn& c, int version) const {
    c.exec_script(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
        "name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
    const auto list =
        engine() == Engine::sqlite ? store::sqlite_migrations() : store::postgres_migrations();
    for (int n = 1; n <= version; ++n) {
      c.exec_script(list[n - 1].sql);
      c.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'x', 0)",
             {std::int64_t{n}});
    }
  }
};

TEST_P(MigrationTest, FreshDatabaseIsAtVersionZero) {
  EXPECT_EQ(store::current_schema_version(db()), 0);
}

TEST_P(MigrationTest, AppliesEverythingOnceThenNothing) {
  EXPECT_EQ(store::migrate(db()), latest());
  EXPECT_EQ(store::current_schema_version(db()), latest());
  EXPECT_EQ(store::migrate(db()), 0);
  EXPECT_EQ(store::migrate(db()), 0);
  EXPECT_EQ(store::current_schema_version(db()), latest());
  // Another node opening the same database finds nothing to do either.
  auto other = open_another();
  EXPECT_EQ(store::migrate(*other), 0);
  // One row per migration, named.
  db().transact(TxMode::read, [&](Conn& c) {
    auto rows = c.query("SELECT version, name FROM schema_migrations ORDER BY version");
    ASSERT_EQ(rows.size(), static_cast<std::size_t>(latest()));
    EXPECT_EQ(rows[0].i64(0), 1);
    EXPECT_FALSE(rows[0].text(1).empty());
  });
}

TEST_P(MigrationTest, CreatesEveryTable) {
  store::migrate(db());
  db().transact(TxMode::read, [&](Conn& c) {
    for (const char* table : {"organisations", "services", "pods", "users", "sessions",
                              "auth_failures", "api_tokens", "audit_events", "schema_migrations"})
      EXPECT_NO_THROW(c.query(std::string("SELECT COUNT(*) FROM ") + table)) << table;
  });
}

// Migration 5 renames the trail's older action names; the trail stays append-only.
TEST_P(MigrationTest, AuditActionsFromBeforeMigrationFiveAreRenamedAndTheTrailStaysAppendOnly) {
  db().transact(TxMode::write, [&](Conn& c) {
    migrate_to(c, 4);
    for (const char* action : {"sign_in", "sign_out", "session_end", "token_auth", "csrf_refused",
                               "access_refused", "user.create"})
      c.exec(
          "INSERT INTO audit_events (at_ms, action, outcome, target_type, target_id, detail, "
          "address) VALUES (1, ?, 'ok', '', '', '', '')",
          {std::string(action)});
  });
  EXPECT_EQ(store::migrate(db()), latest() - 4);
  const auto actions = db().transact(TxMode::read, [](Conn& c) {
    std::vector<std::string> out;
    for (const auto& r : c.query("SELECT action FROM audit_events ORDER BY id"))
      out.push_back(r.text(0));
    return out;
  });
  EXPECT_EQ(actions, (std::vector<std::string>{"session.start", "session.end", "session.expire",
                                               "token.authenticate", "csrf.refuse", "access.refuse",
                                               "user.create"}));
  EXPECT_THROW(
      db().transact(TxMode::write,
                    [](Conn& c) { return c.exec("UPDATE audit_events SET outcome = 'x'"); }),
      StoreError);
  EXPECT_THROW(
      db().transact(TxMode::write, [](Conn& c) { return c.exec("DELETE FROM audit_events"); }),
      StoreError);
}

// Migration 6 gives reports the service kind ids; 7 turns the trail's milliseconds into the
// seconds every other table uses, and the trail stays append-only.
TEST_P(MigrationTest, OldServiceAreaIdsAndAuditMillisecondsAreMigrated) {
  db().transact(TxMode::write, [&](Conn& c) {
    migrate_to(c, 5);
    for (const char* area :
         {"community-services", "childrens-services", "housing", "integrated-front-door"})
      c.exec(
          "INSERT INTO followup_reports (title, file_name, format, language, organisation_name, "
          "service_area, report_date, year, group_size, body, imported_at) "
          "VALUES ('t', 'f.txt', 'txt', 'en', 'Org', ?, '2025-01-01', 2025, 6, 'b', 0)",
          {std::string(area)});
    c.exec(
        "INSERT INTO audit_events (at_ms, action, outcome, target_type, target_id, detail, "
        "address) VALUES (1700000123000, 'user.create', 'ok', '', '', '', '')");
  });
  EXPECT_EQ(store::migrate(db()), latest() - 5);
  const auto [areas, at] = db().transact(TxMode::read, [](Conn& c) {
    std::vector<std::string> out;
    for (const auto& r : c.query("SELECT service_area FROM followup_reports ORDER BY id"))
      out.push_back(r.text(0));
    return std::pair{out, c.query("SELECT at FROM audit_events").at(0).i64(0)};
  });
  EXPECT_EQ(areas, (std::vector<std::string>{"community", "childrens_services", "housing",
                                             "integrated_front_door"}));
  EXPECT_EQ(at, 1700000123);
  EXPECT_THROW(db().transact(TxMode::write,
                             [](Conn& c) { return c.exec("UPDATE audit_events SET at = 0"); }),
               StoreError);
}

TEST_P(MigrationTest, RefusesADatabaseFromANewerSgwrs) {
  store::migrate(db());
  const int newer = latest() + 1;
  db().transact(TxMode::write, [&](Conn& c) {
    c.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
           {std::int64_t{newer}, std::string("from the future"), std::int64_t{0}});
  });
  try {
    store::migrate(db());
    FAIL() << "migrate() accepted a schema newer than it knows";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind, StoreError::Kind::schema);
    EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
  }
  // Refused without touching anything; an older binary on another node refuses too.
  EXPECT_EQ(store::current_schema_version(db()), newer);
  auto other = open_another();
  EXPECT_THROW(store::migrate(*other), StoreError);
}

TEST_P(MigrationTest, NodesStartingTogetherApplyEachMigrationOnce) {
  constexpr int kNodes = 3;
  std::vector<std::unique_ptr<store::Db>> nodes;
  for (int i = 0; i < kNodes; ++i) nodes.push_back(open_another(1));
  std::atomic<int> applied{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (auto& n : nodes)
    threads.emplace_back([&, db = n.get()] {
      try {
        applied += store::migrate(*db);
      } catch (const std::exception& e) {
        ADD_FAILURE() << e.what();
        ++failures;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(applied.load(), latest());
  EXPECT_EQ(store::current_schema_version(db()), latest());
}

INSTANTIATE_TEST_SUITE_P(Engines, MigrationTest, kBothEngines, EngineName());

}  // namespace
}  // namespace sgwrs::test
