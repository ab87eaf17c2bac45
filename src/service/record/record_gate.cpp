#include "service/record/record_gate.hpp"

#include "store/core/db.hpp"
#include "store/record/family_store.hpp"

namespace sgwrs {

namespace rec = store::record;

namespace {
// The audit lines of the view running on this thread, if one is: a view's body runs on the
// caller's thread from start to end, so this needs no lock and never crosses use cases.
thread_local std::vector<AuditService::Entry>* deferred = nullptr;
// The Batch running on this thread, if one is: its lines, and the access decided so far.
thread_local std::vector<AuditService::Entry>* batch_lines = nullptr;
thread_local std::map<std::pair<Id, Id>, RecordAccess>* batch_access = nullptr;
}  // namespace

Error Refusal::of(std::string what, Id which) {
  type = std::move(what);
  id = which;
  return Error::of(Errc::not_found, "not_found");
}

RecordAccess RecordGate::to_family(store::Conn& c, const Actor& a, Id family_id) const {
  if (batch_access) {
    // A page: each caller's access to each family is decided once for all its views.
    const std::pair key{a.user.id, family_id};
    if (const auto it = batch_access->find(key); it != batch_access->end()) return it->second;
    return (*batch_access)[key] = decide(c, a, family_id);
  }
  return decide(c, a, family_id);
}

RecordAccess RecordGate::decide(store::Conn& c, const Actor& a, Id family_id) const {
  if (a.user.disabled) return RecordAccess::none;
  const auto ties = rec::family_ties(c, family_id, a.user.id, a.user.pod_id, clock_());
  if (!ties || ties->organisation_id != a.user.organisation_id) return RecordAccess::none;
  if (ties->lead_worker) return RecordAccess::lead_worker;
  if (ties->pod) return RecordAccess::pod;
  if (a.user.role == Role::senior_leader) return RecordAccess::leader;
  if (ties->break_glass) return RecordAccess::break_glass;
  return RecordAccess::none;
}

std::optional<Reach> RecordGate::reach(const Actor& a) const {
  if (a.user.disabled) return std::nullopt;
  // Senior leaders open every family of their organisation (to_family's `leader`).
  return Reach{a.user.organisation_id, a.user.role == Role::senior_leader, a.user.id, a.user.pod_id,
               clock_()};
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

RecordGate::Batch::Batch(const RecordGate& gate) : gate_(gate) {
  batch_lines = &lines_;
  batch_access = &access_;
}

RecordGate::Batch::~Batch() {
  batch_lines = nullptr;
  batch_access = nullptr;
}

Status RecordGate::Batch::finish() {
  batch_lines = nullptr;
  batch_access = nullptr;
  if (finished_) return ok_status();
  finished_ = true;
  // As a single view writes its lines: a failure to write throws, and nothing is shown.
  gate_.write_audit(lines_);
  return ok_status();
}

void RecordGate::record(store::Conn& c, const AuditService::Entry& e) const {
  if (deferred)
    deferred->push_back(e);
  else
    audit_.record(c, e);
}

void RecordGate::in_read_transaction(std::vector<AuditService::Entry>& lines,
                                     const std::function<Status(store::Conn&)>& fn) const {
  // In a Batch the lines join the batch's, and leave it again if the view fails.
  auto& into = batch_lines ? *batch_lines : lines;
  const auto kept = into.size();
  struct Deferring {
    explicit Deferring(std::vector<AuditService::Entry>& l) { deferred = &l; }
    ~Deferring() { deferred = nullptr; }
  } deferring(into);
  const Status s = db_.transact(store::TxMode::read, fn);
  if (!s.ok()) into.resize(kept);
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
