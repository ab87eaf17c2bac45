// Migration 5: audit actions all named noun.verb. The trail's older lines are renamed so one
// action has one name however old the line; what happened, when and by whom is untouched.
// The append-only guard is lifted for this statement only, inside the migration's
// transaction.
#include "store/core/migrations.hpp"

namespace sgwrs::store {
namespace {

#define SGWRS_RENAME_ACTIONS                                                              \
  "UPDATE audit_events SET action = CASE action "                                         \
  "WHEN 'sign_in' THEN 'session.start' "                                                  \
  "WHEN 'sign_out' THEN 'session.end' "                                                   \
  "WHEN 'session_end' THEN 'session.expire' "                                             \
  "WHEN 'token_auth' THEN 'token.authenticate' "                                          \
  "WHEN 'csrf_refused' THEN 'csrf.refuse' "                                               \
  "WHEN 'access_refused' THEN 'access.refuse' END "                                       \
  "WHERE action IN ('sign_in', 'sign_out', 'session_end', 'token_auth', 'csrf_refused', " \
  "'access_refused');\n"

constexpr std::string_view kSqlite =
    "DROP TRIGGER audit_events_no_update;\n" SGWRS_RENAME_ACTIONS
    "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events\n"
    "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;\n";

constexpr std::string_view kPostgres =
    "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change;\n" SGWRS_RENAME_ACTIONS
    "ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change;\n";

#undef SGWRS_RENAME_ACTIONS

}  // namespace

std::string_view migration_005(Engine e) {
  return e == Engine::sqlite ? kSqlite : kPostgres;
}

}  // namespace sgwrs::store
