#include "store/record/network_store.hpp"

#include <fmt/format.h>

#include <map>

#include "store/core/closed_set_column.hpp"
#include "store/core/versioned.hpp"

namespace sgwrs::store::record {
namespace {

constexpr const char* kStrengthCols =
    "id, family_id, person_id, kind, text, version, created_by, created_at";

// `where` is a column of the store, never input. One query for the strengths and one for
// all their outcome links, however many there are.
std::vector<Strength> strengths_where(Conn& c, const char* where, Id key) {
  std::vector<Strength> out;
  std::map<Id, std::size_t> at;
  for (const auto& r : c.query(
           fmt::format("SELECT {} FROM strengths WHERE {} = ? ORDER BY id", kStrengthCols, where),
           {key})) {
    Strength s;
    s.id = r.i64(0);
    s.family_id = r.i64(1);
    s.person_id = r.opt_i64(2);
    s.kind = stored_value(kStrengthKinds, r.text(3), "strengths.kind");
    s.text = r.text(4);
    s.version = r.i64(5);
    s.created_by = r.opt_i64(6).value_or(0);
    s.created_at = r.i64(7);
    at[s.id] = out.size();
    out.push_back(std::move(s));
  }
  if (out.empty()) return out;
  for (const auto& r : c.query(fmt::format("SELECT o.strength_id, o.outcome_id FROM "
                                           "strength_outcomes o JOIN strengths s ON s.id = "
                                           "o.strength_id WHERE s.{} = ? ORDER BY o.outcome_id",
                                           where),
                               {key}))
    if (auto it = at.find(r.i64(0)); it != at.end())
      out[it->second].outcome_ids.push_back(r.i64(1));
  return out;
}

void link_outcomes(Conn& c, const Strength& s) {
  c.exec("DELETE FROM strength_outcomes WHERE strength_id = ?", {s.id});
  for (Id o : s.outcome_ids)
    c.exec(
        "INSERT INTO strength_outcomes (strength_id, outcome_id) VALUES (?, ?) ON CONFLICT DO "
        "NOTHING",
        {s.id, o});
}

constexpr const char* kMemberCols =
    "id, family_id, person_id, name, role, tie, flow, support, how_often, their_words, version, "
    "created_by, created_at";

NetworkMember member_from(const Row& r) {
  NetworkMember m;
  m.id = r.i64(0);
  m.family_id = r.i64(1);
  m.person_id = r.opt_i64(2);
  m.name = r.text(3);
  m.role = stored_value(kNetworkRoles, r.text(4), "network_members.role");
  m.tie = stored_value(kTieQualities, r.text(5), "network_members.tie");
  m.flow = stored_value(kSupportFlows, r.text(6), "network_members.flow");
  m.support = r.text(7);
  m.how_often = r.text(8);
  m.their_words = r.text(9);
  m.version = r.i64(10);
  m.created_by = r.opt_i64(11).value_or(0);
  m.created_at = r.i64(12);
  return m;
}

}  // namespace

Strength insert_strength(Conn& c, Strength s, std::int64_t now) {
  s.id = c.query(
              "INSERT INTO strengths (family_id, person_id, kind, text, version, created_by, "
              "created_at) VALUES (?, ?, ?, ?, 1, ?, ?) RETURNING id",
              {s.family_id, opt(s.person_id), std::string(kStrengthKinds.id(s.kind)), s.text,
               by_user(s.created_by), now})
             .at(0)
             .i64(0);
  link_outcomes(c, s);
  return *find_strength(c, s.id);
}

std::optional<Strength> find_strength(Conn& c, Id id) {
  auto found = strengths_where(c, "id", id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<Strength> strengths_of_family(Conn& c, Id family_id) {
  return strengths_where(c, "family_id", family_id);
}

Result<Strength> update_strength(Conn& c, const Strength& s) {
  if (c.exec("UPDATE strengths SET person_id = ?, kind = ?, text = ?, version = version + 1 "
             "WHERE id = ? AND version = ?",
             {opt(s.person_id), std::string(kStrengthKinds.id(s.kind)), s.text, s.id, s.version}) !=
      1)
    return missing_or_stale(c, "strengths", s.id);
  link_outcomes(c, s);
  return *find_strength(c, s.id);
}

NetworkMember insert_network_member(Conn& c, NetworkMember m, std::int64_t now) {
  m.id = c.query(
              "INSERT INTO network_members (family_id, person_id, name, role, tie, flow, support, "
              "how_often, their_words, version, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, "
              "?, ?, ?, 1, ?, ?) RETURNING id",
              {m.family_id, opt(m.person_id), m.name, std::string(kNetworkRoles.id(m.role)),
               std::string(kTieQualities.id(m.tie)), std::string(kSupportFlows.id(m.flow)),
               m.support, m.how_often, m.their_words, by_user(m.created_by), now})
             .at(0)
             .i64(0);
  return *find_network_member(c, m.id);
}

std::optional<NetworkMember> find_network_member(Conn& c, Id id) {
  const auto rows =
      c.query(fmt::format("SELECT {} FROM network_members WHERE id = ?", kMemberCols), {id});
  if (rows.empty()) return std::nullopt;
  return member_from(rows.front());
}

std::vector<NetworkMember> network_of_family(Conn& c, Id family_id) {
  std::vector<NetworkMember> out;
  for (const auto& r :
       c.query(fmt::format("SELECT {} FROM network_members WHERE family_id = ? ORDER BY id",
                           kMemberCols),
               {family_id}))
    out.push_back(member_from(r));
  return out;
}

Result<NetworkMember> update_network_member(Conn& c, const NetworkMember& m) {
  if (c.exec("UPDATE network_members SET person_id = ?, name = ?, role = ?, tie = ?, flow = ?, "
             "support = ?, how_often = ?, their_words = ?, version = version + 1 WHERE id = ? AND "
             "version = ?",
             {opt(m.person_id), m.name, std::string(kNetworkRoles.id(m.role)),
              std::string(kTieQualities.id(m.tie)), std::string(kSupportFlows.id(m.flow)),
              m.support, m.how_often, m.their_words, m.id, m.version}) != 1)
    return missing_or_stale(c, "network_members", m.id);
  return *find_network_member(c, m.id);
}

}  // namespace sgwrs::store::record
