#pragma once
// Personal access tokens: created by a signed-in person for an integration, shown once. A
// token lasts 90 days unless asked for otherwise (at most a year), and ends early when it is
// revoked, its owner's password is changed or reset, or the account is disabled.
#include <string>
#include <vector>

#include "domain/core/result.hpp"
#include "domain/identity/access_token.hpp"
#include "service/audit/audit_service.hpp"
#include "service/core/context.hpp"
#include "service/core/store_handle.hpp"

namespace sgwrs {

struct CreatedToken {
  AccessToken row;
  std::string secret;  // shown to the person once; only its hash is kept
};

struct TokenRequest {
  std::string name;
  std::optional<std::int64_t> expires_in_days = {};  // default kDefaultDays
};

class TokenService {
 public:
  static constexpr std::int64_t kDefaultDays = 90;
  static constexpr std::int64_t kMaxDays = 365;

  TokenService(store::Db& db, AuditService& audit, Clock clock)
      : db_(db), audit_(audit), clock_(std::move(clock)) {}

  // Only from a signed-in session: a token cannot make another (forbidden, audited).
  Result<CreatedToken> create(const Actor& a, TokenRequest r);
  Result<std::vector<AccessToken>> list(const Actor& a);
  Status revoke(const Actor& a, Id id);

 private:
  store::Db& db_;
  AuditService& audit_;
  Clock clock_;
};

}  // namespace sgwrs
