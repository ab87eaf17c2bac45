#pragma once
// Agreed actions and support decisions of a family, through the record's one access rule
// (RecordGate). Every person and outcome they name must be the family's own; progress is
// appended with the family's words; decisions are kept as recorded, to be counted as impact.
#include <optional>
#include <vector>

#include "domain/core/result.hpp"
#include "domain/record/plan.hpp"
#include "service/audit/audit_service.hpp"
#include "service/core/context.hpp"
#include "service/core/store_handle.hpp"
#include "service/record/record_gate.hpp"

namespace sgwrs {

class PlanService {
 public:
  PlanService(store::Db& db, AuditService& audit, Clock clock)
      : gate_(db, audit, std::move(clock)) {}

  // A new action (id 0), or a change to one against the version the caller read.
  Result<AgreedAction> save_action(const Actor& a, AgreedAction action);
  Result<AgreedAction> check_action(const Actor& a, Id action_id, ActionProgress p);
  Result<AgreedAction> get_action(const Actor& a, Id action_id);
  Result<std::vector<AgreedAction>> actions_of(const Actor& a, Id family_id);

  Result<SupportDecision> record_decision(const Actor& a, SupportDecision d);
  Result<std::vector<SupportDecision>> decisions_of(const Actor& a, Id family_id);

 private:
  RecordGate gate_;
};

}  // namespace sgwrs
