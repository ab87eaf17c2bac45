#include "store/core/postgres_db.hpp"

#include <libpq-fe.h>

#include <fmt/format.h>

#include <boost/url/parse.hpp>
#include <cstring>

#include "domain/core/string_map.hpp"
#include "store/core/pool.hpp"

namespace sgwrs::store {

std::string to_postgres_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  bool in_quote = false;
  for (char c : sql) {
    if (c == '\'') in_quote = !in_quote;
    if (c == '?' && !in_quote) {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

// Passwords never reach logs: describe a URL by host, port and database only.
std::string redact(const std::string& url) {
  auto u = boost::urls::parse_uri(url);
  if (!u) return "PostgreSQL (unparseable URL)";
  return fmt::format("PostgreSQL {}:{}{}", std::string(u->host()),
                     u->has_port() ? std::string(u->port()) : "5432", std::string(u->path()));
}

class PgConn final : public Conn {
 public:
  explicit PgConn(const std::string& url) : url_(url) { connect(); }
  ~PgConn() override { PQfinish(pg_); }

  Rows query(std::string_view sql, const Params& params) override {
    PGresult* r = run(sql, params);
    Rows rows;
    const int nrows = PQntuples(r), ncols = PQnfields(r);
    rows.reserve(nrows);
    for (int i = 0; i < nrows; ++i) {
      std::vector<std::optional<std::string>> cols;
      cols.reserve(ncols);
      for (int j = 0; j < ncols; ++j) {
        if (PQgetisnull(r, i, j))
          cols.emplace_back();
        else
          cols.emplace_back(std::string(PQgetvalue(r, i, j), PQgetlength(r, i, j)));
      }
      rows.emplace_back(std::move(cols));
    }
    PQclear(r);
    return rows;
  }

  std::int64_t exec(std::string_view sql, const Params& params) override {
    PGresult* r = run(sql, params);
    const char* n = PQcmdTuples(r);
    std::int64_t changed = (n && *n) ? std::stoll(n) : 0;
    PQclear(r);
    return changed;
  }

  void exec_script(std::string_view sql) override {
    ensure_connected();
    PGresult* r = PQexec(pg_, std::string(sql).c_str());
    check(r);
    PQclear(r);
  }

  Engine engine() const override { return Engine::postgres; }

  // Transaction boundaries go through these so the connection knows whether a lost link
  // may be silently re-opened (between transactions) or must fail the work (inside one:
  // statements after a reconnect would run outside the transaction the caller opened).
  void begin(TxMode mode) {
    exec_script(mode == TxMode::read    ? "BEGIN READ ONLY"
                : mode == TxMode::audit ? "BEGIN; SET LOCAL synchronous_commit = off"
                                        : "BEGIN");
    in_tx_ = true;
  }
  void end(bool commit) {
    exec_script(commit ? "COMMIT" : "ROLLBACK");
    in_tx_ = false;
  }
  void abandon() noexcept {
    const bool was_in_tx = in_tx_;
    in_tx_ = false;
    if (!was_in_tx || !pg_ || PQstatus(pg_) != CONNECTION_OK) return;
    PGresult* r = PQexec(pg_, "ROLLBACK");
    PQclear(r);
  }

 private:
  void connect() {
    pg_ = PQconnectdb(url_.c_str());
    if (PQstatus(pg_) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(pg_);
      PQfinish(pg_);
      pg_ = nullptr;
      throw StoreError(StoreError::Kind::unavailable,
                       fmt::format("cannot connect to {}: {}", redact(url_), msg));
    }
    // Quieten notices (e.g. "relation already exists, skipping") from migrations.
    PQsetNoticeProcessor(
        pg_, [](void*, const char*) {}, nullptr);
    PQclear(PQexec(pg_, "SET client_min_messages TO warning"));
  }

  // A dropped connection (server restart, failover) is re-opened on next use.
  void ensure_connected() {
    if (pg_ && PQstatus(pg_) == CONNECTION_OK) return;
    if (in_tx_)
      throw StoreError(StoreError::Kind::unavailable,
                       "the PostgreSQL connection was lost during a transaction; nothing "
                       "from it was committed");
    PQfinish(pg_);
    pg_ = nullptr;
    prepared_.clear();
    connect();
  }

  PGresult* run(std::string_view sql, const Params& params) {
    ensure_connected();
    auto it = prepared_.find(sql);
    if (it == prepared_.end()) {
      const std::string name = "s" + std::to_string(prepared_.size() + 1);
      const std::string pg_sql = to_postgres_placeholders(sql);
      PGresult* p = PQprepare(pg_, name.c_str(), pg_sql.c_str(), 0, nullptr);
      check(p);
      PQclear(p);
      it = prepared_.emplace(std::string(sql), name).first;
    }
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      if (auto* n = std::get_if<std::int64_t>(&params[i])) {
        texts[i] = std::to_string(*n);
        values[i] = texts[i].c_str();
      } else if (auto* s = std::get_if<std::string>(&params[i])) {
        values[i] = s->c_str();
      }
    }
    PGresult* r = PQexecPrepared(pg_, it->second.c_str(), static_cast<int>(params.size()),
                                 values.data(), nullptr, nullptr, 0);
    check(r);
    return r;
  }

  void check(PGresult* r) {
    const auto st = PQresultStatus(r);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return;
    const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    std::string msg = PQresultErrorMessage(r);
    std::string code = state ? state : "";
    PQclear(r);
    if (code == "23505") throw StoreError(StoreError::Kind::unique_violation, msg);
    if (PQstatus(pg_) != CONNECTION_OK || code.rfind("08", 0) == 0 || code.rfind("57P", 0) == 0)
      throw StoreError(StoreError::Kind::unavailable, msg);
    throw StoreError(StoreError::Kind::other, msg);
  }

  std::string url_;
  bool in_tx_ = false;
  PGconn* pg_ = nullptr;
  StringMap<std::string> prepared_;  // by SQL text, found without copying it
};

class PostgresDb final : public Db {
 public:
  PostgresDb(std::string url, const DbOptions& opts) : url_(std::move(url)) {
    for (int i = 0; i < std::max(1, opts.pool_size); ++i) pool_.put(std::make_unique<PgConn>(url_));
  }
  Engine engine() const override { return Engine::postgres; }
  std::string describe() const override { return redact(url_); }
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
    c->begin(mode);
    try {
      const bool commit = fn(*c);
      c->end(commit);
    } catch (...) {
      // A lost connection is re-opened on next use, outside any transaction.
      c->abandon();
      throw;
    }
  }

 private:
  std::string url_;
  Pool<PgConn> pool_;
};

}  // namespace

std::unique_ptr<Db> open_postgres(const std::string& url, const DbOptions& opts) {
  return std::make_unique<PostgresDb>(url, opts);
}

}  // namespace sgwrs::store
