#pragma once
// The periods of work with a family (involvements), through the record's one access rule
// (RecordGate): a dated status change on the open period, closing it (its history kept, the
// last status "none" from the day it closed), and reopening as a new period, never two open
// at once. Every change is versioned and audited.
#include <optional>
#include <string>
#include <vector>

#include "domain/core/result.hpp"
#include "domain/record/record.hpp"
#include "service/audit/audit_service.hpp"
#include "service/core/context.hpp"
#include "service/core/store_handle.hpp"
#include "service/record/record_gate.hpp"

namespace sgwrs {

// A status from a day, on the involvement as the caller read it (its version).
struct StatusMove {
  Id involvement_id = 0;
  std::int64_t version = 0;
  InvolvementStatus status = InvolvementStatus::early_help;
  std::string from;  // YYYY-MM-DD
  std::string note;
};

struct Closing {
  Id involvement_id = 0;
  std::int64_t version = 0;
  std::string on;  // YYYY-MM-DD
  std::string note;
};

struct Reopening {
  Id family_id = 0;
  std::string opened_on;
  InvolvementStatus status = InvolvementStatus::early_help;
  std::optional<Id> lead_worker_id;  // the caller when absent
};

class InvolvementService {
 public:
  InvolvementService(store::Db& db, AuditService& audit, Clock clock)
      : gate_(db, audit, std::move(clock)) {}

  Result<std::vector<Involvement>> of_family(const Actor& a, Id family_id);
  Result<Involvement> get(const Actor& a, Id involvement_id);
  Result<Involvement> change_status(const Actor& a, StatusMove m);
  Result<Involvement> close(const Actor& a, Closing c);
  Result<Involvement> reopen(const Actor& a, Reopening r);

 private:
  RecordGate gate_;
};

}  // namespace sgwrs
