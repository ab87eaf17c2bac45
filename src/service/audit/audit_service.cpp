#include "service/audit/audit_service.hpp"

#include <boost/json.hpp>
#include <limits>

#include "store/audit/audit_store.hpp"
#include "store/core/db.hpp"

namespace sgwrs {

void AuditService::record(store::Conn& c, const Entry& e) const {
  AuditEvent ev;
  ev.at = clock_();  // order within a second is kept by the id
  // Id 0 is the operator at the command line, who has no account.
  if (e.actor && *e.actor != 0) ev.actor_user_id = e.actor;
  ev.action = e.action;
  ev.outcome = e.outcome;
  ev.target_type = e.target_type;
  ev.target_id = e.target_id;
  if (!e.detail.empty()) {
    boost::json::object o;
    for (const auto& [k, v] : e.detail) o[k] = v;
    ev.detail = boost::json::serialize(o);
  }
  ev.address = e.address;
  store::audit::append(c, ev);
}

void AuditService::record_now(const Entry& e) const {
  db_.transact(store::TxMode::write, [&](store::Conn& c) { record(c, e); });
}

std::vector<AuditService::Entry> AuditService::take_finished(std::int64_t minute) {
  std::vector<Entry> out;
  for (auto it = anonymous_.begin(); it != anonymous_.end();) {
    if (it->second.minute >= minute) {
      ++it;
      continue;
    }
    if (it->second.repeats > 0) {
      Entry e = it->second.first;
      e.outcome = "aggregated";
      e.detail["count"] = std::to_string(it->second.repeats);
      e.detail["minute_started_at"] = std::to_string(it->second.minute * 60);
      e.detail["of_outcome"] = std::get<2>(it->first);
      out.push_back(std::move(e));
    }
    it = anonymous_.erase(it);
  }
  return out;
}

void AuditService::record_anonymous(const Entry& e) {
  const std::int64_t minute = clock_() / 60;
  std::vector<Entry> to_write;
  {
    std::lock_guard lock(anonymous_mutex_);
    to_write = take_finished(minute);
    if (minute != anonymous_minute_) {
      anonymous_minute_ = minute;
      anonymous_lines_ = 0;
    }
    AnonymousKey key{e.address, e.action, e.outcome};
    if (!anonymous_.count(key) && anonymous_lines_ >= kAnonymousLinesPerMinute)
      std::get<0>(key) = "*";  // too many addresses this minute: count them together
    auto [it, first] = anonymous_.try_emplace(key, AnonymousCount{minute, 0, e});
    if (first && std::get<0>(key) != "*") {
      ++anonymous_lines_;
      to_write.push_back(e);
    } else {
      if (first) it->second.first.address = "*";
      ++it->second.repeats;
    }
  }
  if (to_write.empty()) return;
  db_.transact(store::TxMode::write, [&](store::Conn& c) {
    for (const auto& x : to_write) record(c, x);
  });
}

void AuditService::flush_anonymous() {
  std::vector<Entry> to_write;
  {
    std::lock_guard lock(anonymous_mutex_);
    to_write = take_finished(std::numeric_limits<std::int64_t>::max());
  }
  if (to_write.empty()) return;
  db_.transact(store::TxMode::write, [&](store::Conn& c) {
    for (const auto& x : to_write) record(c, x);
  });
}

Result<std::vector<AuditEvent>> AuditService::list(const Actor& actor, Id before, int limit) const {
  if (!actor.is_admin()) {
    record_now({actor.user.id, "access.refuse", "refused", "audit", "", {}, actor.address});
    return Error::of(Errc::forbidden, "forbidden");
  }
  return db_.transact(store::TxMode::read,
                      [&](store::Conn& c) { return store::audit::list(c, before, limit); });
}

}  // namespace sgwrs
