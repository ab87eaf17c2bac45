#pragma once
// Strengths and the important people around a family, through the record's one access rule
// (RecordGate). Whoever an item names must be one of the family's members, and the outcomes
// a strength supports must be theirs; every change is versioned and audited.
#include <vector>

#include "domain/core/result.hpp"
#include "domain/record/network.hpp"
#include "service/audit/audit_service.hpp"
#include "service/core/context.hpp"
#include "service/core/store_handle.hpp"
#include "service/record/record_gate.hpp"

namespace sgwrs {

class NetworkService {
 public:
  NetworkService(store::Db& db, AuditService& audit, Clock clock)
      : gate_(db, audit, std::move(clock)) {}

  // A new strength (id 0), or a change to one against the version the caller read.
  Result<Strength> save_strength(const Actor& a, Strength s);
  Result<Strength> get_strength(const Actor& a, Id strength_id, bool reveal_sensitive = false);
  Result<std::vector<Strength>> strengths_of(const Actor& a, Id family_id,
                                             bool reveal_sensitive = false);

  // A new member of the family's network (id 0), or a change against the version read.
  Result<NetworkMember> save_member(const Actor& a, NetworkMember m);
  Result<NetworkMember> get_member(const Actor& a, Id member_id, bool reveal_sensitive = false);
  Result<std::vector<NetworkMember>> network_of(const Actor& a, Id family_id,
                                                bool reveal_sensitive = false);

 private:
  RecordGate gate_;
};

}  // namespace sgwrs
