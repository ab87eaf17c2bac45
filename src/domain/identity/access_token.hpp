#pragma once
// A personal access token as its owner sees it; the secret itself is never kept.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/organisation/organisation.hpp"

namespace sgwrs {

struct AccessToken {
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

}  // namespace sgwrs
