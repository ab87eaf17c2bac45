#include "support/test_db.hpp"

#include <libpq-fe.h>
#include <stdlib.h>

#include <fmt/format.h>

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <cstdlib>
#include <random>
#include <stdexcept>
#include <system_error>

namespace sgwrs::test {

std::string engine_name(store::Engine e) {
  return e == store::Engine::sqlite ? "sqlite" : "postgres";
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "sgwrs-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data()))
    throw std::system_error(errno, std::generic_category(), "mkdtemp " + tmpl);
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void pg_admin_exec(const std::string& url, const std::string& sql) {
  PGconn* c = PQconnectdb(url.c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(c);
    PQfinish(c);
    throw std::runtime_error("cannot connect to the PostgreSQL test server: " + msg);
  }
  PGresult* r = PQexec(c, sql.c_str());
  const auto st = PQresultStatus(r);
  std::string msg = PQresultErrorMessage(r);
  PQclear(r);
  PQfinish(c);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
    throw std::runtime_error(fmt::format("`{}` failed: {}", sql, msg));
}

namespace {

std::string random_suffix() {
  static thread_local std::mt19937_64 gen{std::random_device{}()};
  return fmt::format("{:016x}", gen());
}

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

}  // namespace

PgScratchDb::PgScratchDb(const std::string& base_url, const std::string& admin_url)
    : admin_url_(admin_url), name_("sgwrs_t_" + random_suffix()) {
  auto parsed = boost::urls::parse_uri(base_url);
  if (!parsed) throw std::runtime_error("SGWRS_TEST_PG_URL is not a URL: " + base_url);
  boost::urls::url u(*parsed);
  u.set_path("/" + name_);
  url_ = std::string(u.buffer());
  pg_admin_exec(admin_url_, fmt::format("CREATE DATABASE {} ENCODING 'UTF8'", name_));
}

PgScratchDb::~PgScratchDb() {
  try {
    pg_admin_exec(admin_url_, fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", name_));
  } catch (const std::exception& e) {
    ADD_FAILURE() << "could not drop scratch database " << name_ << ": " << e.what();
  }
}

std::string pg_test_url() {
  return env("SGWRS_TEST_PG_URL");
}

std::string pg_admin_url() {
  auto admin = env("SGWRS_TEST_PG_ADMIN_URL");
  return admin.empty() ? pg_test_url() : admin;
}

bool pg_may_be_missing() {
  return env("SGWRS_ALLOW_NO_PG") == "1";
}

const char* const kPgMissingMessage =
    "SGWRS_TEST_PG_URL is not set, so the PostgreSQL cases cannot run. Run the tests through "
    "scripts/with-test-postgres (e.g. scripts/with-test-postgres ctest --test-dir build-tests), "
    "or set SGWRS_ALLOW_NO_PG=1 to skip them knowingly.";

void EngineTest::SetUp() {
  if (engine() == store::Engine::sqlite) {
    dir_ = std::make_unique<TempDir>();
    url_ = "sqlite:" + (dir_->path() / "sgwrs.db").string();
  } else {
    const std::string base = pg_test_url();
    if (base.empty()) {
      if (pg_may_be_missing()) GTEST_SKIP() << kPgMissingMessage;
      FAIL() << kPgMissingMessage;
    }
    pg_ = std::make_unique<PgScratchDb>(base, pg_admin_url());
    url_ = pg_->url();
  }
  db_ = store::open_db(url_, store::DbOptions{kPoolSize});
}

void EngineTest::TearDown() {
  db_.reset();  // closes every pooled connection before the database is dropped
  pg_.reset();
  dir_.reset();
}

std::unique_ptr<store::Db> EngineTest::open_another(int pool_size) const {
  return store::open_db(url_, store::DbOptions{pool_size});
}

}  // namespace sgwrs::test
