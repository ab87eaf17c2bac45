#include "service/record/family_links.hpp"

#include <algorithm>

#include "store/organisation/user_store.hpp"
#include "store/record/family_store.hpp"
#include "store/record/outcome_store.hpp"

namespace sgwrs::family_links {

Family family_of(store::Conn& c, Id family_id) {
  return *store::record::find_family(c, family_id);
}

std::optional<User> lead_worker(store::Conn& c, const Actor& a, Id lead_id) {
  auto lead = lead_id == a.user.id ? std::optional<User>(a.user) : store::users::find(c, lead_id);
  if (!lead || lead->organisation_id != a.user.organisation_id || lead->disabled || !lead->pod_id)
    return std::nullopt;
  return lead;
}

Involvement open_involvement(store::Conn& c, const Actor& a, Id family_id, const User& lead,
                             const std::string& opened_on, InvolvementStatus status,
                             std::int64_t now) {
  Involvement inv;
  inv.family_id = family_id;
  inv.lead_worker_id = lead.id;
  inv.pod_id = *lead.pod_id;
  inv.opened_on = opened_on;
  inv.history.push_back({status, opened_on, a.user.id, {}});
  return store::record::insert_involvement(c, inv, now);
}

bool member_of(const Family& f, Id person) {
  return std::any_of(f.members.begin(), f.members.end(),
                     [&](const FamilyMember& m) { return m.person_id == person; });
}

bool family_outcome(store::Conn& c, const Family& f, Id outcome) {
  const auto o = store::record::find_outcome(c, outcome);
  return o && member_of(f, o->person_id);
}

}  // namespace sgwrs::family_links
