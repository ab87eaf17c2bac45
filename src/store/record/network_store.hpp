#pragma once
// Strengths with the outcomes they support, and the members of a family's network.
#include <cstdint>
#include <optional>
#include <vector>

#include "domain/core/result.hpp"
#include "domain/record/network.hpp"
#include "store/core/db.hpp"

namespace sgwrs::store::record {

Strength insert_strength(Conn& c, Strength s, std::int64_t now);
std::optional<Strength> find_strength(Conn& c, Id id);
std::vector<Strength> strengths_of_family(Conn& c, Id family_id);
// Kind, whose, words and linked outcomes, when `s.version` is still the stored one.
Result<Strength> update_strength(Conn& c, const Strength& s);

NetworkMember insert_network_member(Conn& c, NetworkMember m, std::int64_t now);
std::optional<NetworkMember> find_network_member(Conn& c, Id id);
std::vector<NetworkMember> network_of_family(Conn& c, Id family_id);
Result<NetworkMember> update_network_member(Conn& c, const NetworkMember& m);

}  // namespace sgwrs::store::record
