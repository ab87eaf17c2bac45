#pragma once
// Sensitive marks on a family's items, for the services that save, read and list them
// (family_items.hpp): the store's marks table read and written in the use case's own
// transaction.
#include <map>
#include <string>
#include <utility>

#include "domain/organisation/organisation.hpp"

namespace sgwrs::store {
class Conn;
}

namespace sgwrs::marking {

// The reasons of every marked item of a family, by (item type, item id).
using Marks = std::map<std::pair<std::string, Id>, std::string>;

Marks of_family(store::Conn& c, Id family_id);
// Marks the item with `reason`, or clears its mark when `reason` is empty.
void put(store::Conn& c, const std::string& type, Id item_id, Id family_id,
         const std::string& reason, Id by, std::int64_t now);

inline std::string reason_of(const Marks& marks, const std::string& type, Id id) {
  const auto it = marks.find({type, id});
  return it == marks.end() ? std::string{} : it->second;
}

}  // namespace sgwrs::marking
