#include "service/record/record_gate.hpp"

#include "store/core/db.hpp"
#include "store/record/family_store.hpp"

namespace sgwrs {

namespace rec = store::record;

Error Refusal::of(std::string what, Id which) {
  type = std::move(what);
  id = which;
  return Error::of(Errc::not_found, "not_found");
}

RecordAccess RecordGate::to_family(store::Conn& c, const Actor& a, Id family_id) const {
  const auto f = rec::find_family(c, family_id);
  if (!f || f->organisation_id != a.user.organisation_id || a.user.disabled)
    return RecordAccess::none;
  RecordAccess best = RecordAccess::none;
  for (const auto& v : rec::involvements_of_family(c, family_id)) {
    if (v.lead_worker_id == a.user.id) return RecordAccess::lead_worker;
    if (a.user.pod_id && *a.user.pod_id == v.pod_id) best = RecordAccess::pod;
  }
  if (best != RecordAccess::none) return best;
  if (a.user.role == Role::senior_leader) return RecordAccess::leader;
  if (rec::active_break_glass(c, a.user.id, family_id, clock_())) return RecordAccess::break_glass;
  return RecordAccess::none;
}

RecordAccess RecordGate::to_person(store::Conn& c, const Actor& a, Id person_id) const {
  RecordAccess best = RecordAccess::none;
  for (Id f : rec::families_of_person(c, person_id)) {
    const auto here = to_family(c, a, f);
    // The nearer relationship wins: lead worker, then pod, leader, break-glass.
    if (here != RecordAccess::none && (best == RecordAccess::none || here < best)) best = here;
  }
  return best;
}

AuditService::Entry RecordGate::entry(const Actor& a, std::string action, std::string type, Id id,
                                      Id family_id, RecordAccess access,
                                      std::map<std::string, std::string> detail) {
  detail.emplace("family_id", std::to_string(family_id));
  detail.emplace("access", std::string(kRecordAccess.id(access)));
  return {a.user.id,          std::move(action), "ok",     std::move(type),
          std::to_string(id), std::move(detail), a.address};
}

namespace {
// The audit lines of the view running on this thread, if one is: a view's body runs on the
// caller's thread from start to end, so this needs no lock and never crosses use cases.
thread_local std::vector<AuditService::Entry>* deferred = nullptr;
}  // namespace

void RecordGate::record(store::Conn& c, const AuditService::Entry& e) const {
  if (deferred)
    deferred->push_back(e);
  else
    audit_.record(c, e);
}

void RecordGate::in_read_transaction(std::vector<AuditService::Entry>& lines,
                                     const std::function<Status(store::Conn&)>& fn) const {
  struct Deferring {
    explicit Deferring(std::vector<AuditService::Entry>& l) { deferred = &l; }
    ~Deferring() { deferred = nullptr; }
  } deferring(lines);
  (void)db_.transact(store::TxMode::read, fn);
}

void RecordGate::write_audit(const std::vector<AuditService::Entry>& lines) const {
  if (lines.empty()) return;
  db_.transact(store::TxMode::audit, [&](store::Conn& c) {
    for (const auto& e : lines) audit_.record(c, e);
  });
}

void RecordGate::in_write_transaction(const std::function<Status(store::Conn&)>& fn) const {
  // The outcome reaches the caller through fn's own capture; this only decides the commit.
  (void)db_.transact(store::TxMode::write, fn);
}

void RecordGate::audit_refusal(const Actor& a, const Refusal& r) const {
  audit_.record_now(
      {a.user.id, "access.refuse", "refused", *r.type, std::to_string(r.id), {}, a.address});
}

}  // namespace sgwrs
