#pragma once
// Personal access tokens: created by a signed-in person for an integration, shown once.
#include <string>
#include <vector>

#include "domain/result.hpp"
#include "service/audit_service.hpp"
#include "service/context.hpp"
#include "store/db.hpp"
#include "store/token_store.hpp"

namespace sgwrs {

struct CreatedToken {
  store::tokens::TokenRow row;
  std::string secret;  // shown to the person once; only its hash is kept
};

class TokenService {
 public:
  TokenService(store::Db& db, AuditService& audit, Clock clock)
      : db_(db), audit_(audit), clock_(std::move(clock)) {}

  Result<CreatedToken> create(const Actor& a, std::string name);
  Result<std::vector<store::tokens::TokenRow>> list(const Actor& a);
  Status revoke(const Actor& a, Id id);

 private:
  store::Db& db_;
  AuditService& audit_;
  Clock clock_;
};

}  // namespace sgwrs
