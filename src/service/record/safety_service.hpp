#pragma once
// What we are worried about beside what is working well, and scaling from each perspective,
// through the record's one access rule (RecordGate). A worry always has its safety goal; a
// scaling is dated, 0 to 10, and appended, never changed.
#include <vector>

#include "domain/core/result.hpp"
#include "domain/record/safety.hpp"
#include "service/audit/audit_service.hpp"
#include "service/core/context.hpp"
#include "service/core/store_handle.hpp"
#include "service/record/record_gate.hpp"

namespace sgwrs {

class SafetyService {
 public:
  SafetyService(store::Db& db, AuditService& audit, Clock clock)
      : gate_(db, audit, std::move(clock)) {}

  // A new statement (id 0), or a change to one against the version the caller read.
  Result<SafetyStatement> save_statement(const Actor& a, SafetyStatement s);
  Result<SafetyStatement> get_statement(const Actor& a, Id statement_id,
                                        bool reveal_sensitive = false);
  Result<std::vector<SafetyStatement>> statements_of(const Actor& a, Id family_id,
                                                     bool reveal_sensitive = false);

  Result<Scaling> record_scaling(const Actor& a, Scaling s);
  // Oldest first.
  Result<std::vector<Scaling>> scalings_of(const Actor& a, Id family_id);

 private:
  RecordGate gate_;
};

}  // namespace sgwrs
