#include "service/record/chronology_service.hpp"

#include <algorithm>

#include "service/record/record_checks.hpp"
#include "store/core/db.hpp"
#include "store/record/conversation_store.hpp"
#include "store/record/event_store.hpp"
#include "store/record/family_store.hpp"
#include "store/record/outcome_store.hpp"
#include "store/record/plan_store.hpp"

namespace sgwrs {
namespace {

namespace rec = store::record;
using namespace record_checks;

std::vector<Id> one(const std::optional<Id>& id) {
  return id ? std::vector<Id>{*id} : std::vector<Id>{};
}

// Everything the family's record says happened, and when.
std::vector<ChronologyEntry> gather(store::Conn& c, const Family& f, Id reader) {
  std::vector<ChronologyEntry> out;
  for (const auto& v : rec::conversations_of_family(c, f.id)) {
    if (v.state == ConversationState::draft && v.author_id != reader) continue;
    out.push_back({v.held_on, ChronologyKind::conversation, v.present,
                   std::string(kConversationOutcomes.id(v.led_to)),
                   v.what_matters.empty() ? v.strengths : v.what_matters.front().text, v.id});
  }
  for (const auto& inv : rec::involvements_of_family(c, f.id))
    for (const auto& s : inv.history)
      out.push_back({s.from,
                     ChronologyKind::status,
                     {},
                     std::string(kInvolvementStatuses.id(s.status)),
                     s.note,
                     inv.id});
  for (const auto& m : f.members)
    for (const auto& o : rec::outcomes_of_person(c, m.person_id))
      for (std::size_t i = 0; i < o.reviews.size(); ++i)
        out.push_back({o.reviews[i].reviewed_on,
                       ChronologyKind::review,
                       {m.person_id},
                       i == 0 ? "baseline" : "review",
                       o.statement,
                       o.id});
  for (const auto& a : rec::actions_of_family(c, f.id))
    for (const auto& p : a.progress)
      out.push_back({p.on, ChronologyKind::action, one(a.person_id),
                     std::string(kActionStates.id(p.state)),
                     p.their_words.empty() ? a.what : a.what + " — “" + p.their_words + "”", a.id});
  for (const auto& d : rec::decisions_of_family(c, f.id))
    out.push_back({d.decided_on, ChronologyKind::decision, one(d.person_id),
                   std::string(kDecisionKinds.id(d.kind)), d.reason, d.id});
  for (const auto& e : rec::events_of_family(c, f.id))
    out.push_back({e.happened_on, ChronologyKind::event, one(e.person_id), {}, e.what, e.id});
  std::stable_sort(out.begin(), out.end(),
                   [](const ChronologyEntry& x, const ChronologyEntry& y) { return x.on < y.on; });
  return out;
}

bool wanted(const ChronologyEntry& e, const ChronologyFilter& f) {
  if (f.kind && e.kind != *f.kind) return false;
  if (f.person_id && std::find(e.people.begin(), e.people.end(), *f.person_id) == e.people.end())
    return false;
  return true;
}

bool member_of(const Family& f, Id person) {
  return std::any_of(f.members.begin(), f.members.end(),
                     [&](const FamilyMember& m) { return m.person_id == person; });
}

}  // namespace

Result<std::vector<ChronologyEntry>> ChronologyService::chronology(const Actor& a, Id family_id,
                                                                   const ChronologyFilter& filter) {
  return gate_.view<std::vector<ChronologyEntry>>(
      a, [&](store::Conn& c, Refusal& refused) -> Result<std::vector<ChronologyEntry>> {
        const auto access = gate_.to_family(c, a, family_id);
        if (access == RecordAccess::none) return refused.of("family", family_id);
        auto all = gather(c, *rec::find_family(c, family_id), a.user.id);
        std::erase_if(all, [&](const ChronologyEntry& e) { return !wanted(e, filter); });
        gate_.record(c, {a.user.id,
                         "chronology.view",
                         "ok",
                         "family",
                         std::to_string(family_id),
                         {{"access", std::string(kRecordAccess.id(access))}},
                         a.address});
        return all;
      });
}

Result<SignificantEvent> ChronologyService::add_event(const Actor& a, SignificantEvent e) {
  const auto now = gate_.now();
  Validator v;
  check_day(v, "happened_on", e.happened_on, false, false, now);
  v.text("what", e.what, 1, kNotes);
  return gate_.run<SignificantEvent>(
      a, [&](store::Conn& c, Refusal& refused) -> Result<SignificantEvent> {
        const auto access = gate_.to_family(c, a, e.family_id);
        if (access == RecordAccess::none) return refused.of("family", e.family_id);
        if (e.person_id && !member_of(*rec::find_family(c, e.family_id), *e.person_id))
          v.fail("person_id", "not_a_member");
        if (!v.ok()) return v.status().error();
        e.recorded_by = a.user.id;
        const auto saved = rec::insert_event(c, e, now);
        gate_.record(c, {a.user.id,
                         "event.create",
                         "ok",
                         "event",
                         std::to_string(saved.id),
                         {{"family_id", std::to_string(e.family_id)},
                          {"access", std::string(kRecordAccess.id(access))}},
                         a.address});
        return saved;
      });
}

}  // namespace sgwrs
