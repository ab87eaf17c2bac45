// Migration 8: the record of people and families (One Story): people and their name keys
// for search, families and their members, involvements with their dated statuses,
// break-glass access, conversations with who was there and what mattered in their words,
// and every version of each story. The same on both engines but for identity columns and
// the name keys' collation: search compares them as bytes (SQLite's BINARY, PostgreSQL's
// "C"), so a prefix range means the same on both whatever the server's locale.
#include "store/core/migrations.hpp"

namespace sgwrs::store {
namespace {

constexpr std::string_view k008 = R"sql(
CREATE TABLE people (
  id @ID@,
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  preferred_name TEXT NOT NULL DEFAULT '',
  pronouns TEXT NOT NULL DEFAULT '',
  date_of_birth TEXT NOT NULL DEFAULT '',
  date_of_birth_expected INTEGER NOT NULL DEFAULT 0,
  preferred_language TEXT NOT NULL DEFAULT 'en',
  active_offer_on TEXT NOT NULL DEFAULT '',
  interpreter INTEGER NOT NULL DEFAULT 0,
  bsl INTEGER NOT NULL DEFAULT 0,
  non_verbal INTEGER NOT NULL DEFAULT 0,
  capacity_notes TEXT NOT NULL DEFAULT '',
  communication_other TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  created_by BIGINT REFERENCES users(id)
);
CREATE TABLE person_name_keys (
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  name_key TEXT @BYTES@ NOT NULL,
  PRIMARY KEY (name_key, person_id)
);
CREATE TABLE families (
  id @ID@,
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  name TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  created_by BIGINT REFERENCES users(id)
);
CREATE TABLE family_members (
  family_id BIGINT NOT NULL REFERENCES families(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES people(id),
  role TEXT NOT NULL,
  PRIMARY KEY (family_id, person_id)
);
CREATE INDEX family_members_by_person ON family_members (person_id);
CREATE TABLE involvements (
  id @ID@,
  family_id BIGINT NOT NULL REFERENCES families(id),
  lead_worker_id BIGINT NOT NULL REFERENCES users(id),
  pod_id BIGINT NOT NULL REFERENCES pods(id),
  opened_on TEXT NOT NULL,
  closed_on TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL
);
CREATE INDEX involvements_by_family ON involvements (family_id);
CREATE INDEX involvements_by_lead ON involvements (lead_worker_id);
CREATE INDEX involvements_by_pod ON involvements (pod_id);
CREATE TABLE involvement_statuses (
  involvement_id BIGINT NOT NULL REFERENCES involvements(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  status TEXT NOT NULL,
  from_date TEXT NOT NULL,
  changed_by BIGINT REFERENCES users(id),
  note TEXT NOT NULL DEFAULT '',
  changed_at BIGINT NOT NULL,
  PRIMARY KEY (involvement_id, ordinal)
);
CREATE TABLE break_glass (
  id @ID@,
  user_id BIGINT NOT NULL REFERENCES users(id),
  family_id BIGINT NOT NULL REFERENCES families(id),
  reason TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL
);
CREATE INDEX break_glass_by_user ON break_glass (user_id, family_id);
CREATE TABLE conversations (
  id @ID@,
  family_id BIGINT NOT NULL REFERENCES families(id),
  held_on TEXT NOT NULL,
  place TEXT NOT NULL,
  language TEXT NOT NULL,
  others_present TEXT NOT NULL DEFAULT '',
  strengths TEXT NOT NULL DEFAULT '',
  worries TEXT NOT NULL DEFAULT '',
  next_steps TEXT NOT NULL DEFAULT '',
  led_to TEXT NOT NULL,
  state TEXT NOT NULL,
  author_id BIGINT NOT NULL REFERENCES users(id),
  client_key TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX conversations_by_family ON conversations (family_id, held_on);
CREATE UNIQUE INDEX conversations_by_client_key ON conversations (author_id, client_key)
  WHERE client_key <> '';
CREATE TABLE conversation_present (
  conversation_id BIGINT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES people(id),
  PRIMARY KEY (conversation_id, person_id)
);
CREATE TABLE conversation_quotes (
  conversation_id BIGINT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  text TEXT NOT NULL,
  person_id BIGINT REFERENCES people(id),
  said_by TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (conversation_id, ordinal)
);
CREATE TABLE story_versions (
  subject TEXT NOT NULL,
  subject_id BIGINT NOT NULL,
  version BIGINT NOT NULL,
  text TEXT NOT NULL,
  author_id BIGINT NOT NULL REFERENCES users(id),
  written_at BIGINT NOT NULL,
  PRIMARY KEY (subject, subject_id, version)
);
CREATE INDEX audit_by_target ON audit_events (target_type, target_id);
)sql";

}  // namespace

std::string_view migration_008(Engine e) {
  return for_engine<k008>(e);
}

}  // namespace sgwrs::store
