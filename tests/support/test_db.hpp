#pragma once
// Fresh databases for tests, on either engine.
//
// SQLite: a new file in a new temporary directory per test.
// PostgreSQL: a new database (CREATE DATABASE sgwrs_t_<random>) per test on the server named
// by SGWRS_TEST_PG_URL, made through SGWRS_TEST_PG_ADMIN_URL (falling back to the former) and
// dropped afterwards, so tests are independent and can be re-run. scripts/with-test-postgres
// sets both variables. Without them the PostgreSQL cases fail, unless SGWRS_ALLOW_NO_PG=1, in
// which case they are skipped.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>

#include "store/core/db.hpp"

namespace sgwrs::store {
// So that GoogleTest names the parameter in failure messages instead of dumping bytes.
inline void PrintTo(Engine e, std::ostream* os) {
  *os << (e == Engine::sqlite ? "sqlite" : "postgres");
}
}  // namespace sgwrs::store

namespace sgwrs::test {

std::string engine_name(store::Engine e);

// Names parameterised instances "sqlite" and "postgres".
struct EngineName {
  std::string operator()(const ::testing::TestParamInfo<store::Engine>& info) const {
    return engine_name(info.param);
  }
};

// Use as: INSTANTIATE_TEST_SUITE_P(Engines, MyTest, test::kBothEngines, test::EngineName());
inline const auto kBothEngines = ::testing::Values(store::Engine::sqlite, store::Engine::postgres);

// A new directory under the system temporary directory, removed with its contents.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Runs one SQL command over libpq outside any repository code; throws std::runtime_error.
void pg_admin_exec(const std::string& url, const std::string& sql);

// A new, empty PostgreSQL database, dropped (WITH (FORCE)) on destruction.
class PgScratchDb {
 public:
  // Throws std::runtime_error explaining what failed.
  PgScratchDb(const std::string& base_url, const std::string& admin_url);
  ~PgScratchDb();
  PgScratchDb(const PgScratchDb&) = delete;
  PgScratchDb& operator=(const PgScratchDb&) = delete;
  const std::string& name() const { return name_; }
  const std::string& url() const { return url_; }

 private:
  std::string admin_url_;
  std::string name_;
  std::string url_;
};

// Where the PostgreSQL test server is; empty when SGWRS_TEST_PG_URL is unset.
std::string pg_test_url();
std::string pg_admin_url();
bool pg_may_be_missing();  // SGWRS_ALLOW_NO_PG=1
extern const char* const kPgMissingMessage;

// A fresh, empty (not migrated) database of the engine under test, opened as db().
class EngineTest : public ::testing::TestWithParam<store::Engine> {
 protected:
  void SetUp() override;
  void TearDown() override;

  store::Engine engine() const { return GetParam(); }
  store::Db& db() { return *db_; }
  // The URL this test's database opens with (sqlite:PATH or postgresql://…).
  const std::string& url() const { return url_; }
  // Another independent Db on the same database (as a second node would have).
  std::unique_ptr<store::Db> open_another(int pool_size = 2) const;

  static constexpr int kPoolSize = 4;

 private:
  std::unique_ptr<TempDir> dir_;
  std::unique_ptr<PgScratchDb> pg_;
  std::string url_;
  std::unique_ptr<store::Db> db_;
};

}  // namespace sgwrs::test
