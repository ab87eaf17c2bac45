#pragma once
// Writes the audit trail inside the caller's transaction, so a change and its audit line
// commit together or not at all, and lets administrators read it.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit.hpp"
#include "domain/result.hpp"
#include "service/context.hpp"
#include "store/db.hpp"

namespace sgwrs {

class AuditService {
 public:
  AuditService(store::Db& db, Clock clock) : db_(db), clock_(std::move(clock)) {}

  struct Entry {
    std::optional<Id> actor;
    std::string action;
    std::string outcome = "ok";
    std::string target_type;
    std::string target_id;
    std::map<std::string, std::string> detail;  // field -> value; never secrets
    std::string address;
  };

  void record(store::Conn& c, const Entry& e) const;
  // In its own transaction: for events with no other write (refusals, failures).
  void record_now(const Entry& e) const;

  Result<std::vector<AuditEvent>> list(const Actor& actor, Id before, int limit) const;

 private:
  store::Db& db_;
  Clock clock_;
};

}  // namespace sgwrs
