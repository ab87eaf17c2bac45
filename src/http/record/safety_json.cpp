#include "http/record/safety_json.hpp"

#include "http/record/record_json.hpp"

namespace sgwrs::http::record {
namespace bj = boost::json;

const std::vector<const char*> kSafetyStatementFields = {
    "kind", "text", "safety_goal", "said_by", "disagreement", "sensitive_reason"};
const std::vector<const char*> kScalingFields = {"on", "perspective", "who", "score", "reason"};

bj::object to_json(const SafetyStatement& s) {
  return with_marking({{"id", s.id},
                       {"family_id", s.family_id},
                       {"kind", kSafetyKinds.id(s.kind)},
                       {"text", s.text},
                       {"safety_goal", s.safety_goal},
                       {"said_by", s.said_by},
                       {"disagreement", s.disagreement},
                       {"created_by", s.created_by},
                       {"created_at", s.created_at},
                       {"version", s.version}},
                      s.marking);
}

bj::object to_json(const Scaling& s) {
  return {{"id", s.id},
          {"family_id", s.family_id},
          {"on", s.on},
          {"perspective", kPerspectives.id(s.perspective)},
          {"who", s.who},
          {"score", s.score},
          {"reason", s.reason},
          {"recorded_by", s.recorded_by},
          {"recorded_by_name", s.recorded_by_name},
          {"recorded_at", s.recorded_at}};
}

void read_statement(JsonInput& in, SafetyStatement& s, std::string& bad) {
  if (auto v = in.text("text")) s.text = *v;
  if (auto v = in.text("safety_goal")) s.safety_goal = *v;
  if (auto v = in.text("said_by")) s.said_by = *v;
  if (auto v = in.text("disagreement")) s.disagreement = *v;
  read_closed(in, "kind", kSafetyKinds, s.kind, bad);
  read_marking(in, s.marking);
}

void read_scaling(JsonInput& in, Scaling& s, std::string& bad) {
  if (auto v = in.text("on")) s.on = *v;
  if (auto v = in.text("who")) s.who = *v;
  if (auto v = in.text("reason")) s.reason = *v;
  // Out-of-range scores are the service's to refuse with the field named; only a number
  // that does not fit an int is unreadable.
  if (auto v = in.integer("score")) s.score = *v < -1000 || *v > 1000 ? -1 : static_cast<int>(*v);
  read_closed(in, "perspective", kPerspectives, s.perspective, bad);
}

}  // namespace sgwrs::http::record
