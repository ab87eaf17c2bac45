// Migration 13: the voice of each child heard in a conversation, how it was heard and who
// the child agrees may see it.
#include "store/core/migrations.hpp"

namespace sgwrs::store {
namespace {

constexpr std::string_view k013 = R"sql(
CREATE TABLE conversation_voices (
  conversation_id BIGINT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES people(id),
  said TEXT NOT NULL,
  heard TEXT NOT NULL,
  share_with TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (conversation_id, person_id)
);
CREATE INDEX conversation_voices_by_person ON conversation_voices (person_id);
)sql";

}  // namespace

std::string_view migration_013(Engine e) {
  return for_engine<k013>(e);
}

}  // namespace sgwrs::store
