// Migration 4: access tokens expire and say why they ended. Tokens made before it get the
// default lifetime (90 days) from their creation. The same on both engines.
#include "store/core/migrations.hpp"

namespace sgwrs::store {

std::string_view migration_004(Engine) {
  return "ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;\n"
         "ALTER TABLE api_tokens ADD COLUMN revoked_reason TEXT;\n"
         "UPDATE api_tokens SET expires_at = created_at + 7776000;\n"
         "UPDATE api_tokens SET revoked_reason = 'revoked' WHERE revoked_at IS NOT NULL;\n";
}

}  // namespace sgwrs::store
