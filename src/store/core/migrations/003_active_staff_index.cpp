// Migration 3: the home page counts an organisation's active staff on every view, and with
// `disabled` in the index that count never reads the table. The old index's single column is
// this one's prefix, so it goes. The same on both engines. Shipped: never edit.
#include "store/core/migrations.hpp"

namespace sgwrs::store {

std::string_view migration_003(Engine) {
  return "CREATE INDEX users_by_org_active ON users (organisation_id, disabled);\n"
         "DROP INDEX users_by_org;\n";
}

}  // namespace sgwrs::store
