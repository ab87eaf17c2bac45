// The engines themselves: opening, settings, value round trips and error kinds.
#include <gtest/gtest.h>

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <functional>
#include <string>

#include "store/core/db.hpp"
#include "store/core/migrations.hpp"
#include "support/test_db.hpp"

namespace sgwrs::test {
namespace {

using store::Conn;
using store::StoreError;
using store::TxMode;

std::string pragma(Conn& c, const std::string& name) {
  return c.query("PRAGMA " + name).at(0).text(0);
}

void expect_durable_settings(Conn& c) {
  EXPECT_EQ(pragma(c, "journal_mode"), "wal");
  EXPECT_EQ(pragma(c, "synchronous"), "2");  // FULL
  EXPECT_EQ(pragma(c, "foreign_keys"), "1");
  EXPECT_EQ(pragma(c, "busy_timeout"), "5000");
}

TEST(SqliteEngine, EveryPooledConnectionIsDurableWithForeignKeys) {
  TempDir dir;
  auto db = store::open_db("sqlite:" + (dir.path() / "pragmas.db").string(), store::DbOptions{3});
  ASSERT_EQ(db->engine(), store::Engine::sqlite);
  // Nested transactions hold three connections at once, so each of them is checked.
  int checked = 0;
  db->transact(TxMode::read, [&](Conn& a) {
    expect_durable_settings(a);
    ++checked;
    db->transact(TxMode::read, [&](Conn& b) {
      EXPECT_NE(&a, &b);
      expect_durable_settings(b);
      ++checked;
      db->transact(TxMode::read, [&](Conn& c) {
        EXPECT_NE(&b, &c);
        expect_durable_settings(c);
        ++checked;
      });
    });
  });
  EXPECT_EQ(checked, 3);
}

TEST(SqliteEngine, OpensBarePathsAndSqliteUrls) {
  TempDir dir;
  const auto path = (dir.path() / "same.db").string();
  {
    auto db = store::open_db(path);
    EXPECT_TRUE(db->ping());
    EXPECT_NE(db->describe().find(path), std::string::npos) << db->describe();
    store::migrate(*db);
  }
  auto again = store::open_db("sqlite:" + path);
  EXPECT_EQ(store::current_schema_version(*again),
            store::latest_schema_version(store::Engine::sqlite));
}

TEST(SqliteEngine, UnopenablePathIsUnavailable) {
  try {
    store::open_db("sqlite:/nonexistent-directory-for-sgwrs-tests/x.db");
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind, StoreError::Kind::unavailable) << e.what();
  }
}

TEST(PostgresEngine, UnreachableServerIsUnavailable) {
  try {
    store::open_db("postgresql://sgwrs@127.0.0.1:1/nowhere?connect_timeout=5");
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind, StoreError::Kind::unavailable) << e.what();
  }
}

class EngineBasicsTest : public EngineTest {};

TEST_P(EngineBasicsTest, PingsAndNamesItsEngine) {
  EXPECT_TRUE(db().ping());
  EXPECT_EQ(db().engine(), engine());
  db().transact(TxMode::read, [&](Conn& c) { EXPECT_EQ(c.engine(), engine()); });
  EXPECT_FALSE(db().describe().empty());
}

TEST_P(EngineBasicsTest, DescriptionIsFitForLogs) {
  if (engine() == store::Engine::sqlite) {
    EXPECT_EQ(db().describe().rfind("SQLite ", 0), 0u) << db().describe();
    EXPECT_NE(db().describe().find("sgwrs.db"), std::string::npos) << db().describe();
    return;
  }
  // PostgreSQL: never the password.
  // The test server trusts local connections, so any password gets in.
  boost::urls::url u(*boost::urls::parse_uri(url()));
  u.set_password("s3cret-Pa55");
  auto db = store::open_db(std::string(u.buffer()), store::DbOptions{1});
  EXPECT_TRUE(db->ping());
  EXPECT_EQ(db->describe().find("s3cret"), std::string::npos) << db->describe();
  EXPECT_NE(db->describe().find("127.0.0.1"), std::string::npos) << db->describe();
}

TEST_P(EngineBasicsTest, RowsReportNullsIntegersAndText) {
  db().transact(TxMode::read, [&](Conn& c) {
    auto rows = c.query("SELECT NULL, 42, 'x', -7");
    ASSERT_EQ(rows.size(), 1u);
    const auto& r = rows[0];
    EXPECT_TRUE(r.is_null(0));
    EXPECT_FALSE(r.opt_i64(0).has_value());
    EXPECT_THROW(r.text(0), StoreError);
    EXPECT_EQ(r.i64(1), 42);
    EXPECT_EQ(r.opt_i64(1), 42);
    EXPECT_EQ(r.text(2), "x");
    EXPECT_EQ(r.i64(3), -7);
  });
}

TEST_P(EngineBasicsTest, BoundValuesRoundTrip) {
  const std::string welsh =
      "Cyngor Sir Ynys M\xC3\xB4n \xE2\x80\x94 d\xC5\xB5r, t\xC5\xB7 \xF0\x9F\x8F\xB4";
  const std::int64_t big = 9'007'199'254'740'993;  // beyond a double's exact integers
  db().transact(TxMode::read, [&](Conn& c) {
    auto rows = c.query(
        "SELECT CAST(? AS TEXT), CAST(? AS BIGINT), CAST(? AS BIGINT), "
        "CAST(? AS TEXT)",
        {welsh, big, std::int64_t{-big}, store::null_value()});
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].text(0), welsh);
    EXPECT_EQ(rows[0].i64(1), big);
    EXPECT_EQ(rows[0].i64(2), -big);
    EXPECT_TRUE(rows[0].is_null(3));
  });
}

TEST_P(EngineBasicsTest, QuestionMarksInLiteralsAreNotParameters) {
  db().transact(TxMode::read, [&](Conn& c) {
    auto rows = c.query("SELECT '?', CAST(? AS TEXT), 'it''s ?'", {std::string("bound")});
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].text(0), "?");
    EXPECT_EQ(rows[0].text(1), "bound");
    EXPECT_EQ(rows[0].text(2), "it's ?");
  });
}

TEST_P(EngineBasicsTest, PreparedStatementsAreReusedWithNewValues) {
  db().transact(TxMode::read, [&](Conn& c) {
    for (std::int64_t i = 0; i < 20; ++i)
      EXPECT_EQ(c.query("SELECT CAST(? AS BIGINT) + 1", {i}).at(0).i64(0), i + 1);
  });
}

TEST_P(EngineBasicsTest, ErrorsHaveKinds) {
  store::migrate(db());
  try {
    db().transact(TxMode::write, [&](Conn& c) {
      c.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, 'dup', 0)");
    });
    FAIL() << "expected a unique violation";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind, StoreError::Kind::unique_violation) << e.what();
  }
  try {
    db().transact(TxMode::read, [&](Conn& c) { c.query("SELECT * FROM no_such_table"); });
    FAIL() << "expected an error";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind, StoreError::Kind::other) << e.what();
  }
  // The engine is still usable afterwards: the failed transactions were rolled back.
  EXPECT_TRUE(db().ping());
  EXPECT_EQ(store::current_schema_version(db()), store::latest_schema_version(engine()));
}

INSTANTIATE_TEST_SUITE_P(Engines, EngineBasicsTest, kBothEngines, EngineName());

// ---- PostgreSQL only -------------------------------------------------------------------

class PostgresReconnectTest : public EngineTest {};

TEST_P(PostgresReconnectTest, DroppedConnectionsAreReopenedOnNextUse) {
  store::migrate(db());
  const auto name = db().transact(
      TxMode::read, [&](Conn& c) { return c.query("SELECT current_database()").at(0).text(0); });
  // As a server restart or failover would: every connection of this database is cut.
  pg_admin_exec(pg_admin_url(),
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name +
                    "' AND pid <> pg_backend_pid()");
  int failures = 0;
  for (int i = 0; i < 3 * kPoolSize; ++i) {
    try {
      db().transact(TxMode::read, [&](Conn& c) { c.query("SELECT 1"); });
    } catch (const StoreError& e) {
      EXPECT_EQ(e.kind, StoreError::Kind::unavailable) << e.what();
      ++failures;
    }
  }
  // Each pooled connection fails at most once (the request that finds it cut), then is
  // re-opened; after that everything works, writes included.
  EXPECT_LE(failures, kPoolSize);
  EXPECT_EQ(store::migrate(db()), 0);
  EXPECT_TRUE(db().ping());
}

INSTANTIATE_TEST_SUITE_P(Postgres, PostgresReconnectTest,
                         ::testing::Values(store::Engine::postgres), EngineName());

// ---- Regressions -------------------------------------------------------------------------

// Was a bug (sqlite_db.cpp, SqliteDb::run): SQLite rolls a transaction back by itself after
// SQLITE_FULL (also IOERR, BUSY, NOMEM); the unconditional "ROLLBACK" in the catch block
// then throws "cannot rollback - no transaction is active" (kind other), which replaces
// the real error (disk full, kind unavailable).
TEST(SqliteEngine, DiskFullKeepsItsErrorKind) {
  TempDir dir;
  auto db = store::open_db("sqlite:" + (dir.path() / "full.db").string(), store::DbOptions{1});
  store::migrate(*db);
  try {
    db->transact(TxMode::write, [&](Conn& c) {
      c.exec_script("PRAGMA max_page_count = 30");  // a tiny "disk" for this connection
      for (int i = 0; i < 1000; ++i)
        c.exec("INSERT INTO auth_failures (key, failures, window_start) VALUES (?, 0, 0)",
               {std::to_string(i) + std::string(10000, 'x')});
    });
    FAIL() << "expected the database to fill up";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind, StoreError::Kind::unavailable) << e.what();
    EXPECT_EQ(std::string(e.what()).find("cannot rollback"), std::string::npos) << e.what();
  }
  db->transact(TxMode::write,
               [&](Conn& c) { c.exec_script("PRAGMA max_page_count = 1073741823"); });
  EXPECT_TRUE(db->ping());
}

}  // namespace
}  // namespace sgwrs::test
