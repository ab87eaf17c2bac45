#include "store/record/safety_store.hpp"

#include <fmt/format.h>

#include "store/core/closed_set_column.hpp"
#include "store/core/versioned.hpp"

namespace sgwrs::store::record {
namespace {

constexpr const char* kStatementCols =
    "id, family_id, kind, text, safety_goal, said_by, disagreement, version, created_by, "
    "created_at";

SafetyStatement statement_from(const Row& r) {
  SafetyStatement s;
  s.id = r.i64(0);
  s.family_id = r.i64(1);
  s.kind = stored_value(kSafetyKinds, r.text(2), "safety_statements.kind");
  s.text = r.text(3);
  s.safety_goal = r.text(4);
  s.said_by = r.text(5);
  s.disagreement = r.text(6);
  s.version = r.i64(7);
  s.created_by = r.opt_i64(8).value_or(0);
  s.created_at = r.i64(9);
  return s;
}

}  // namespace

SafetyStatement insert_statement(Conn& c, SafetyStatement s, std::int64_t now) {
  s.id = c.query(
              "INSERT INTO safety_statements (family_id, kind, text, safety_goal, said_by, "
              "disagreement, version, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) "
              "RETURNING id",
              {s.family_id, std::string(kSafetyKinds.id(s.kind)), s.text, s.safety_goal, s.said_by,
               s.disagreement, by_user(s.created_by), now})
             .at(0)
             .i64(0);
  return *find_statement(c, s.id);
}

std::optional<SafetyStatement> find_statement(Conn& c, Id id) {
  const auto rows =
      c.query(fmt::format("SELECT {} FROM safety_statements WHERE id = ?", kStatementCols), {id});
  if (rows.empty()) return std::nullopt;
  return statement_from(rows.front());
}

std::vector<SafetyStatement> statements_of_family(Conn& c, Id family_id) {
  std::vector<SafetyStatement> out;
  for (const auto& r :
       c.query(fmt::format("SELECT {} FROM safety_statements WHERE family_id = ? ORDER BY id",
                           kStatementCols),
               {family_id}))
    out.push_back(statement_from(r));
  return out;
}

Result<SafetyStatement> update_statement(Conn& c, const SafetyStatement& s) {
  if (c.exec("UPDATE safety_statements SET kind = ?, text = ?, safety_goal = ?, said_by = ?, "
             "disagreement = ?, version = version + 1 WHERE id = ? AND version = ?",
             {std::string(kSafetyKinds.id(s.kind)), s.text, s.safety_goal, s.said_by,
              s.disagreement, s.id, s.version}) != 1)
    return missing_or_stale(c, "safety_statements", s.id);
  return *find_statement(c, s.id);
}

Scaling insert_scaling(Conn& c, Scaling s, std::int64_t now) {
  s.id = c.query(
              "INSERT INTO scalings (family_id, scaled_on, perspective, who, score, reason, "
              "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {s.family_id, s.on, std::string(kPerspectives.id(s.perspective)), s.who,
               std::int64_t{s.score}, s.reason, by_user(s.recorded_by), now})
             .at(0)
             .i64(0);
  s.recorded_at = now;
  return s;
}

std::vector<Scaling> scalings_of_family(Conn& c, Id family_id) {
  std::vector<Scaling> out;
  for (const auto& r : c.query(
           "SELECT s.id, s.family_id, s.scaled_on, s.perspective, s.who, s.score, s.reason, "
           "s.recorded_by, COALESCE(u.display_name, ''), s.recorded_at FROM scalings s LEFT JOIN "
           "users u ON u.id = s.recorded_by WHERE s.family_id = ? ORDER BY s.scaled_on, s.id",
           {family_id})) {
    Scaling s;
    s.id = r.i64(0);
    s.family_id = r.i64(1);
    s.on = r.text(2);
    s.perspective = stored_value(kPerspectives, r.text(3), "scalings.perspective");
    s.who = r.text(4);
    s.score = static_cast<int>(r.i64(5));
    s.reason = r.text(6);
    s.recorded_by = r.opt_i64(7).value_or(0);
    s.recorded_by_name = r.text(8);
    s.recorded_at = r.i64(9);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace sgwrs::store::record
