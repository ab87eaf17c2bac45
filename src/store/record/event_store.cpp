#include "store/record/event_store.hpp"

namespace sgwrs::store::record {

SignificantEvent insert_event(Conn& c, SignificantEvent e, std::int64_t now) {
  e.id = c.query(
              "INSERT INTO significant_events (family_id, person_id, happened_on, what, "
              "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
              {e.family_id, opt(e.person_id), e.happened_on, e.what, by_user(e.recorded_by), now})
             .at(0)
             .i64(0);
  e.recorded_at = now;
  return e;
}

std::vector<SignificantEvent> events_of_family(Conn& c, Id family_id) {
  std::vector<SignificantEvent> out;
  for (const auto& r :
       c.query("SELECT id, family_id, person_id, happened_on, what, recorded_by, recorded_at FROM "
               "significant_events WHERE family_id = ? ORDER BY happened_on, id",
               {family_id}))
    out.push_back({r.i64(0), r.i64(1), r.opt_i64(2), r.text(3), r.text(4), r.opt_i64(5).value_or(0),
                   r.i64(6)});
  return out;
}

}  // namespace sgwrs::store::record
