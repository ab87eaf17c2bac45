#include "store/record/marking_store.hpp"

namespace sgwrs::store::record {

void put_mark(Conn& c, const std::string& item_type, Id item_id, Id family_id,
              const std::string& reason, Id by, std::int64_t now) {
  if (reason.empty()) {
    c.exec("DELETE FROM sensitive_marks WHERE item_type = ? AND item_id = ?", {item_type, item_id});
    return;
  }
  c.exec(
      "INSERT INTO sensitive_marks (item_type, item_id, family_id, reason, marked_by, marked_at) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (item_type, item_id) DO UPDATE SET reason = "
      "excluded.reason, marked_by = excluded.marked_by, marked_at = excluded.marked_at",
      {item_type, item_id, family_id, reason, by_user(by), now});
}

std::map<std::pair<std::string, Id>, std::string> marks_of_family(Conn& c, Id family_id) {
  std::map<std::pair<std::string, Id>, std::string> out;
  for (const auto& r :
       c.query("SELECT item_type, item_id, reason FROM sensitive_marks WHERE family_id = ?",
               {family_id}))
    out[{r.text(0), r.i64(1)}] = r.text(2);
  return out;
}

}  // namespace sgwrs::store::record
