#include "store/identity/token_store.hpp"

namespace sgwrs::store::tokens {
namespace {

constexpr const char* kCols =
    "id, user_id, name, created_at, last_used_at, revoked_at, expires_at, revoked_reason";

AccessToken from(const Row& r) {
  return {r.i64(0), r.i64(1), r.text(2), r.i64(3), r.opt_i64(4), r.opt_i64(5),
          // A token without an expiry (none are made so since migration 4) counts as expired.
          r.opt_i64(6).value_or(0), r.is_null(7) ? std::string{} : r.text(7)};
}

}  // namespace

Id insert(Conn& c, Id user_id, const std::string& name, const std::string& token_hash,
          std::int64_t now, std::int64_t expires_at) {
  return c
      .query(
          "INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at) "
          "VALUES (?, ?, ?, ?, ?) RETURNING id",
          {user_id, name, token_hash, now, expires_at})
      .at(0)
      .i64(0);
}

std::optional<AccessToken> find_by_hash(Conn& c, const std::string& token_hash) {
  auto rows = c.query(std::string("SELECT ") + kCols + " FROM api_tokens WHERE token_hash = ?",
                      {token_hash});
  if (rows.empty()) return std::nullopt;
  return from(rows[0]);
}

std::vector<AccessToken> list_for_user(Conn& c, Id user_id) {
  std::vector<AccessToken> out;
  for (const auto& r :
       c.query(std::string("SELECT ") + kCols + " FROM api_tokens WHERE user_id = ? ORDER BY id",
               {user_id}))
    out.push_back(from(r));
  return out;
}

void touch(Conn& c, Id id, std::int64_t now) {
  c.exec("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", {now, id});
}

bool revoke(Conn& c, Id id, Id user_id, std::int64_t now) {
  return c.exec(
             "UPDATE api_tokens SET revoked_at = ?, revoked_reason = 'revoked' WHERE id = ? AND "
             "user_id = ? AND revoked_at IS NULL",
             {now, id, user_id}) == 1;
}

int revoke_all_for_user(Conn& c, Id user_id, std::int64_t now, const std::string& reason) {
  return static_cast<int>(
      c.exec("UPDATE api_tokens SET revoked_at = ?, revoked_reason = ? WHERE user_id = ? AND "
             "revoked_at IS NULL",
             {now, reason, user_id}));
}

}  // namespace sgwrs::store::tokens
