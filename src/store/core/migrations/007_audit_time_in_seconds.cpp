// Migration 7: one time unit. Every timestamp Sgwrs stores is Unix seconds, except the audit
// trail's, which was milliseconds (always a whole second: the clock is read in seconds, and
// order within a second is the id's). The column becomes `at`, in seconds. The append-only
// guard is lifted for this statement only, inside the migration's transaction.
#include "store/core/migrations.hpp"

namespace sgwrs::store {
namespace {

#define SGWRS_AUDIT_SECONDS                               \
  "ALTER TABLE audit_events RENAME COLUMN at_ms TO at;\n" \
  "UPDATE audit_events SET at = at / 1000;\n"

constexpr std::string_view kSqlite =
    "DROP TRIGGER audit_events_no_update;\n" SGWRS_AUDIT_SECONDS
    "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events\n"
    "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;\n";

constexpr std::string_view kPostgres =
    "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change;\n" SGWRS_AUDIT_SECONDS
    "ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change;\n";

#undef SGWRS_AUDIT_SECONDS

}  // namespace

std::string_view migration_007(Engine e) {
  return e == Engine::sqlite ? kSqlite : kPostgres;
}

}  // namespace sgwrs::store
