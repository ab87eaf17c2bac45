#include "store/core/migrations.hpp"

#include <fmt/format.h>

#include <array>
#include <ctime>

namespace sgwrs::store {

namespace {

template <Engine E>
std::span<const Migration> migrations() {
  static const std::array kMigrations = {
      Migration{1, "organisations, staff, sessions, tokens, audit", migration_001(E)},
      Migration{2, "follow-up reports, codebook, codings, suggestions, findings", migration_002(E)},
      Migration{3, "active staff counted from an index", migration_003(E)},
      Migration{4, "tokens expire and end with their owner's password", migration_004(E)},
      Migration{5, "audit actions named noun.verb", migration_005(E)},
      Migration{6, "one list of service kinds for services and reports", migration_006(E)},
      Migration{7, "audit trail time in seconds like every other time", migration_007(E)},
  };
  return kMigrations;
}

}  // namespace

std::span<const Migration> sqlite_migrations() {
  return migrations<Engine::sqlite>();
}
std::span<const Migration> postgres_migrations() {
  return migrations<Engine::postgres>();
}

namespace {

std::span<const Migration> for_engine(Engine e) {
  return e == Engine::sqlite ? sqlite_migrations() : postgres_migrations();
}

constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
    "name TEXT NOT NULL, applied_at BIGINT NOT NULL)";

int read_version(Conn& c) {
  auto rows = c.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  return static_cast<int>(rows.at(0).i64(0));
}

}  // namespace

int latest_schema_version(Engine e) {
  return for_engine(e).back().version;
}

int current_schema_version(Db& db) {
  return db.transact(TxMode::write, [](Conn& c) {
    c.exec_script(kCreateTable);
    return read_version(c);
  });
}

int migrate(Db& db) {
  const auto all = for_engine(db.engine());
  return db.transact(TxMode::write, [&](Conn& c) {
    // Several nodes may start at once: on PostgreSQL an advisory lock serialises them;
    // SQLite's BEGIN IMMEDIATE already has.
    if (c.engine() == Engine::postgres) c.query("SELECT pg_advisory_xact_lock(74957277)");
    c.exec_script(kCreateTable);
    const int current = read_version(c);
    const int latest = all.back().version;
    if (current > latest)
      throw StoreError(StoreError::Kind::schema,
                       fmt::format("the database is at schema version {}, newer than this Sgwrs "
                                   "understands (up to {}); run a newer Sgwrs or restore a backup",
                                   current, latest));
    int applied = 0;
    for (const auto& m : all) {
      if (m.version <= current) continue;
      c.exec_script(m.sql);
      c.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
             {std::int64_t{m.version}, std::string(m.name),
              std::int64_t{static_cast<std::int64_t>(std::time(nullptr))}});
      ++applied;
    }
    return applied;
  });
}

}  // namespace sgwrs::store
