#include "store/record/plan_store.hpp"

#include <fmt/format.h>

#include <map>

#include "store/core/closed_set_column.hpp"
#include "store/core/versioned.hpp"

namespace sgwrs::store::record {
namespace {

constexpr const char* kActionCols =
    "id, family_id, what, owner, who, person_id, by_when, outcome_id, version, created_by, "
    "created_at";

AgreedAction action_from(const Row& r) {
  AgreedAction a;
  a.id = r.i64(0);
  a.family_id = r.i64(1);
  a.what = r.text(2);
  a.owner = stored_value(kActionOwners, r.text(3), "agreed_actions.owner");
  a.who = r.text(4);
  a.person_id = r.opt_i64(5);
  a.by_when = r.text(6);
  a.outcome_id = r.opt_i64(7);
  a.version = r.i64(8);
  a.created_by = r.opt_i64(9).value_or(0);
  a.created_at = r.i64(10);
  return a;
}

std::vector<AgreedAction> actions_where(Conn& c, const std::string& where, Id key) {
  std::vector<AgreedAction> out;
  std::map<Id, std::size_t> at;
  for (const auto& r : c.query(fmt::format("SELECT {} FROM agreed_actions WHERE {} = ? ORDER BY id",
                                           kActionCols, where),
                               {key})) {
    at[r.i64(0)] = out.size();
    out.push_back(action_from(r));
  }
  if (out.empty()) return out;
  for (const auto& r : c.query(
           fmt::format("SELECT p.action_id, p.checked_on, p.state, p.their_words, p.recorded_by, "
                       "COALESCE(u.display_name, '') FROM action_progress p JOIN agreed_actions a "
                       "ON a.id = p.action_id LEFT JOIN users u ON u.id = p.recorded_by WHERE "
                       "a.{} = ? ORDER BY p.id",
                       where),
           {key}))
    if (auto it = at.find(r.i64(0)); it != at.end())
      out[it->second].progress.push_back(
          {r.text(1), stored_value(kActionStates, r.text(2), "action_progress.state"), r.text(3),
           r.opt_i64(4).value_or(0), r.text(5)});
  return out;
}

}  // namespace

AgreedAction insert_action(Conn& c, AgreedAction a, std::int64_t now) {
  a.id = c.query(
              "INSERT INTO agreed_actions (family_id, what, owner, who, person_id, by_when, "
              "outcome_id, version, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?) "
              "RETURNING id",
              {a.family_id, a.what, std::string(kActionOwners.id(a.owner)), a.who, opt(a.person_id),
               a.by_when, opt(a.outcome_id), by_user(a.created_by), now})
             .at(0)
             .i64(0);
  return *find_action(c, a.id);
}

std::optional<AgreedAction> find_action(Conn& c, Id id) {
  auto found = actions_where(c, "id", id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<AgreedAction> actions_of_family(Conn& c, Id family_id) {
  return actions_where(c, "family_id", family_id);
}

Result<AgreedAction> update_action(Conn& c, const AgreedAction& a) {
  if (c.exec("UPDATE agreed_actions SET what = ?, owner = ?, who = ?, person_id = ?, by_when = ?, "
             "outcome_id = ?, version = version + 1 WHERE id = ? AND version = ?",
             {a.what, std::string(kActionOwners.id(a.owner)), a.who, opt(a.person_id), a.by_when,
              opt(a.outcome_id), a.id, a.version}) != 1)
    return missing_or_stale(c, "agreed_actions", a.id);
  return *find_action(c, a.id);
}

void insert_progress(Conn& c, Id action_id, const ActionProgress& p, std::int64_t now) {
  c.exec(
      "INSERT INTO action_progress (action_id, checked_on, state, their_words, recorded_by, "
      "recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
      {action_id, p.on, std::string(kActionStates.id(p.state)), p.their_words,
       by_user(p.recorded_by), now});
  c.exec("UPDATE agreed_actions SET version = version + 1 WHERE id = ?", {action_id});
}

SupportDecision insert_decision(Conn& c, SupportDecision d, std::int64_t now) {
  d.id = c.query(
              "INSERT INTO support_decisions (family_id, person_id, decided_on, kind, reason, "
              "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {d.family_id, opt(d.person_id), d.decided_on, std::string(kDecisionKinds.id(d.kind)),
               d.reason, by_user(d.recorded_by), now})
             .at(0)
             .i64(0);
  for (Id o : d.outcome_ids)
    c.exec(
        "INSERT INTO support_decision_outcomes (decision_id, outcome_id) VALUES (?, ?) "
        "ON CONFLICT DO NOTHING",
        {d.id, o});
  d.recorded_at = now;
  return d;
}

std::vector<SupportDecision> decisions_of_family(Conn& c, Id family_id) {
  std::vector<SupportDecision> out;
  std::map<Id, std::size_t> at;
  for (const auto& r : c.query(
           "SELECT d.id, d.family_id, d.person_id, d.decided_on, d.kind, d.reason, d.recorded_by, "
           "COALESCE(u.display_name, ''), d.recorded_at FROM support_decisions d LEFT JOIN users u "
           "ON u.id = d.recorded_by WHERE d.family_id = ? ORDER BY d.decided_on DESC, d.id DESC",
           {family_id})) {
    SupportDecision d;
    d.id = r.i64(0);
    d.family_id = r.i64(1);
    d.person_id = r.opt_i64(2);
    d.decided_on = r.text(3);
    d.kind = stored_value(kDecisionKinds, r.text(4), "support_decisions.kind");
    d.reason = r.text(5);
    d.recorded_by = r.opt_i64(6).value_or(0);
    d.recorded_by_name = r.text(7);
    d.recorded_at = r.i64(8);
    at[d.id] = out.size();
    out.push_back(std::move(d));
  }
  if (out.empty()) return out;
  for (const auto& r :
       c.query("SELECT o.decision_id, o.outcome_id FROM support_decision_outcomes o JOIN "
               "support_decisions d ON d.id = o.decision_id WHERE d.family_id = ? ORDER BY "
               "o.outcome_id",
               {family_id}))
    if (auto it = at.find(r.i64(0)); it != at.end())
      out[it->second].outcome_ids.push_back(r.i64(1));
  return out;
}

}  // namespace sgwrs::store::record
