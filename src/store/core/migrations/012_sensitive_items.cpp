// Migration 12: conversations can be marked sensitive, with the reason why; a sensitive one
// is left out of the family view and held back from break-glass readers until they confirm.
#include "store/core/migrations.hpp"

namespace sgwrs::store {
namespace {

constexpr std::string_view k012 = R"sql(
ALTER TABLE conversations ADD COLUMN sensitive_reason TEXT NOT NULL DEFAULT '';
)sql";

}  // namespace

std::string_view migration_012(Engine e) {
  return for_engine<k012>(e);
}

}  // namespace sgwrs::store
