#pragma once
// One line of the append-only audit trail: who did what to which record, when, from where.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/organisation/organisation.hpp"

namespace sgwrs {

struct AuditEvent {
  Id id = 0;
  std::int64_t at = 0;  // Unix seconds, like every time Sgwrs stores
  std::optional<Id> actor_user_id;
  std::string action;   // e.g. "session.start", "user.update", "access.refuse"
  std::string outcome;  // "ok", "refused", "failed"
  std::string target_type;
  std::string target_id;
  std::string detail;   // what changed, as JSON; never passwords or tokens
  std::string address;  // client address
};

}  // namespace sgwrs
