#pragma once
// The audit trail: append and read, nothing else (the schema refuses UPDATE and DELETE).
#include <string>
#include <utility>
#include <vector>

#include "domain/audit/audit.hpp"
#include "store/core/db.hpp"

namespace sgwrs::store::audit {

Id append(Conn& c, const AuditEvent& e);
// Newest first; `before` is a keyset cursor (0 for the newest page).
std::vector<AuditEvent> list(Conn& c, Id before, int limit);
// Newest first, the lines about any of these (target type, target id).
std::vector<AuditEvent> list_for_targets(
    Conn& c, const std::vector<std::pair<std::string, std::string>>& targets, int limit);

}  // namespace sgwrs::store::audit
