#include "service/audit_service.hpp"

#include <boost/json.hpp>

#include "store/audit_store.hpp"

namespace sgwrs {

void AuditService::record(store::Conn& c, const Entry& e) const {
  AuditEvent ev;
  ev.at_ms = clock_() * 1000;  // order within a second is kept by the id
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

Result<std::vector<AuditEvent>> AuditService::list(const Actor& actor, Id before, int limit) const {
  if (!actor.is_admin()) {
    record_now({actor.user.id, "access_refused", "refused", "audit", "", {}, actor.address});
    return Error::of(Errc::forbidden, "forbidden");
  }
  return db_.transact(store::TxMode::read,
                      [&](store::Conn& c) { return store::audit::list(c, before, limit); });
}

}  // namespace sgwrs
