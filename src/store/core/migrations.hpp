#pragma once
// Numbered schema migrations, one list per engine, applied in order inside transactions.
#include <span>
#include <string>
#include <string_view>

#include "store/core/db.hpp"

namespace sgwrs::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

std::span<const Migration> sqlite_migrations();
std::span<const Migration> postgres_migrations();
// Each migration's text for an engine: one file per number in store/migrations/. Append
// new ones (and add them to the lists in migrations.cpp); never edit one that has shipped.
std::string_view migration_001(Engine e);
std::string_view migration_002(Engine e);
std::string_view migration_003(Engine e);
std::string_view migration_004(Engine e);
std::string_view migration_005(Engine e);
std::string_view migration_006(Engine e);
std::string_view migration_007(Engine e);
std::string_view migration_008(Engine e);
std::string_view migration_009(Engine e);
std::string_view migration_010(Engine e);
std::string_view migration_011(Engine e);
std::string_view migration_012(Engine e);
std::string_view migration_013(Engine e);
std::string_view migration_014(Engine e);
std::string_view migration_015(Engine e);
std::string_view migration_016(Engine e);
std::string_view migration_017(Engine e);
std::string_view migration_018(Engine e);

// A migration's text for one engine, from text written once: @ID@ becomes the engine's
// identity primary key, @BYTES@ the collation that compares text as bytes (SQLite's
// default BINARY; PostgreSQL's "C", whatever the server's locale).
std::string for_engine(std::string_view sql, Engine e);

// The same for a migration's text held in a constant: each engine's text is made once, on
// first use, and kept.
template <const std::string_view& Sql>
std::string_view for_engine(Engine e) {
  static const std::string sqlite = for_engine(Sql, Engine::sqlite);
  static const std::string postgres = for_engine(Sql, Engine::postgres);
  return e == Engine::sqlite ? sqlite : postgres;
}

int latest_schema_version(Engine e);
int current_schema_version(Db& db);

// Applies what is missing; returns how many were applied. Throws StoreError (schema) when
// the database was written by a newer Sgwrs than this one.
int migrate(Db& db);

}  // namespace sgwrs::store
