#pragma once
// Worry, working-well and needs-to-happen statements, and the scaling answers of a family.
#include <cstdint>
#include <optional>
#include <vector>

#include "domain/core/result.hpp"
#include "domain/record/safety.hpp"
#include "store/core/db.hpp"

namespace sgwrs::store::record {

SafetyStatement insert_statement(Conn& c, SafetyStatement s, std::int64_t now);
std::optional<SafetyStatement> find_statement(Conn& c, Id id);
std::vector<SafetyStatement> statements_of_family(Conn& c, Id family_id);
// Everything but the family, when `s.version` is still the stored one.
Result<SafetyStatement> update_statement(Conn& c, const SafetyStatement& s);

Scaling insert_scaling(Conn& c, Scaling s, std::int64_t now);
// Oldest first, so each perspective reads as a line over time.
std::vector<Scaling> scalings_of_family(Conn& c, Id family_id);

}  // namespace sgwrs::store::record
