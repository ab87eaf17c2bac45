#pragma once
// Personal access tokens for integrations. Only a hash of each token is stored.
#include <optional>
#include <string>
#include <vector>

#include "domain/identity/access_token.hpp"
#include "domain/organisation/organisation.hpp"
#include "store/core/db.hpp"

namespace sgwrs::store::tokens {

Id insert(Conn& c, Id user_id, const std::string& name, const std::string& token_hash,
          std::int64_t now, std::int64_t expires_at);
std::optional<AccessToken> find_by_hash(Conn& c, const std::string& token_hash);
std::vector<AccessToken> list_for_user(Conn& c, Id user_id);
void touch(Conn& c, Id id, std::int64_t now);
// Returns false when the token does not exist or belongs to someone else.
bool revoke(Conn& c, Id id, Id user_id, std::int64_t now);
// Ends every working token of a user (a password change or reset, a disabled account);
// returns how many.
int revoke_all_for_user(Conn& c, Id user_id, std::int64_t now, const std::string& reason);

}  // namespace sgwrs::store::tokens
