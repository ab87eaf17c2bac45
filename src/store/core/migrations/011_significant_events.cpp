// Migration 11: significant events entered by hand into a family's chronology (the rest of
// the chronology is read from the record itself).
#include "store/core/migrations.hpp"

namespace sgwrs::store {
namespace {

constexpr std::string_view k011 = R"sql(
CREATE TABLE significant_events (
  id @ID@,
  family_id BIGINT NOT NULL REFERENCES families(id),
  person_id BIGINT REFERENCES people(id),
  happened_on TEXT NOT NULL,
  what TEXT NOT NULL,
  recorded_by BIGINT REFERENCES users(id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX significant_events_by_family ON significant_events (family_id, happened_on, id);
)sql";

}  // namespace

std::string_view migration_011(Engine e) {
  return for_engine<k011>(e);
}

}  // namespace sgwrs::store
