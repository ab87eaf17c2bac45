#include "service/record/marking.hpp"

#include "store/core/db.hpp"
#include "store/record/marking_store.hpp"

namespace sgwrs::marking {

Marks of_family(store::Conn& c, Id family_id) {
  return store::record::marks_of_family(c, family_id);
}

void put(store::Conn& c, const std::string& type, Id item_id, Id family_id,
         const std::string& reason, Id by, std::int64_t now) {
  store::record::put_mark(c, type, item_id, family_id, reason, by, now);
}

}  // namespace sgwrs::marking
