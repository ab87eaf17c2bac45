#pragma once
// Significant events entered by hand into a family's chronology.
#include <cstdint>
#include <vector>

#include "domain/record/chronology.hpp"
#include "store/core/db.hpp"

namespace sgwrs::store::record {

SignificantEvent insert_event(Conn& c, SignificantEvent e, std::int64_t now);
std::vector<SignificantEvent> events_of_family(Conn& c, Id family_id);

}  // namespace sgwrs::store::record
