#pragma once
// Personal outcomes, through the record's one access rule (RecordGate): agreeing an outcome
// with its baseline, changing its words or status, reviewing it, and the well-being
// frameworks its areas come from. A statement that reads like a service rather than an
// outcome is saved as written, with a gentle prompt returned beside it.
#include <optional>
#include <string>
#include <vector>

#include "domain/core/result.hpp"
#include "domain/record/outcome.hpp"
#include "service/audit/audit_service.hpp"
#include "service/core/context.hpp"
#include "service/core/store_handle.hpp"
#include "service/record/record_gate.hpp"

namespace sgwrs {

struct NewOutcome {
  Id person_id = 0;
  std::string statement;
  Importance importance = Importance::to;
  std::vector<AreaLink> areas;  // an empty framework id means the current framework
  OutcomeScale scale = OutcomeScale::zero_to_ten;
  OutcomeReview baseline;  // the scores the outcome starts from
};

// What was saved, and the words that read like a service (empty when none did).
struct OutcomeSaved {
  Outcome outcome;
  std::string reads_like_service;
};

class OutcomeService {
 public:
  OutcomeService(store::Db& db, AuditService& audit, Clock clock)
      : gate_(db, audit, std::move(clock)) {}

  // Every framework, the current one first (anyone signed in may read them).
  Result<std::vector<WellbeingFramework>> frameworks(const Actor& a);
  // Loading is for administrators; the framework's own ids must be well formed.
  Result<WellbeingFramework> load_framework(const Actor& a, WellbeingFramework f,
                                            bool make_current);

  Result<OutcomeSaved> create(const Actor& a, NewOutcome n);
  // New words, importance, status or links, against the version the caller read.
  Result<OutcomeSaved> update(const Actor& a, Outcome o);
  // A review on or after the baseline; `status`, when given, moves the outcome's status.
  Result<Outcome> review(const Actor& a, OutcomeReview r, std::optional<OutcomeStatus> status);
  Result<Outcome> get(const Actor& a, Id id);
  Result<std::vector<Outcome>> of_person(const Actor& a, Id person_id);

 private:
  RecordGate gate_;
};

}  // namespace sgwrs
