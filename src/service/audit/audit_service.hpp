#pragma once
// Writes the audit trail inside the caller's transaction, so a change and its audit line
// commit together or not at all, and lets administrators read it.
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "domain/audit/audit.hpp"
#include "domain/core/result.hpp"
#include "service/core/context.hpp"
#include "service/core/store_handle.hpp"

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

  // For refusals of someone not signed in (a form without its CSRF token, an unknown access
  // token, a throttled sign-in), which anyone can send in bulk. The first of each kind from
  // each address in a minute is written at once; repeats in that minute are counted and
  // written as one line with the count ("aggregated") when the minute is over, at the next
  // such refusal or at flush_anonymous(). At most kAnonymousLinesPerMinute first lines are
  // written in a minute across all addresses; past that, refusals are counted under the
  // address "*". So the trail grows by a bounded number of lines a minute under any flood.
  void record_anonymous(const Entry& e);
  // Writes the counts still held (at shutdown).
  void flush_anonymous();
  static constexpr int kAnonymousLinesPerMinute = 60;

  Result<std::vector<AuditEvent>> list(const Actor& actor, Id before, int limit) const;

 private:
  // (address, action, outcome) -> repeats not yet written, for the current minute.
  using AnonymousKey = std::tuple<std::string, std::string, std::string>;
  struct AnonymousCount {
    std::int64_t minute = 0;
    std::int64_t repeats = 0;
    Entry first;
  };
  // Takes the counts of minutes before `minute` out of the map, as lines to write.
  std::vector<Entry> take_finished(std::int64_t minute);

  store::Db& db_;
  Clock clock_;
  std::mutex anonymous_mutex_;
  std::map<AnonymousKey, AnonymousCount> anonymous_;
  std::int64_t anonymous_minute_ = 0;
  int anonymous_lines_ = 0;  // first lines written in anonymous_minute_
};

}  // namespace sgwrs
