#pragma once
// The sensitive marks of a family's items (migration 17), one table for every kind of item:
// `item_type` is the item's audit type ("strength", "network_member", "safety_statement").
#include <map>
#include <string>
#include <utility>

#include "domain/record/record.hpp"
#include "store/core/db.hpp"

namespace sgwrs::store::record {

// Marks the item with `reason`, or clears its mark when `reason` is empty.
void put_mark(Conn& c, const std::string& item_type, Id item_id, Id family_id,
              const std::string& reason, Id by, std::int64_t now);
// The reasons of every marked item of the family, by (item type, item id).
std::map<std::pair<std::string, Id>, std::string> marks_of_family(Conn& c, Id family_id);

}  // namespace sgwrs::store::record
