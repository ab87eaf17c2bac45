#include "service/identity/token_service.hpp"

#include "domain/core/validation.hpp"
#include "service/core/crypto.hpp"
#include "store/core/db.hpp"
#include "store/identity/token_store.hpp"

namespace sgwrs {

Result<CreatedToken> TokenService::create(const Actor& a, TokenRequest r) {
  if (a.via_token) {
    audit_.record_now(
        {a.user.id, "token.create", "refused", "token", "", {{"reason", "via_token"}}, a.address});
    return Error::of(Errc::forbidden, "token_needs_session");
  }
  std::string& name = r.name;
  Validator v;
  v.text("name", name, 1, 100);
  const auto days = r.expires_in_days.value_or(kDefaultDays);
  if (days < 1 || days > kMaxDays) v.fail("expires_in_days", "token_lifetime_range");
  if (!v.ok()) return v.status().error();
  // A prefix makes leaked tokens easy to recognise in code and logs scanners.
  const std::string secret = "sgwrs_" + crypto::random_token();
  const auto now = clock_();
  return db_.transact(store::TxMode::write, [&](store::Conn& c) -> Result<CreatedToken> {
    const std::int64_t expires_at = now + days * 24 * 60 * 60;
    const Id id =
        store::tokens::insert(c, a.user.id, name, crypto::token_hash(secret), now, expires_at);
    audit_.record(c, {a.user.id,
                      "token.create",
                      "ok",
                      "token",
                      std::to_string(id),
                      {{"name", name}, {"expires_at", std::to_string(expires_at)}},
                      a.address});
    return CreatedToken{{id, a.user.id, name, now, std::nullopt, std::nullopt, expires_at, ""},
                        secret};
  });
}

Result<std::vector<AccessToken>> TokenService::list(const Actor& a) {
  return db_.transact(store::TxMode::read,
                      [&](store::Conn& c) { return store::tokens::list_for_user(c, a.user.id); });
}

Status TokenService::revoke(const Actor& a, Id id) {
  return db_.transact(store::TxMode::write, [&](store::Conn& c) -> Status {
    if (!store::tokens::revoke(c, id, a.user.id, clock_()))
      return Error::of(Errc::not_found, "not_found");
    audit_.record(c, {a.user.id, "token.revoke", "ok", "token", std::to_string(id), {}, a.address});
    return ok_status();
  });
}

}  // namespace sgwrs
