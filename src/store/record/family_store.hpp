#pragma once
// Families (households), their members, and the involvements that allocate them to a
// worker and a pod, with each involvement's dated statuses and any break-glass access.
#include <optional>
#include <vector>

#include "domain/core/result.hpp"
#include "domain/record/record.hpp"
#include "store/core/db.hpp"

namespace sgwrs::store::record {

Family insert_family(Conn& c, Family f, Id by, std::int64_t now);
std::optional<Family> find_family(Conn& c, Id id);  // with its members
// Adds or changes a member's role (idempotent).
void put_member(Conn& c, Id family_id, Id person_id, MemberRole role);
std::vector<Id> families_of_person(Conn& c, Id person_id);

Involvement insert_involvement(Conn& c, Involvement v, std::int64_t now);
std::vector<Involvement> involvements_of_family(Conn& c, Id family_id);  // with histories
std::optional<Involvement> find_involvement(Conn& c, Id id);
void add_status(Conn& c, Id involvement_id, const StatusChange& s, std::int64_t now);
// Closes or reopens (closed_on empty) when `version` is still the stored one.
// Moves the version on, when `version` is still the stored one (a status change).
Result<Involvement> touch_involvement(Conn& c, Id id, std::int64_t version);
Result<Involvement> set_closed_on(Conn& c, Id id, std::int64_t version, const std::string& day);

// What ties one user to one family, read in one query for the access rule (RecordGate
// decides what the ties mean): the family's organisation, and whether the user leads one
// of its involvements, is in the pod of one (`pod_id`), or has broken the glass until past
// `now`. Empty when there is no such family.
struct FamilyTies {
  Id organisation_id = 0;
  bool lead_worker = false, pod = false, break_glass = false;
};
std::optional<FamilyTies> family_ties(Conn& c, Id family_id, Id user_id, std::optional<Id> pod_id,
                                      std::int64_t now);

// The families a worker may open because they lead an involvement, or belong to (or manage)
// the pod of one: the relationship that gives access.
std::vector<Id> families_allocated_to(Conn& c, Id user_id, std::optional<Id> pod_id);
// Every family of an organisation, by name, at most `limit` (for its senior leaders).
std::vector<Id> families_of_organisation(Conn& c, Id organisation_id, std::size_t limit);

struct BreakGlass {
  Id id = 0;
  Id user_id = 0;
  Id family_id = 0;
  std::string reason;
  std::int64_t started_at = 0, ends_at = 0;
  std::string user_name;  // filled when read
};
BreakGlass insert_break_glass(Conn& c, BreakGlass b);
// Break-glass access by this user to this family still running at `now`.
std::optional<BreakGlass> active_break_glass(Conn& c, Id user_id, Id family_id, std::int64_t now);
// Every break-glass access to families allocated to the pod, newest first (the notice to
// the pod manager).
std::vector<BreakGlass> break_glass_for_pod(Conn& c, Id pod_id, std::size_t limit);

}  // namespace sgwrs::store::record
