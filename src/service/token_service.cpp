#include "service/token_service.hpp"

#include "domain/validation.hpp"
#include "service/crypto.hpp"

namespace sgwrs {

Result<CreatedToken> TokenService::create(const Actor& a, std::string name) {
  Validator v;
  v.text("name", name, 1, 100);
  if (!v.ok()) return v.status().error();
  // A prefix makes leaked tokens easy to recognise in code and logs scanners.
  const std::string secret = "sgwrs_" + crypto::random_token();
  const auto now = clock_();
  return db_.transact(store::TxMode::write, [&](store::Conn& c) -> Result<CreatedToken> {
    const Id id = store::tokens::insert(c, a.user.id, name, crypto::token_hash(secret), now);
    audit_.record(c, {a.user.id,
                      "token.create",
                      "ok",
                      "token",
                      std::to_string(id),
                      {{"name", name}},
                      a.address});
    return CreatedToken{{id, a.user.id, name, now, std::nullopt, std::nullopt}, secret};
  });
}

Result<std::vector<store::tokens::TokenRow>> TokenService::list(const Actor& a) {
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
