#include "store/audit/audit_store.hpp"

namespace sgwrs::store::audit {

Id append(Conn& c, const AuditEvent& e) {
  auto rows = c.query(
      "INSERT INTO audit_events (at, actor_user_id, action, outcome, target_type, target_id, "
      "detail, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {e.at, opt(e.actor_user_id), e.action, e.outcome, e.target_type, e.target_id, e.detail,
       e.address});
  return rows.at(0).i64(0);
}

namespace {

constexpr const char* kColumns =
    "SELECT id, at, actor_user_id, action, outcome, target_type, target_id, detail, address "
    "FROM audit_events ";

std::vector<AuditEvent> events_from(const Rows& rows) {
  std::vector<AuditEvent> out;
  for (const auto& r : rows) {
    AuditEvent e;
    e.id = r.i64(0);
    e.at = r.i64(1);
    e.actor_user_id = r.opt_i64(2);
    e.action = r.text(3);
    e.outcome = r.text(4);
    e.target_type = r.is_null(5) ? "" : r.text(5);
    e.target_id = r.is_null(6) ? "" : r.text(6);
    e.detail = r.is_null(7) ? "" : r.text(7);
    e.address = r.is_null(8) ? "" : r.text(8);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

std::vector<AuditEvent> list(Conn& c, Id before, int limit) {
  return events_from(c.query(
      std::string(kColumns) + "WHERE (CAST(? AS BIGINT) = 0 OR id < ?) ORDER BY id DESC LIMIT ?",
      {before, before, std::int64_t{limit}}));
}

std::vector<AuditEvent> list_for_targets(
    Conn& c, const std::vector<std::pair<std::string, std::string>>& targets, int limit) {
  if (targets.empty()) return {};
  std::string sql = std::string(kColumns) + "WHERE ";
  Params params(targets.size() * 2 + 1);
  for (std::size_t i = 0; i < targets.size(); ++i) {
    sql += i ? " OR (target_type = ? AND target_id = ?)" : "(target_type = ? AND target_id = ?)";
    params[2 * i].emplace<std::string>(targets[i].first);
    params[2 * i + 1].emplace<std::string>(targets[i].second);
  }
  params.back() = std::int64_t{limit};
  return events_from(c.query(sql + " ORDER BY id DESC LIMIT ?", params));
}

}  // namespace sgwrs::store::audit
