// Durable write rate of one small record: one audit event appended in its own write
// transaction through the Sgwrs store (`Db::transact` + `store::audit::append`), compared
// with the same INSERT done by the engine's own C API in its own transaction (prepared
// statements, no abstraction), on the same table definition and the same settings.
//
//   sgwrs_bench_store_writes [WRITES [SECONDS_PER_RUN]]
//
// WRITES (default 2000) is the number of transactions per run; a run also stops after
// SECONDS_PER_RUN (default 3) so the whole benchmark is bounded. Each variant runs 5 times,
// alternating store and raw; the medians are printed as
//
//   store_write sqlite sgwrs=1234/s raw=1300/s ratio=0.95
//
// SQLite uses temporary files in $SGWRS_BENCH_TMPDIR (or $TMPDIR, or /tmp), WAL and
// synchronous=FULL as the store sets them. PostgreSQL uses $SGWRS_BENCH_PG_URL and two
// private schemas (sgwrs_bench_store, sgwrs_bench_raw) that are dropped afterwards; it is
// skipped with a note when the variable is unset.
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench_stats.hpp"
#include "domain/audit/audit.hpp"
#include "store/audit/audit_store.hpp"
#include "store/core/db.hpp"
#include "store/core/migrations.hpp"

namespace fs = std::filesystem;
using namespace sgwrs;
using Clock = std::chrono::steady_clock;

using sgwrs::bench::median;
using sgwrs::bench::seconds_since;

namespace {

constexpr int kRepeats = 5;
constexpr int kWarmup = 20;

constexpr const char* kInsertSql =
    "INSERT INTO audit_events (at, actor_user_id, action, outcome, target_type, target_id, "
    "detail, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

struct Limits {
  int writes = 2000;
  double seconds = 3.0;
};

std::int64_t now_seconds() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

// The record written by both variants: a typical audit line of about 100 bytes.
AuditEvent make_event(std::int64_t i) {
  AuditEvent e;
  e.at = now_seconds();
  e.actor_user_id = 1;
  e.action = "user.update";
  e.outcome = "ok";
  e.target_type = "user";
  e.target_id = std::to_string(i);
  e.detail = R"({"field":"display_name","n":)" + std::to_string(i) + "}";
  e.address = "127.0.0.1";
  return e;
}

// Runs write(i) up to limits.writes times or until limits.seconds pass; returns writes/s.
double measure(const Limits& limits, const std::function<void(std::int64_t)>& write) {
  for (int i = 0; i < kWarmup; ++i) write(i);
  const auto start = Clock::now();
  const auto deadline = start + std::chrono::duration<double>(limits.seconds);
  std::int64_t done = 0;
  while (done < limits.writes) {
    write(done);
    ++done;
    if ((done & 15) == 0 && Clock::now() >= deadline) break;
  }
  const double secs = std::chrono::duration<double>(Clock::now() - start).count();
  return secs > 0 ? static_cast<double>(done) / secs : 0.0;
}

// Alternates store and raw runs so drift (page cache, other load) affects both alike.
void compare(const char* engine, const Limits& limits,
             const std::function<void(std::int64_t)>& store_write,
             const std::function<void(std::int64_t)>& raw_write) {
  std::vector<double> store_rates, raw_rates;
  for (int r = 0; r < kRepeats; ++r) {
    // Who goes first alternates too, so a trend within a pair favours neither.
    if (r % 2 == 0) {
      store_rates.push_back(measure(limits, store_write));
      raw_rates.push_back(measure(limits, raw_write));
    } else {
      raw_rates.push_back(measure(limits, raw_write));
      store_rates.push_back(measure(limits, store_write));
    }
    std::printf("# %s run %d: sgwrs=%.0f/s raw=%.0f/s\n", engine, r + 1, store_rates.back(),
                raw_rates.back());
    std::fflush(stdout);
  }
  const double s = median(store_rates), w = median(raw_rates);
  std::printf("store_write %s sgwrs=%.0f/s raw=%.0f/s ratio=%.2f\n", engine, s, w,
              w > 0 ? s / w : 0.0);
  std::fflush(stdout);
}

std::function<void(std::int64_t)> store_writer(store::Db& db) {
  return [&db](std::int64_t i) {
    const AuditEvent ev = make_event(i);
    db.transact(store::TxMode::write, [&](store::Conn& c) { store::audit::append(c, ev); });
  };
}

// ---- SQLite ---------------------------------------------------------------------------

class RawSqlite {
 public:
  explicit RawSqlite(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) !=
        SQLITE_OK)
      fail("open");
    sqlite3_busy_timeout(db_, 5000);
    exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    begin_ = prepare("BEGIN IMMEDIATE");
    insert_ = prepare(kInsertSql);
    commit_ = prepare("COMMIT");
  }
  ~RawSqlite() {
    sqlite3_finalize(begin_);
    sqlite3_finalize(insert_);
    sqlite3_finalize(commit_);
    sqlite3_close(db_);
  }
  RawSqlite(const RawSqlite&) = delete;
  RawSqlite& operator=(const RawSqlite&) = delete;

  void write(std::int64_t i) {
    const AuditEvent e = make_event(i);
    step_done(begin_);
    sqlite3_bind_int64(insert_, 1, e.at);
    sqlite3_bind_int64(insert_, 2, *e.actor_user_id);
    bind_text(3, e.action);
    bind_text(4, e.outcome);
    bind_text(5, e.target_type);
    bind_text(6, e.target_id);
    bind_text(7, e.detail);
    bind_text(8, e.address);
    if (sqlite3_step(insert_) != SQLITE_ROW) fail("insert");
    volatile std::int64_t id = sqlite3_column_int64(insert_, 0);
    (void)id;
    step_done(insert_);
    step_done(commit_);
  }

 private:
  void bind_text(int idx, const std::string& s) {
    sqlite3_bind_text(insert_, idx, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void step_done(sqlite3_stmt* st) {
    const int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) fail("step");
  }
  sqlite3_stmt* prepare(const char* sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK)
      fail("prepare");
    return st;
  }
  void exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail("exec");
  }
  [[noreturn]] void fail(const char* what) {
    throw std::runtime_error(std::string("raw sqlite ") + what + ": " +
                             (db_ ? sqlite3_errmsg(db_) : "out of memory"));
  }

  sqlite3* db_ = nullptr;
  sqlite3_stmt* begin_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
  sqlite3_stmt* commit_ = nullptr;
};

fs::path temp_dir() {
  for (const char* var : {"SGWRS_BENCH_TMPDIR", "TMPDIR"})
    if (const char* v = std::getenv(var); v && *v) return v;
  return "/tmp";
}

void bench_sqlite(const Limits& limits) {
  std::string pattern = (temp_dir() / "sgwrs-bench-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary directory");
  const fs::path dir = pattern;
  std::printf("# sqlite files in %s (WAL, synchronous=FULL)\n", dir.c_str());
  try {
    const std::string store_path = (dir / "store.db").string();
    const std::string raw_path = (dir / "raw.db").string();
    // The raw file gets the same schema from the same migrations, then the store lets go.
    {
      auto db = store::open_db("sqlite:" + raw_path);
      store::migrate(*db);
    }
    auto db = store::open_db("sqlite:" + store_path);
    store::migrate(*db);
    RawSqlite raw(raw_path);
    compare("sqlite", limits, store_writer(*db), [&](std::int64_t i) { raw.write(i); });
  } catch (...) {
    fs::remove_all(dir);
    throw;
  }
  fs::remove_all(dir);
}

// ---- PostgreSQL -----------------------------------------------------------------------

struct PgConnDeleter {
  void operator()(PGconn* c) const { PQfinish(c); }
};
using PgPtr = std::unique_ptr<PGconn, PgConnDeleter>;

PgPtr pg_connect(const std::string& url) {
  PgPtr c(PQconnectdb(url.c_str()));
  if (PQstatus(c.get()) != CONNECTION_OK)
    throw std::runtime_error(std::string("cannot connect to PostgreSQL: ") +
                             PQerrorMessage(c.get()));
  PQsetNoticeProcessor(
      c.get(), [](void*, const char*) {}, nullptr);
  return c;
}

void pg_exec(PGconn* c, const char* sql) {
  PGresult* r = PQexec(c, sql);
  const auto st = PQresultStatus(r);
  std::string msg = PQresultErrorMessage(r);
  PQclear(r);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
    throw std::runtime_error(std::string("PostgreSQL: ") + sql + ": " + msg);
}

std::string pg_show(PGconn* c, const char* setting) {
  PGresult* r = PQexec(c, (std::string("SHOW ") + setting).c_str());
  std::string v = PQresultStatus(r) == PGRES_TUPLES_OK ? PQgetvalue(r, 0, 0) : "?";
  PQclear(r);
  return v;
}

// The same URL with search_path pinned to one schema (libpq's `options`, percent-encoded).
std::string with_schema(const std::string& url, const std::string& schema) {
  const char sep = url.find('?') == std::string::npos ? '?' : '&';
  return url + sep + "options=-csearch_path%3D" + schema;
}

class RawPg {
 public:
  explicit RawPg(const std::string& url) : c_(pg_connect(url)) {
    std::string sql = kInsertSql;
    int n = 0;
    std::string pg_sql;
    for (char ch : sql) {
      if (ch == '?') {
        pg_sql += '$';
        pg_sql += std::to_string(++n);
      } else {
        pg_sql += ch;
      }
    }
    PGresult* r = PQprepare(c_.get(), "ins", pg_sql.c_str(), 0, nullptr);
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    std::string msg = PQresultErrorMessage(r);
    PQclear(r);
    if (!ok) throw std::runtime_error("raw PostgreSQL prepare: " + msg);
  }

  void write(std::int64_t i) {
    const AuditEvent e = make_event(i);
    const std::string at = std::to_string(e.at), actor = std::to_string(*e.actor_user_id);
    const char* values[8] = {at.c_str(),        actor.c_str(),         e.action.c_str(),
                             e.outcome.c_str(), e.target_type.c_str(), e.target_id.c_str(),
                             e.detail.c_str(),  e.address.c_str()};
    pg_exec(c_.get(), "BEGIN");
    PGresult* r = PQexecPrepared(c_.get(), "ins", 8, values, nullptr, nullptr, 0);
    const bool ok = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
    std::string msg = ok ? "" : PQresultErrorMessage(r);
    PQclear(r);
    if (!ok) {
      pg_exec(c_.get(), "ROLLBACK");
      throw std::runtime_error("raw PostgreSQL insert: " + msg);
    }
    pg_exec(c_.get(), "COMMIT");
  }

 private:
  PgPtr c_;
};

void bench_postgres(const Limits& limits, const std::string& url) {
  const std::string store_schema = "sgwrs_bench_store", raw_schema = "sgwrs_bench_raw";
  auto admin = pg_connect(url);
  std::printf("# postgresql server %s, fsync=%s, synchronous_commit=%s\n",
              pg_show(admin.get(), "server_version").c_str(), pg_show(admin.get(), "fsync").c_str(),
              pg_show(admin.get(), "synchronous_commit").c_str());
  auto drop = [&] {
    pg_exec(admin.get(), ("DROP SCHEMA IF EXISTS " + store_schema + " CASCADE").c_str());
    pg_exec(admin.get(), ("DROP SCHEMA IF EXISTS " + raw_schema + " CASCADE").c_str());
  };
  drop();
  pg_exec(admin.get(), ("CREATE SCHEMA " + store_schema).c_str());
  pg_exec(admin.get(), ("CREATE SCHEMA " + raw_schema).c_str());
  try {
    // Both schemas get the same tables from the store's own migrations.
    {
      auto db = store::open_db(with_schema(url, raw_schema));
      store::migrate(*db);
    }
    auto db = store::open_db(with_schema(url, store_schema));
    store::migrate(*db);
    RawPg raw(with_schema(url, raw_schema));
    compare("postgresql", limits, store_writer(*db), [&](std::int64_t i) { raw.write(i); });
  } catch (...) {
    try {
      drop();
    } catch (...) {
    }
    throw;
  }
  drop();
}

int parse_positive(const char* s, const char* what) {
  char* end = nullptr;
  const long v = std::strtol(s, &end, 10);
  if (!end || *end || v <= 0 || v > 100'000'000)
    throw std::invalid_argument(std::string("invalid ") + what + ": " + s);
  return static_cast<int>(v);
}

}  // namespace

int main(int argc, char** argv) {
  Limits limits;
  try {
    if (argc > 3 || (argc > 1 && std::string(argv[1]) == "--help")) {
      std::fprintf(stderr, "usage: %s [WRITES [SECONDS_PER_RUN]]\n", argv[0]);
      return 2;
    }
    if (argc > 1) limits.writes = parse_positive(argv[1], "WRITES");
    if (argc > 2) limits.seconds = parse_positive(argv[2], "SECONDS_PER_RUN");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  }
  std::printf("# %d writes per run (or %.0f s), %d runs each, one audit event per transaction\n",
              limits.writes, limits.seconds, kRepeats);

  int status = 0;
  try {
    bench_sqlite(limits);
  } catch (const std::exception& e) {
    std::printf("store_write sqlite FAILED: %s\n", e.what());
    status = 1;
  }

  const char* url = std::getenv("SGWRS_BENCH_PG_URL");
  if (!url || !*url) {
    std::printf("store_write postgresql skipped: SGWRS_BENCH_PG_URL is not set\n");
  } else {
    try {
      bench_postgres(limits, url);
    } catch (const std::exception& e) {
      std::printf("store_write postgresql FAILED: %s\n", e.what());
      status = 1;
    }
  }
  return status;
}
