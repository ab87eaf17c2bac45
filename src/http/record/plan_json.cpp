#include "http/record/plan_json.hpp"

#include "http/record/record_json.hpp"

namespace sgwrs::http::record {
namespace bj = boost::json;

const std::vector<const char*> kActionFields = {"what",      "owner",   "who",
                                                "person_id", "by_when", "outcome_id"};
const std::vector<const char*> kProgressFields = {"on", "state", "their_words"};
const std::vector<const char*> kDecisionFields = {"decided_on", "kind", "person_id", "outcome_ids",
                                                  "reason"};

bj::object to_json(const AgreedAction& a) {
  bj::array progress;
  for (const auto& p : a.progress)
    progress.push_back({{"on", p.on},
                        {"state", kActionStates.id(p.state)},
                        {"their_words", p.their_words},
                        {"recorded_by", p.recorded_by},
                        {"recorded_by_name", p.recorded_by_name}});
  return {{"id", a.id},
          {"family_id", a.family_id},
          {"what", a.what},
          {"owner", kActionOwners.id(a.owner)},
          {"who", a.who},
          {"person_id", id_or_null(a.person_id)},
          {"by_when", a.by_when},
          {"outcome_id", id_or_null(a.outcome_id)},
          {"state", kActionStates.id(a.state())},
          {"progress", std::move(progress)},
          {"created_by", a.created_by},
          {"created_at", a.created_at},
          {"version", a.version}};
}

bj::object to_json(const SupportDecision& d) {
  bj::array outcomes;
  for (Id o : d.outcome_ids) outcomes.push_back(o);
  return {{"id", d.id},
          {"family_id", d.family_id},
          {"person_id", id_or_null(d.person_id)},
          {"decided_on", d.decided_on},
          {"kind", kDecisionKinds.id(d.kind)},
          {"outcome_ids", std::move(outcomes)},
          {"reason", d.reason},
          {"recorded_by", d.recorded_by},
          {"recorded_by_name", d.recorded_by_name},
          {"recorded_at", d.recorded_at}};
}

void read_action(JsonInput& in, AgreedAction& a, std::string& bad) {
  if (auto v = in.text("what")) a.what = *v;
  if (auto v = in.text("who")) a.who = *v;
  if (auto v = in.text("by_when")) a.by_when = *v;
  read_closed(in, "owner", kActionOwners, a.owner, bad);
  read_optional_id(in, "person_id", a.person_id);
  read_optional_id(in, "outcome_id", a.outcome_id);
}

void read_progress(JsonInput& in, ActionProgress& p, std::string& bad) {
  if (auto v = in.text("on")) p.on = *v;
  if (auto v = in.text("their_words")) p.their_words = *v;
  read_closed(in, "state", kActionStates, p.state, bad);
}

void read_decision(JsonInput& in, SupportDecision& d, std::string& bad) {
  if (auto v = in.text("decided_on")) d.decided_on = *v;
  if (auto v = in.text("reason")) d.reason = *v;
  read_closed(in, "kind", kDecisionKinds, d.kind, bad);
  read_optional_id(in, "person_id", d.person_id);
  if (auto ids = in.integers("outcome_ids")) d.outcome_ids.assign(ids->begin(), ids->end());
}

}  // namespace sgwrs::http::record
