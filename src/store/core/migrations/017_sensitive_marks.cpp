// Migration 17: any item of a family's record (a strength, someone on the eco-map, a worry
// or what is working well) can be marked sensitive with the reason why, in one table for all
// of them: hidden from the family view and held back from break-glass readers until they
// confirm. Conversations keep their own column (migration 12).
#include "store/core/migrations.hpp"

namespace sgwrs::store {
namespace {

constexpr std::string_view k017 = R"sql(
CREATE TABLE sensitive_marks (
  item_type TEXT NOT NULL,
  item_id BIGINT NOT NULL,
  family_id BIGINT NOT NULL REFERENCES families(id),
  reason TEXT NOT NULL,
  marked_by BIGINT REFERENCES users(id),
  marked_at BIGINT NOT NULL,
  PRIMARY KEY (item_type, item_id)
);
CREATE INDEX sensitive_marks_by_family ON sensitive_marks (family_id);
)sql";

}  // namespace

std::string_view migration_017(Engine e) {
  return for_engine<k017>(e);
}

}  // namespace sgwrs::store
