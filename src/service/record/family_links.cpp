#include "service/record/family_links.hpp"

#include <algorithm>

#include "store/record/family_store.hpp"
#include "store/record/outcome_store.hpp"

namespace sgwrs::family_links {

Family family_of(store::Conn& c, Id family_id) {
  return *store::record::find_family(c, family_id);
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
