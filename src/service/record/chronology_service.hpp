#pragma once
// A family's chronology, built from the record itself and from significant events entered
// by hand, through the record's one access rule (RecordGate).
#include <vector>

#include "domain/core/result.hpp"
#include "domain/record/chronology.hpp"
#include "service/audit/audit_service.hpp"
#include "service/core/context.hpp"
#include "service/core/store_handle.hpp"
#include "service/record/record_gate.hpp"

namespace sgwrs {

class ChronologyService {
 public:
  ChronologyService(store::Db& db, AuditService& audit, Clock clock)
      : gate_(db, audit, std::move(clock)) {}

  // Oldest first. Others' unfinished conversations are left out, as on the family's page.
  Result<std::vector<ChronologyEntry>> chronology(const Actor& a, Id family_id,
                                                  const ChronologyFilter& filter = {});
  Result<SignificantEvent> add_event(const Actor& a, SignificantEvent e);

 private:
  RecordGate gate_;
};

}  // namespace sgwrs
