#include "service/record/plan_service.hpp"

#include <map>

#include "service/record/family_links.hpp"
#include "service/record/record_checks.hpp"
#include "store/core/db.hpp"
#include "store/record/family_store.hpp"
#include "store/record/plan_store.hpp"

namespace sgwrs {
namespace {

namespace rec = store::record;
using namespace record_checks;

using family_links::family_outcome;
using family_links::member_of;

}  // namespace

Result<AgreedAction> PlanService::save_action(const Actor& a, AgreedAction action) {
  const auto now = gate_.now();
  Validator v;
  v.text("what", action.what, 1, kNotes);
  v.text("who", action.who, 0, kShortText);
  check_day(v, "by_when", action.by_when, true, true, now);
  return gate_.run<AgreedAction>(a, [&](store::Conn& c, Refusal& refused) -> Result<AgreedAction> {
    std::optional<AgreedAction> stored;
    if (action.id != 0) {
      stored = rec::find_action(c, action.id);
      if (!stored) return refused.of("action", action.id);
      action.family_id = stored->family_id;
    }
    const auto access = gate_.to_family(c, a, action.family_id);
    if (access == RecordAccess::none)
      return refused.of(stored ? "action" : "family", stored ? action.id : action.family_id);
    const auto family = rec::find_family(c, action.family_id);
    if (action.person_id && !member_of(*family, *action.person_id))
      v.fail("person_id", "not_a_member");
    if (action.owner == ActionOwner::person && !action.person_id && action.who.empty())
      v.fail("who", "required");
    if (action.outcome_id && !family_outcome(c, *family, *action.outcome_id))
      v.fail("outcome_id", "not_a_member");
    if (!v.ok()) return v.status().error();
    if (!stored) {
      action.created_by = a.user.id;
      const auto saved = rec::insert_action(c, action, now);
      gate_.record(
          c, RecordGate::entry(a, "action.create", "action", saved.id, saved.family_id, access));
      return saved;
    }
    auto saved = rec::update_action(c, action);
    if (!saved) return saved;
    std::map<std::string, std::string> changed;
    if (stored->what != saved->what) changed["what"] = stored->what + " → " + saved->what;
    if (stored->by_when != saved->by_when)
      changed["by_when"] = stored->by_when + " → " + saved->by_when;
    gate_.record(c, RecordGate::entry(a, "action.update", "action", saved->id, saved->family_id,
                                      access, std::move(changed)));
    return saved;
  });
}

Result<AgreedAction> PlanService::check_action(const Actor& a, Id action_id, ActionProgress p) {
  const auto now = gate_.now();
  Validator v;
  check_day(v, "on", p.on, false, false, now);
  v.text("their_words", p.their_words, 0, kNotes);
  return gate_.run<AgreedAction>(a, [&](store::Conn& c, Refusal& refused) -> Result<AgreedAction> {
    const auto stored = rec::find_action(c, action_id);
    const auto access = stored ? gate_.to_family(c, a, stored->family_id) : RecordAccess::none;
    if (access == RecordAccess::none) return refused.of("action", action_id);
    if (!v.ok()) return v.status().error();
    p.recorded_by = a.user.id;
    rec::insert_progress(c, action_id, p, now);
    gate_.record(c, RecordGate::entry(a, "action.check", "action", action_id, stored->family_id,
                                      access, {{"state", std::string(kActionStates.id(p.state))}}));
    return *rec::find_action(c, action_id);
  });
}

Result<AgreedAction> PlanService::get_action(const Actor& a, Id action_id) {
  return gate_.view<AgreedAction>(a, [&](store::Conn& c, Refusal& refused) -> Result<AgreedAction> {
    const auto stored = rec::find_action(c, action_id);
    const auto access = stored ? gate_.to_family(c, a, stored->family_id) : RecordAccess::none;
    if (access == RecordAccess::none) return refused.of("action", action_id);
    gate_.record(
        c, RecordGate::entry(a, "action.view", "action", action_id, stored->family_id, access));
    return *stored;
  });
}

Result<std::vector<AgreedAction>> PlanService::actions_of(const Actor& a, Id family_id) {
  return gate_.view<std::vector<AgreedAction>>(
      a, [&](store::Conn& c, Refusal& refused) -> Result<std::vector<AgreedAction>> {
        const auto access = gate_.to_family(c, a, family_id);
        if (access == RecordAccess::none) return refused.of("family", family_id);
        gate_.record(c,
                     RecordGate::entry(a, "action.list", "family", family_id, family_id, access));
        return rec::actions_of_family(c, family_id);
      });
}

Result<SupportDecision> PlanService::record_decision(const Actor& a, SupportDecision d) {
  const auto now = gate_.now();
  Validator v;
  check_day(v, "decided_on", d.decided_on, false, false, now);
  v.text("reason", d.reason, 1, kNotes);
  return gate_.run<SupportDecision>(
      a, [&](store::Conn& c, Refusal& refused) -> Result<SupportDecision> {
        const auto access = gate_.to_family(c, a, d.family_id);
        if (access == RecordAccess::none) return refused.of("family", d.family_id);
        const auto family = rec::find_family(c, d.family_id);
        if (d.person_id && !member_of(*family, *d.person_id)) v.fail("person_id", "not_a_member");
        for (Id o : d.outcome_ids)
          if (!family_outcome(c, *family, o)) {
            v.fail("outcome_ids", "not_a_member");
            break;
          }
        if (!v.ok()) return v.status().error();
        d.recorded_by = a.user.id;
        d.recorded_by_name = a.user.display_name;
        const auto saved = rec::insert_decision(c, d, now);
        gate_.record(
            c, RecordGate::entry(a, "decision.create", "decision", saved.id, d.family_id, access,
                                 {{"kind", std::string(kDecisionKinds.id(d.kind))}}));
        return saved;
      });
}

Result<std::vector<SupportDecision>> PlanService::decisions_of(const Actor& a, Id family_id) {
  return gate_.view<std::vector<SupportDecision>>(
      a, [&](store::Conn& c, Refusal& refused) -> Result<std::vector<SupportDecision>> {
        const auto access = gate_.to_family(c, a, family_id);
        if (access == RecordAccess::none) return refused.of("family", family_id);
        gate_.record(c,
                     RecordGate::entry(a, "decision.list", "family", family_id, family_id, access));
        return rec::decisions_of_family(c, family_id);
      });
}

}  // namespace sgwrs
