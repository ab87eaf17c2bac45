#include "service/record/safety_service.hpp"

#include <map>

#include "service/record/family_items.hpp"
#include "service/record/record_checks.hpp"
#include "store/core/db.hpp"
#include "store/record/safety_store.hpp"

namespace sgwrs {
namespace {

namespace rec = store::record;
using namespace record_checks;
using namespace family_items;

}  // namespace

Result<SafetyStatement> SafetyService::save_statement(const Actor& a, SafetyStatement s) {
  Validator v;
  v.text("text", s.text, 1, kNotes);
  // A worry without the goal that would show it is safe enough is only half of the pair.
  v.text("safety_goal", s.safety_goal, s.kind == SafetyKind::worry ? 1 : 0, kNotes);
  v.text("said_by", s.said_by, 0, kShortText);
  v.text("disagreement", s.disagreement, 0, kNotes);
  return save_item<SafetyStatement>(
      gate_, a, s, v, "safety_statement", rec::find_statement, [](store::Conn&, const Family&) {},
      rec::insert_statement, rec::update_statement,
      [](const SafetyStatement& was, const SafetyStatement& now) {
        std::map<std::string, std::string> out;
        changed_text(out, "text", was.text, now.text);
        changed_text(out, "safety_goal", was.safety_goal, now.safety_goal);
        changed_text(out, "disagreement", was.disagreement, now.disagreement);
        return out;
      });
}

Result<SafetyStatement> SafetyService::get_statement(const Actor& a, Id statement_id,
                                                     bool reveal_sensitive) {
  return get_item<SafetyStatement>(gate_, a, statement_id, "safety_statement", rec::find_statement,
                                   reveal_sensitive);
}

Result<std::vector<SafetyStatement>> SafetyService::statements_of(const Actor& a, Id family_id,
                                                                  bool reveal_sensitive) {
  return list_items<SafetyStatement>(gate_, a, family_id, "safety_statement",
                                     rec::statements_of_family, reveal_sensitive);
}

Result<Scaling> SafetyService::record_scaling(const Actor& a, Scaling s) {
  const auto now = gate_.now();
  Validator v;
  check_day(v, "on", s.on, false, false, now);
  if (s.score < kScalingLow || s.score > kScalingHigh) v.fail("score", "scaling_out_of_range");
  v.text("who", s.who, 0, kShortText);
  v.text("reason", s.reason, 0, kNotes);
  return gate_.run<Scaling>(a, [&](store::Conn& c, Refusal& refused) -> Result<Scaling> {
    const auto access = gate_.to_family(c, a, s.family_id);
    if (access == RecordAccess::none) return refused.of("family", s.family_id);
    if (!v.ok()) return v.status().error();
    s.recorded_by = a.user.id;
    s.recorded_by_name = a.user.display_name;
    const auto saved = rec::insert_scaling(c, s, now);
    gate_.record(c,
                 RecordGate::entry(a, "scaling.create", "scaling", saved.id, s.family_id, access,
                                   {{"perspective", std::string(kPerspectives.id(s.perspective))},
                                    {"score", std::to_string(s.score)}}));
    return saved;
  });
}

Result<std::vector<Scaling>> SafetyService::scalings_of(const Actor& a, Id family_id) {
  return list_items<Scaling>(gate_, a, family_id, "scaling", rec::scalings_of_family);
}

}  // namespace sgwrs
