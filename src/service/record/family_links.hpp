#pragma once
// What an item of a family's record may point at: one of the family's own members, or an
// outcome of one of them. Shared by the services that link actions, decisions, strengths and
// network members to people and outcomes.
#include <optional>

#include "domain/organisation/organisation.hpp"
#include "domain/record/record.hpp"
#include "service/core/context.hpp"
#include "service/core/store_handle.hpp"

namespace sgwrs::family_links {

// The family of a record the caller was just let into (so it exists).
Family family_of(store::Conn& c, Id family_id);
// The colleague who is to lead the work: the caller, or someone of their organisation who is
// active and in a pod (whose pod then holds the work); nothing for anyone else.
std::optional<User> lead_worker(store::Conn& c, const Actor& a, Id lead_id);
// A new period of work with the family, led by `lead` and held by their pod, with its first
// dated status.
Involvement open_involvement(store::Conn& c, const Actor& a, Id family_id, const User& lead,
                             const std::string& opened_on, InvolvementStatus status,
                             std::int64_t now);
bool member_of(const Family& f, Id person);
bool family_outcome(store::Conn& c, const Family& f, Id outcome);

}  // namespace sgwrs::family_links
