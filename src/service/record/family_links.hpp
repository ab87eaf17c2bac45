#pragma once
// What an item of a family's record may point at: one of the family's own members, or an
// outcome of one of them. Shared by the services that link actions, decisions, strengths and
// network members to people and outcomes.
#include "domain/record/record.hpp"
#include "service/core/store_handle.hpp"

namespace sgwrs::family_links {

// The family of a record the caller was just let into (so it exists).
Family family_of(store::Conn& c, Id family_id);
bool member_of(const Family& f, Id person);
bool family_outcome(store::Conn& c, const Family& f, Id outcome);

}  // namespace sgwrs::family_links
