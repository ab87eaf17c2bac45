#pragma once
// The one access rule of the record, shared by every service of the record capability
// (people and families, outcomes, and what comes next): a family's record (and each
// member's) opens only to the lead worker of one of its involvements, a member or manager of
// that involvement's pod, a senior leader of the organisation, or someone who has broken the
// glass. Everything else is "not found", audited as a refusal.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/core/closed_set.hpp"
#include "domain/core/result.hpp"
#include "domain/record/reach.hpp"
#include "service/audit/audit_service.hpp"
#include "service/core/context.hpp"
#include "service/core/store_handle.hpp"

namespace sgwrs {

// Why this caller may open a record (none: they may not).
enum class RecordAccess { none, lead_worker, pod, leader, break_glass };
inline constexpr auto kRecordAccess = closed_set(
    std::pair{RecordAccess::none, "none"}, std::pair{RecordAccess::lead_worker, "lead_worker"},
    std::pair{RecordAccess::pod, "pod"}, std::pair{RecordAccess::leader, "leader"},
    std::pair{RecordAccess::break_glass, "break_glass"});

// What a use case refused, to audit once its transaction is over.
struct Refusal {
  std::optional<std::string> type;
  Id id = 0;
  // The caller sees exactly what a missing record looks like.
  Error of(std::string what, Id which);
};

class RecordGate {
 public:
  RecordGate(store::Db& db, AuditService& audit, Clock clock)
      : db_(db), audit_(audit), clock_(std::move(clock)) {}

  RecordAccess to_family(store::Conn& c, const Actor& a, Id family_id) const;
  // The nearest relationship through any of the person's families.
  RecordAccess to_person(store::Conn& c, const Actor& a, Id person_id) const;

  // The same rule as a filter, for lists and search that read many records at once (the
  // store applies it in its query): empty when the caller may open no record at all. Held
  // equal to to_person by a differential test (tests/service/record/reach_test.cpp).
  std::optional<Reach> reach(const Actor& a) const;

  // One use case on the record, in one write transaction (views are audited, so every use
  // case writes). A refusal is audited in a transaction of its own, as the use case's rolls
  // back with its error. `body(Conn&, Refusal&)` returns Result<T>.
  template <typename T, typename F>
  Result<T> run(const Actor& a, F&& body) const {
    Refusal refused;
    std::optional<Result<T>> out;
    in_write_transaction([&](store::Conn& c) -> Status {
      out.emplace(body(c, refused));
      return out->ok() ? ok_status() : Status(out->error());
    });
    if (refused.type) audit_refusal(a, refused);
    return std::move(*out);
  }

  // The audit line of a use case on one family's record: it always names the family and the
  // access the caller used.
  static AuditService::Entry entry(const Actor& a, std::string action, std::string type, Id id,
                                   Id family_id, RecordAccess access,
                                   std::map<std::string, std::string> detail = {});

  // A use case that only reads (and audits that it read): the reads in a read transaction,
  // which never waits for a writer, then its audit lines in a short transaction of their own
  // committed without waiting for the disk (TxMode::audit: kept through a crash of Sgwrs,
  // see docs/reliability.md). Nothing is returned unless the audit lines are written.
  template <typename T, typename F>
  Result<T> view(const Actor& a, F&& body) const {
    Refusal refused;
    std::optional<Result<T>> out;
    std::vector<AuditService::Entry> lines;
    in_read_transaction(lines, [&](store::Conn& c) -> Status {
      out.emplace(body(c, refused));
      return out->ok() ? ok_status() : Status(out->error());
    });
    if (refused.type) audit_refusal(a, refused);
    if (out->ok()) write_audit(lines);
    return std::move(*out);
  }

  // Several views read for one page (a family's page reads the record, outcomes, plans,
  // network and safety through their own services): while a Batch lives on this thread, the
  // views' audit lines are kept, and each family's access is decided once, then finish()
  // writes every line in one transaction. The page shows nothing unless finish() succeeds;
  // lines not finished are dropped with the Batch, as nothing was shown.
  class Batch {
   public:
    explicit Batch(const RecordGate& gate);
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;
    ~Batch();
    Status finish();

   private:
    const RecordGate& gate_;
    std::vector<AuditService::Entry> lines_;
    std::map<std::pair<Id, Id>, RecordAccess> access_;
    bool finished_ = false;
  };

  // A use case's audit line: in the use case's own transaction, or, in a view, kept to be
  // written once its reads are done.
  void record(store::Conn& c, const AuditService::Entry& e) const;

  std::int64_t now() const { return clock_(); }
  AuditService& audit() const { return audit_; }
  store::Db& db() const { return db_; }

 private:
  // Commits only when fn succeeds (the store's Db::transact, kept out of this header).
  void in_write_transaction(const std::function<Status(store::Conn&)>& fn) const;
  void in_read_transaction(std::vector<AuditService::Entry>& lines,
                           const std::function<Status(store::Conn&)>& fn) const;
  void write_audit(const std::vector<AuditService::Entry>& lines) const;
  RecordAccess decide(store::Conn& c, const Actor& a, Id family_id) const;
  void audit_refusal(const Actor& a, const Refusal& r) const;

  store::Db& db_;
  AuditService& audit_;
  Clock clock_;
};

}  // namespace sgwrs
