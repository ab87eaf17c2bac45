// Migration 10: agreed actions with their progress checked together, and support decisions
// with the outcomes they serve. Progress and decisions are appended, never changed.
#include "store/core/migrations.hpp"

namespace sgwrs::store {
namespace {

constexpr std::string_view k010 = R"sql(
CREATE TABLE agreed_actions (
  id @ID@,
  family_id BIGINT NOT NULL REFERENCES families(id),
  what TEXT NOT NULL,
  owner TEXT NOT NULL,
  who TEXT NOT NULL DEFAULT '',
  person_id BIGINT REFERENCES people(id),
  by_when TEXT NOT NULL DEFAULT '',
  outcome_id BIGINT REFERENCES outcomes(id),
  version BIGINT NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX agreed_actions_by_family ON agreed_actions (family_id, id);
CREATE TABLE action_progress (
  id @ID@,
  action_id BIGINT NOT NULL REFERENCES agreed_actions(id),
  checked_on TEXT NOT NULL,
  state TEXT NOT NULL,
  their_words TEXT NOT NULL DEFAULT '',
  recorded_by BIGINT REFERENCES users(id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX action_progress_by_action ON action_progress (action_id, id);
CREATE TABLE support_decisions (
  id @ID@,
  family_id BIGINT NOT NULL REFERENCES families(id),
  person_id BIGINT REFERENCES people(id),
  decided_on TEXT NOT NULL,
  kind TEXT NOT NULL,
  reason TEXT NOT NULL,
  recorded_by BIGINT REFERENCES users(id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX support_decisions_by_family ON support_decisions (family_id, decided_on, id);
CREATE TABLE support_decision_outcomes (
  decision_id BIGINT NOT NULL REFERENCES support_decisions(id),
  outcome_id BIGINT NOT NULL REFERENCES outcomes(id),
  PRIMARY KEY (decision_id, outcome_id)
);
)sql";

}  // namespace

std::string_view migration_010(Engine e) {
  return for_engine<k010>(e);
}

}  // namespace sgwrs::store
