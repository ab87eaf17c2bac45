#pragma once
// Personal access tokens for integrations. Only a hash of each token is stored.
#include <optional>
#include <string>
#include <vector>

#include "domain/organisation.hpp"
#include "store/db.hpp"

namespace sgwrs::store::tokens {

struct TokenRow {
  Id id = 0;
  Id user_id = 0;
  std::string name;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> last_used_at;
  std::optional<std::int64_t> revoked_at;
  std::int64_t expires_at = 0;
  // Why it ended: "revoked" by its owner, "password_changed", "password_reset",
  // "account_disabled"; empty while it works.
  std::string revoked_reason;
};

Id insert(Conn& c, Id user_id, const std::string& name, const std::string& token_hash,
          std::int64_t now, std::int64_t expires_at);
std::optional<TokenRow> find_by_hash(Conn& c, const std::string& token_hash);
std::vector<TokenRow> list_for_user(Conn& c, Id user_id);
void touch(Conn& c, Id id, std::int64_t now);
// Returns false when the token does not exist or belongs to someone else.
bool revoke(Conn& c, Id id, Id user_id, std::int64_t now);
// Ends every working token of a user (a password change or reset, a disabled account);
// returns how many.
int revoke_all_for_user(Conn& c, Id user_id, std::int64_t now, const std::string& reason);

}  // namespace sgwrs::store::tokens
