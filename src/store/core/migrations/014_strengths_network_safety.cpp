// Migration 14: strengths and resources linked to the outcomes they support, the important
// people around a family (the eco-map), worry and safety statements, and scaling answers
// from each perspective. Scalings are appended, never changed; the rest carry a version.
#include "store/core/migrations.hpp"

namespace sgwrs::store {
namespace {

constexpr std::string_view k014 = R"sql(
CREATE TABLE strengths (
  id @ID@,
  family_id BIGINT NOT NULL REFERENCES families(id),
  person_id BIGINT REFERENCES people(id),
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX strengths_by_family ON strengths (family_id, id);
CREATE TABLE strength_outcomes (
  strength_id BIGINT NOT NULL REFERENCES strengths(id),
  outcome_id BIGINT NOT NULL REFERENCES outcomes(id),
  PRIMARY KEY (strength_id, outcome_id)
);
CREATE TABLE network_members (
  id @ID@,
  family_id BIGINT NOT NULL REFERENCES families(id),
  person_id BIGINT REFERENCES people(id),
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  tie TEXT NOT NULL,
  flow TEXT NOT NULL,
  support TEXT NOT NULL DEFAULT '',
  how_often TEXT NOT NULL DEFAULT '',
  their_words TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX network_members_by_family ON network_members (family_id, id);
CREATE TABLE safety_statements (
  id @ID@,
  family_id BIGINT NOT NULL REFERENCES families(id),
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  safety_goal TEXT NOT NULL DEFAULT '',
  said_by TEXT NOT NULL DEFAULT '',
  disagreement TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX safety_statements_by_family ON safety_statements (family_id, id);
CREATE TABLE scalings (
  id @ID@,
  family_id BIGINT NOT NULL REFERENCES families(id),
  scaled_on TEXT NOT NULL,
  perspective TEXT NOT NULL,
  who TEXT NOT NULL DEFAULT '',
  score INTEGER NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  recorded_by BIGINT REFERENCES users(id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX scalings_by_family ON scalings (family_id, scaled_on, id);
)sql";

}  // namespace

std::string_view migration_014(Engine e) {
  return for_engine<k014>(e);
}

}  // namespace sgwrs::store
