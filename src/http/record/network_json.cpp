#include "http/record/network_json.hpp"

#include "http/record/record_json.hpp"

namespace sgwrs::http::record {
namespace bj = boost::json;

const std::vector<const char*> kStrengthFields = {"kind", "person_id", "text", "outcome_ids",
                                                  "sensitive_reason"};
const std::vector<const char*> kNetworkMemberFields = {
    "person_id",       "name", "role", "tie", "flow", "support", "how_often", "their_words",
    "sensitive_reason"};

bj::object to_json(const Strength& s) {
  bj::array outcomes;
  for (Id o : s.outcome_ids) outcomes.push_back(o);
  return with_marking({{"id", s.id},
                       {"family_id", s.family_id},
                       {"person_id", id_or_null(s.person_id)},
                       {"kind", kStrengthKinds.id(s.kind)},
                       {"text", s.text},
                       {"outcome_ids", std::move(outcomes)},
                       {"created_by", s.created_by},
                       {"created_at", s.created_at},
                       {"version", s.version}},
                      s.marking);
}

bj::object to_json(const NetworkMember& m) {
  return with_marking({{"id", m.id},
                       {"family_id", m.family_id},
                       {"person_id", id_or_null(m.person_id)},
                       {"name", m.name},
                       {"role", kNetworkRoles.id(m.role)},
                       {"tie", kTieQualities.id(m.tie)},
                       {"flow", kSupportFlows.id(m.flow)},
                       {"support", m.support},
                       {"how_often", m.how_often},
                       {"their_words", m.their_words},
                       {"created_by", m.created_by},
                       {"created_at", m.created_at},
                       {"version", m.version}},
                      m.marking);
}

void read_strength(JsonInput& in, Strength& s, std::string& bad) {
  if (auto v = in.text("text")) s.text = *v;
  read_closed(in, "kind", kStrengthKinds, s.kind, bad);
  read_optional_id(in, "person_id", s.person_id);
  if (auto ids = in.integers("outcome_ids")) s.outcome_ids.assign(ids->begin(), ids->end());
  read_marking(in, s.marking);
}

void read_network_member(JsonInput& in, NetworkMember& m, std::string& bad) {
  if (auto v = in.text("name")) m.name = *v;
  if (auto v = in.text("support")) m.support = *v;
  if (auto v = in.text("how_often")) m.how_often = *v;
  if (auto v = in.text("their_words")) m.their_words = *v;
  read_closed(in, "role", kNetworkRoles, m.role, bad);
  read_closed(in, "tie", kTieQualities, m.tie, bad);
  read_closed(in, "flow", kSupportFlows, m.flow, bad);
  read_optional_id(in, "person_id", m.person_id);
  read_marking(in, m.marking);
}

}  // namespace sgwrs::http::record
