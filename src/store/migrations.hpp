#pragma once
// Numbered schema migrations, one list per engine, applied in order inside transactions.
#include <span>
#include <string_view>

#include "store/db.hpp"

namespace sgwrs::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

std::span<const Migration> sqlite_migrations();
std::span<const Migration> postgres_migrations();
// Migration 2's text for an engine (schema_analysis.cpp).
std::string_view analysis_schema(Engine e);
// Migration 3, the same on both engines: the home page counts an organisation's active
// staff on every view, and with `disabled` in the index that count never reads the table.
// The old index's single column is this one's prefix, so it goes.
inline constexpr std::string_view kActiveStaffIndex =
    "CREATE INDEX users_by_org_active ON users (organisation_id, disabled);\n"
    "DROP INDEX users_by_org;\n";

// Migration 4, the same on both engines: tokens expire, and say why they ended. Tokens made
// before it get the default lifetime from their creation.
inline constexpr std::string_view kTokenLifetime =
    "ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;\n"
    "ALTER TABLE api_tokens ADD COLUMN revoked_reason TEXT;\n"
    "UPDATE api_tokens SET expires_at = created_at + 7776000;\n"
    "UPDATE api_tokens SET revoked_reason = 'revoked' WHERE revoked_at IS NOT NULL;\n";

int latest_schema_version(Engine e);
int current_schema_version(Db& db);

// Applies what is missing; returns how many were applied. Throws StoreError (schema) when
// the database was written by a newer Sgwrs than this one.
int migrate(Db& db);

}  // namespace sgwrs::store
