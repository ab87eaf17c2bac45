#pragma once
// Agreed actions with their progress, and support decisions with the outcomes they serve.
#include <cstdint>
#include <optional>
#include <vector>

#include "domain/core/result.hpp"
#include "domain/record/plan.hpp"
#include "store/core/db.hpp"

namespace sgwrs::store::record {

AgreedAction insert_action(Conn& c, AgreedAction a, std::int64_t now);
std::optional<AgreedAction> find_action(Conn& c, Id id);
std::vector<AgreedAction> actions_of_family(Conn& c, Id family_id);
// What, who, by when and the outcome, when `a.version` is still the stored one.
Result<AgreedAction> update_action(Conn& c, const AgreedAction& a);
// Appends a check of the action and moves its version on.
void insert_progress(Conn& c, Id action_id, const ActionProgress& p, std::int64_t now);

SupportDecision insert_decision(Conn& c, SupportDecision d, std::int64_t now);
std::vector<SupportDecision> decisions_of_family(Conn& c, Id family_id);

}  // namespace sgwrs::store::record
