#include "store/record/family_store.hpp"

#include "store/core/closed_set_column.hpp"
#include "store/core/versioned.hpp"

namespace sgwrs::store::record {
namespace {

Involvement involvement_from(const Row& r) {
  Involvement v;
  v.id = r.i64(0);
  v.family_id = r.i64(1);
  v.lead_worker_id = r.i64(2);
  v.pod_id = r.i64(3);
  v.opened_on = r.text(4);
  v.closed_on = r.text(5);
  v.version = r.i64(6);
  return v;
}
constexpr const char* kInvolvementCols =
    "id, family_id, lead_worker_id, pod_id, opened_on, closed_on, version";

std::vector<StatusChange> history_of(Conn& c, Id involvement_id) {
  std::vector<StatusChange> out;
  for (const auto& r :
       c.query("SELECT status, from_date, changed_by, note FROM involvement_statuses "
               "WHERE involvement_id = ? ORDER BY ordinal",
               {involvement_id}))
    out.push_back({stored_value(kInvolvementStatuses, r.text(0), "involvement_statuses.status"),
                   r.text(1), r.opt_i64(2).value_or(0), r.text(3)});
  return out;
}

BreakGlass break_glass_from(const Row& r) {
  return {r.i64(0), r.i64(1), r.i64(2), r.text(3), r.i64(4), r.i64(5), r.text(6)};
}
constexpr const char* kBreakGlassSelect =
    "SELECT b.id, b.user_id, b.family_id, b.reason, b.started_at, b.ends_at, u.display_name "
    "FROM break_glass b JOIN users u ON u.id = b.user_id ";

}  // namespace

Family insert_family(Conn& c, Family f, Id by, std::int64_t now) {
  f.id = c.query(
              "INSERT INTO families (organisation_id, name, version, created_at, created_by) "
              "VALUES (?, ?, 1, ?, ?) RETURNING id",
              {f.organisation_id, f.name, now, by_user(by)})
             .at(0)
             .i64(0);
  f.version = 1;
  f.created_at = now;
  for (const auto& m : f.members) put_member(c, f.id, m.person_id, m.role);
  return f;
}

std::optional<Family> find_family(Conn& c, Id id) {
  const auto rows = c.query(
      "SELECT id, organisation_id, name, version, created_at FROM families WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  Family f{rows[0].i64(0), rows[0].i64(1), rows[0].text(2), {}, rows[0].i64(3), rows[0].i64(4)};
  for (const auto& r :
       c.query("SELECT m.person_id, m.role, p.given_name, p.preferred_name, p.family_name "
               "FROM family_members m JOIN people p ON p.id = m.person_id "
               "WHERE m.family_id = ? ORDER BY p.date_of_birth, p.id",
               {id})) {
    const std::string called = r.text(3).empty() ? r.text(2) : r.text(3);
    f.members.push_back({r.i64(0), stored_value(kMemberRoles, r.text(1), "family_members.role"),
                         called + " " + r.text(4)});
  }
  return f;
}

void put_member(Conn& c, Id family_id, Id person_id, MemberRole role) {
  c.exec(
      "INSERT INTO family_members (family_id, person_id, role) VALUES (?, ?, ?) "
      "ON CONFLICT (family_id, person_id) DO UPDATE SET role = excluded.role",
      {family_id, person_id, std::string(kMemberRoles.id(role))});
}

std::vector<Id> families_of_person(Conn& c, Id person_id) {
  std::vector<Id> out;
  for (const auto& r :
       c.query("SELECT family_id FROM family_members WHERE person_id = ? ORDER BY family_id",
               {person_id}))
    out.push_back(r.i64(0));
  return out;
}

Involvement insert_involvement(Conn& c, Involvement v, std::int64_t now) {
  v.id = c.query(
              "INSERT INTO involvements (family_id, lead_worker_id, pod_id, opened_on, closed_on, "
              "version, created_at) VALUES (?, ?, ?, ?, '', 1, ?) RETURNING id",
              {v.family_id, v.lead_worker_id, v.pod_id, v.opened_on, now})
             .at(0)
             .i64(0);
  v.version = 1;
  v.closed_on.clear();
  for (const auto& s : v.history) add_status(c, v.id, s, now);
  return v;
}

std::vector<Involvement> involvements_of_family(Conn& c, Id family_id) {
  std::vector<Involvement> out;
  for (const auto& r : c.query(std::string("SELECT ") + kInvolvementCols +
                                   " FROM involvements WHERE family_id = ? ORDER BY opened_on, id",
                               {family_id}))
    out.push_back(involvement_from(r));
  for (auto& v : out) v.history = history_of(c, v.id);
  return out;
}

std::optional<Involvement> find_involvement(Conn& c, Id id) {
  const auto rows =
      c.query(std::string("SELECT ") + kInvolvementCols + " FROM involvements WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  auto v = involvement_from(rows[0]);
  v.history = history_of(c, v.id);
  return v;
}

void add_status(Conn& c, Id involvement_id, const StatusChange& s, std::int64_t now) {
  c.exec(
      "INSERT INTO involvement_statuses (involvement_id, ordinal, status, from_date, changed_by, "
      "note, changed_at) VALUES (?, (SELECT COALESCE(MAX(ordinal), 0) + 1 FROM "
      "involvement_statuses WHERE involvement_id = ?), ?, ?, ?, ?, ?)",
      {involvement_id, involvement_id, std::string(kInvolvementStatuses.id(s.status)), s.from,
       by_user(s.changed_by), s.note, now});
}

Result<Involvement> touch_involvement(Conn& c, Id id, std::int64_t version) {
  if (c.exec("UPDATE involvements SET version = version + 1 WHERE id = ? AND version = ?",
             {id, version}) != 1)
    return missing_or_stale(c, "involvements", id);
  return *find_involvement(c, id);
}

Result<Involvement> set_closed_on(Conn& c, Id id, std::int64_t version, const std::string& day) {
  if (c.exec("UPDATE involvements SET closed_on = ?, version = version + 1 "
             "WHERE id = ? AND version = ?",
             {day, id, version}) != 1)
    return missing_or_stale(c, "involvements", id);
  return *find_involvement(c, id);
}

std::optional<FamilyTies> family_ties(Conn& c, Id family_id, Id user_id, std::optional<Id> pod_id,
                                      std::int64_t now) {
  // CASE makes each tie an integer on both engines (PostgreSQL's EXISTS is a boolean).
  const auto rows = c.query(
      "SELECT f.organisation_id, "
      "CASE WHEN EXISTS (SELECT 1 FROM involvements v WHERE v.family_id = f.id AND "
      "v.lead_worker_id = ?) THEN 1 ELSE 0 END, "
      "CASE WHEN EXISTS (SELECT 1 FROM involvements v WHERE v.family_id = f.id AND "
      "v.pod_id = ?) THEN 1 ELSE 0 END, "
      "CASE WHEN EXISTS (SELECT 1 FROM break_glass b WHERE b.family_id = f.id AND "
      "b.user_id = ? AND b.ends_at > ?) THEN 1 ELSE 0 END "
      "FROM families f WHERE f.id = ?",
      {user_id, opt(pod_id), user_id, now, family_id});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows[0];
  return FamilyTies{r.i64(0), r.i64(1) != 0, r.i64(2) != 0, r.i64(3) != 0};
}

std::vector<Id> families_allocated_to(Conn& c, Id user_id, std::optional<Id> pod_id) {
  std::vector<Id> out;
  for (const auto& r :
       c.query("SELECT DISTINCT family_id FROM involvements WHERE lead_worker_id = ? OR pod_id = ? "
               "ORDER BY family_id",
               {user_id, opt(pod_id)}))
    out.push_back(r.i64(0));
  return out;
}

std::vector<Id> families_of_organisation(Conn& c, Id organisation_id, std::size_t limit) {
  std::vector<Id> out;
  for (const auto& r :
       c.query("SELECT id FROM families WHERE organisation_id = ? ORDER BY name, id "
               "LIMIT ?",
               {organisation_id, static_cast<std::int64_t>(limit)}))
    out.push_back(r.i64(0));
  return out;
}

BreakGlass insert_break_glass(Conn& c, BreakGlass b) {
  b.id = c.query(
              "INSERT INTO break_glass (user_id, family_id, reason, started_at, ends_at) "
              "VALUES (?, ?, ?, ?, ?) RETURNING id",
              {b.user_id, b.family_id, b.reason, b.started_at, b.ends_at})
             .at(0)
             .i64(0);
  return b;
}

std::optional<BreakGlass> active_break_glass(Conn& c, Id user_id, Id family_id, std::int64_t now) {
  const auto rows = c.query(std::string(kBreakGlassSelect) +
                                "WHERE b.user_id = ? AND b.family_id = ? AND b.ends_at > ? "
                                "ORDER BY b.ends_at DESC LIMIT 1",
                            {user_id, family_id, now});
  if (rows.empty()) return std::nullopt;
  return break_glass_from(rows[0]);
}

std::vector<BreakGlass> break_glass_for_pod(Conn& c, Id pod_id, std::size_t limit) {
  std::vector<BreakGlass> out;
  for (const auto& r : c.query(std::string(kBreakGlassSelect) +
                                   "WHERE b.family_id IN (SELECT family_id FROM involvements "
                                   "WHERE pod_id = ?) ORDER BY b.started_at DESC, b.id DESC "
                                   "LIMIT ?",
                               {pod_id, static_cast<std::int64_t>(limit)}))
    out.push_back(break_glass_from(r));
  return out;
}

}  // namespace sgwrs::store::record
