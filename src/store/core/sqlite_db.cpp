#include "store/core/sqlite_db.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

#include "domain/core/string_map.hpp"
#include "store/core/pool.hpp"

namespace sgwrs::store {
namespace {

constexpr int kBusyTimeoutMs = 5000;

// As much of the database as SQLite may map (its own ceiling on Linux is just under 2 GiB).
constexpr std::int64_t kMmapBytes = 2'147'418'112;

class SqliteConn final : public Conn {
 public:
  explicit SqliteConn(const std::string& path) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw StoreError(StoreError::Kind::unavailable,
                       fmt::format("cannot open SQLite database {}: {}", path, msg));
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    exec_script("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    // Read the file through a memory map. Every request writes an audit line, and in WAL mode
    // any commit makes every other connection drop its page cache at its next read, so
    // without the map each read copied its pages back in with pread (a third more searches
    // per second with it; docs/performance.md). The map is the OS page cache itself, shared and
    // reclaimable; it counts in RssFile, not in the server's own memory.
    exec_script(fmt::format("PRAGMA mmap_size={};", kMmapBytes));
    verify_settings();
  }
  ~SqliteConn() override {
    for (auto& [_, st] : stmts_) sqlite3_finalize(st);
    sqlite3_close(db_);
  }

  Rows query(std::string_view sql, const Params& params) override {
    sqlite3_stmt* st = prepare(sql, params);
    Rows rows;
    const int ncol = sqlite3_column_count(st);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      std::vector<std::optional<std::string>> cols;
      cols.reserve(ncol);
      for (int i = 0; i < ncol; ++i) {
        if (sqlite3_column_type(st, i) == SQLITE_NULL) {
          cols.emplace_back();
        } else {
          auto p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
          cols.emplace_back(std::string(p, sqlite3_column_bytes(st, i)));
        }
      }
      rows.emplace_back(std::move(cols));
    }
    finish(st, rc);
    return rows;
  }

  std::int64_t exec(std::string_view sql, const Params& params) override {
    sqlite3_stmt* st = prepare(sql, params);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    }
    finish(st, rc);
    return sqlite3_changes64(db_);
  }

  void exec_script(std::string_view sql) override {
    char* err = nullptr;
    const std::string s(sql);
    const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errstr(rc);
      sqlite3_free(err);
      throw error_for(rc, msg);
    }
  }

  Engine engine() const override { return Engine::sqlite; }

  // SQLite ends a transaction itself on some errors (SQLITE_FULL, SQLITE_IOERR, ...), and a
  // failed COMMIT (busy, disk full) leaves it open; callers ask before rolling back.
  bool in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

  // Rolls back whatever is open, never throwing: used on paths that already carry an error.
  void abandon() noexcept {
    if (in_transaction()) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    // Whatever a transaction of audit lines set, every other commit waits for the disk.
    sqlite3_exec(db_, "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr);
  }

 private:
  void verify_settings() {
    auto one = [&](const char* pragma) { return query(pragma, {}).at(0).text(0); };
    const std::string journal = one("PRAGMA journal_mode");
    const std::string sync = one("PRAGMA synchronous");
    const std::string fk = one("PRAGMA foreign_keys");
    const std::string busy = one("PRAGMA busy_timeout");
    if (journal != "wal" || sync != "2" || fk != "1" || busy != std::to_string(kBusyTimeoutMs))
      throw StoreError(StoreError::Kind::schema,
                       fmt::format("SQLite settings did not take effect (journal_mode={}, "
                                   "synchronous={}, foreign_keys={}, busy_timeout={}); "
                                   "Sgwrs will not run without durable, checked writes",
                                   journal, sync, fk, busy));
  }

  sqlite3_stmt* prepare(std::string_view sql, const Params& params) {
    auto it = stmts_.find(sql);
    sqlite3_stmt* st;
    if (it != stmts_.end()) {
      st = it->second;
    } else {
      const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                        SQLITE_PREPARE_PERSISTENT, &st, nullptr);
      if (rc != SQLITE_OK) throw error_for(rc, sqlite3_errmsg(db_));
      stmts_.emplace(std::string(sql), st);
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    for (size_t i = 0; i < params.size(); ++i) {
      const int idx = static_cast<int>(i + 1);
      if (auto* n = std::get_if<std::int64_t>(&params[i])) {
        sqlite3_bind_int64(st, idx, *n);
      } else if (auto* s = std::get_if<std::string>(&params[i])) {
        sqlite3_bind_text(st, idx, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
      } else {
        sqlite3_bind_null(st, idx);
      }
    }
    return st;
  }

  void finish(sqlite3_stmt* st, int rc) {
    if (rc != SQLITE_DONE) {
      std::string msg = sqlite3_errmsg(db_);
      sqlite3_reset(st);
      throw error_for(rc, msg);
    }
    sqlite3_reset(st);
  }

  static StoreError error_for(int rc, const std::string& msg) {
    if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
      return StoreError(StoreError::Kind::unique_violation, msg);
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED || (rc & 0xff) == SQLITE_IOERR ||
        (rc & 0xff) == SQLITE_FULL)
      return StoreError(StoreError::Kind::unavailable, msg);
    return StoreError(StoreError::Kind::other, msg);
  }

  sqlite3* db_ = nullptr;
  StringMap<sqlite3_stmt*> stmts_;  // by SQL text, found without copying it
};

class SqliteDb final : public Db {
 public:
  SqliteDb(std::string path, const DbOptions& opts) : path_(std::move(path)) {
    for (int i = 0; i < std::max(1, opts.pool_size); ++i)
      pool_.put(std::make_unique<SqliteConn>(path_));
  }
  Engine engine() const override { return Engine::sqlite; }
  std::string describe() const override { return "SQLite " + path_; }
  bool ping() override {
    try {
      auto c = pool_.take();
      return c->query("SELECT 1", {}).size() == 1;
    } catch (const StoreError&) {
      return false;
    }
  }

 protected:
  void run(TxMode mode, const std::function<bool(Conn&)>& fn) override {
    auto c = pool_.take();
    if (mode == TxMode::single) {
      fn(*c);
      return;
    }
    // The audit of reads does not wait for the disk; the setting is back to FULL before the
    // connection goes back to the pool, whatever happens.
    const bool relaxed = mode == TxMode::audit;
    if (relaxed) c->exec("PRAGMA synchronous=NORMAL", {});
    // IMMEDIATE takes the write lock up front so a writer never fails half-way on upgrade.
    try {
      c->exec(mode == TxMode::read ? "BEGIN" : "BEGIN IMMEDIATE", {});
      const bool commit = fn(*c);
      c->exec(commit ? "COMMIT" : "ROLLBACK", {});
      if (relaxed) c->exec("PRAGMA synchronous=FULL", {});
    } catch (...) {
      // Covers a failing body and a failing COMMIT alike: the pooled connection must go
      // back with no transaction open, or the next caller would silently join this one.
      c->abandon();
      throw;
    }
  }

 private:
  std::string path_;
  Pool<SqliteConn> pool_;
};

}  // namespace

std::unique_ptr<Db> open_sqlite(const std::string& path, const DbOptions& opts) {
  return std::make_unique<SqliteDb>(path, opts);
}

}  // namespace sgwrs::store
