// Migration 15: a person's name keys by person, so a search of several words checks each
// further word against the candidate's own keys instead of every key with that prefix.
#include "store/core/migrations.hpp"

namespace sgwrs::store {
namespace {

constexpr std::string_view k015 = R"sql(
CREATE INDEX person_name_keys_by_person ON person_name_keys (person_id, name_key);
)sql";

}  // namespace

std::string_view migration_015(Engine e) {
  return for_engine<k015>(e);
}

}  // namespace sgwrs::store
