#include "service/record/record_service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <map>
#include <set>

#include "domain/core/date.hpp"
#include "domain/core/validation.hpp"
#include "domain/record/name_search.hpp"
#include "service/record/family_links.hpp"
#include "service/record/record_checks.hpp"
#include "store/audit/audit_store.hpp"
#include "store/core/db.hpp"
#include "store/organisation/user_store.hpp"
#include "store/record/conversation_store.hpp"
#include "store/record/event_store.hpp"
#include "store/record/family_store.hpp"
#include "store/record/network_store.hpp"
#include "store/record/outcome_store.hpp"
#include "store/record/person_store.hpp"
#include "store/record/plan_store.hpp"
#include "store/record/safety_store.hpp"

namespace sgwrs {
namespace {

namespace rec = store::record;
using namespace record_checks;

void check_person(Validator& v, Person& p, std::int64_t now, const std::string& prefix = {}) {
  const auto f = [&](const char* name) { return prefix + name; };
  v.text(f("given_name"), p.given_name, 1, kShortText);
  v.text(f("family_name"), p.family_name, 1, kShortText);
  v.text(f("preferred_name"), p.preferred_name, 0, kShortText);
  v.text(f("pronouns"), p.pronouns, 0, 40);
  check_day(v, f("date_of_birth"), p.date_of_birth, true, p.date_of_birth_expected, now);
  check_day(v, f("active_offer_on"), p.active_offer_on, true, false, now);
  v.text(f("capacity_notes"), p.communication.capacity_notes, 0, kNotes);
  v.text(f("communication_other"), p.communication.other, 0, kNotes);
}

StoryVersion no_story_yet(StorySubject subject, Id id) {
  StoryVersion s;
  s.subject = subject;
  s.subject_id = id;
  return s;
}

// A sensitive conversation as a break-glass reader first sees it: that it is there, when,
// and why it is sensitive, nothing of what was said.
void withhold(Conversation& v) {
  v.what_matters.clear();
  v.strengths.clear();
  v.worries.clear();
  v.next_steps.clear();
  v.others_present.clear();
  v.present.clear();
  v.voices.clear();
  v.withheld = true;
}

// The access an audit line names ({"access": "pod"} in its detail), break-glass for the
// opening of the glass itself.
RecordAccess access_named_in(const AuditEvent& e) {
  if (e.action == "record.break_glass") return RecordAccess::break_glass;
  boost::system::error_code ec;
  const auto detail = boost::json::parse(e.detail, ec);
  if (ec || !detail.is_object()) return RecordAccess::none;
  const auto* access = detail.as_object().if_contains("access");
  if (!access || !access->is_string()) return RecordAccess::none;
  return kRecordAccess.parse(std::string(access->as_string())).value_or(RecordAccess::none);
}

}  // namespace

Result<FamilyRecord> RecordService::create_family(const Actor& a, NewFamily nf) {
  const auto now = gate_.now();
  Validator v;
  v.text("name", nf.name, 1, kShortText);
  check_day(v, "opened_on", nf.opened_on, false, false, now);
  for (std::size_t i = 0; i < nf.members.size(); ++i)
    check_person(v, nf.members[i].person, now, "members." + std::to_string(i) + ".");
  if (!a.user.pod_id && !nf.lead_worker_id) v.fail("lead_worker_id", "needs_pod");
  if (!v.ok()) return v.status().error();
  return gate_.run<FamilyRecord>(a, [&](store::Conn& c, Refusal& refused) -> Result<FamilyRecord> {
    // The lead worker is a colleague in the caller's organisation with a pod; the pod is theirs.
    const auto lead = family_links::lead_worker(c, a, nf.lead_worker_id.value_or(a.user.id));
    if (!lead) {
      Validator lv;
      lv.fail("lead_worker_id", "lead_worker_unknown");
      return lv.status().error();
    }
    Family f{0, a.user.organisation_id, nf.name, {}, 1, 0};
    for (auto& m : nf.members) {
      m.person.organisation_id = a.user.organisation_id;
      const auto p = rec::insert_person(c, m.person, name_keys(m.person), a.user.id, now);
      f.members.push_back({p.id, m.role, {}});
    }
    f = rec::insert_family(c, f, a.user.id, now);
    family_links::open_involvement(c, a, f.id, *lead, nf.opened_on, nf.status, now);
    gate_.record(c, {a.user.id,
                     "family.create",
                     "ok",
                     "family",
                     std::to_string(f.id),
                     {{"members", std::to_string(f.members.size())},
                      {"lead_worker_id", std::to_string(lead->id)}},
                     a.address});
    FamilyRecord out;
    out.family = *rec::find_family(c, f.id);
    for (const auto& m : out.family.members)
      out.people.push_back(*rec::find_person(c, m.person_id));
    out.involvements = rec::involvements_of_family(c, f.id);
    out.access = RecordAccess::lead_worker;
    return out;
  });
}

Result<Person> RecordService::add_member(const Actor& a, Id family_id, NewMember m) {
  const auto now = gate_.now();
  Validator v;
  check_person(v, m.person, now);
  if (!v.ok()) return v.status().error();
  return gate_.run<Person>(a, [&](store::Conn& c, Refusal& refused) -> Result<Person> {
    if (gate_.to_family(c, a, family_id) == RecordAccess::none)
      return refused.of("family", family_id);
    m.person.organisation_id = a.user.organisation_id;
    const auto p = rec::insert_person(c, m.person, name_keys(m.person), a.user.id, now);
    rec::put_member(c, family_id, p.id, m.role);
    gate_.record(c, {a.user.id,
                     "person.create",
                     "ok",
                     "person",
                     std::to_string(p.id),
                     {{"family_id", std::to_string(family_id)},
                      {"role", std::string(kMemberRoles.id(m.role))}},
                     a.address});
    return p;
  });
}

Result<Person> RecordService::update_person(const Actor& a, Person p) {
  const auto now = gate_.now();
  Validator v;
  check_person(v, p, now);
  if (!v.ok()) return v.status().error();
  return gate_.run<Person>(a, [&](store::Conn& c, Refusal& refused) -> Result<Person> {
    if (gate_.to_person(c, a, p.id) == RecordAccess::none) return refused.of("person", p.id);
    const auto before = rec::find_person(c, p.id);
    auto r = rec::update_person(c, p, name_keys(p));
    if (!r) return r;
    // What changed from what to what, for the record's change log.
    std::map<std::string, std::string> changed;
    const auto note = [&](const char* f, const std::string& was, const std::string& now_is) {
      if (was != now_is) changed[f] = was + " → " + now_is;
    };
    note("given_name", before->given_name, r->given_name);
    note("family_name", before->family_name, r->family_name);
    note("preferred_name", before->preferred_name, r->preferred_name);
    note("pronouns", before->pronouns, r->pronouns);
    note("date_of_birth", before->date_of_birth, r->date_of_birth);
    note("preferred_language", std::string(language_id(before->preferred_language)),
         std::string(language_id(r->preferred_language)));
    note("active_offer_on", before->active_offer_on, r->active_offer_on);
    gate_.record(
        c, {a.user.id, "person.update", "ok", "person", std::to_string(p.id), changed, a.address});
    return r;
  });
}

Result<FamilyRecord> RecordService::view_family(const Actor& a, Id family_id, bool reveal_sensitive,
                                                std::optional<std::size_t> newest_conversations) {
  return gate_.view<FamilyRecord>(a, [&](store::Conn& c, Refusal& refused) -> Result<FamilyRecord> {
    const auto access = gate_.to_family(c, a, family_id);
    if (access == RecordAccess::none) return refused.of("family", family_id);
    FamilyRecord out;
    out.family = *rec::find_family(c, family_id);
    for (const auto& m : out.family.members)
      out.people.push_back(*rec::find_person(c, m.person_id));
    out.involvements = rec::involvements_of_family(c, family_id);
    // Another writer's unfinished draft is theirs until they finish it.
    if (newest_conversations) {
      out.conversations =
          rec::newest_conversations_of_family(c, family_id, a.user.id, *newest_conversations);
      out.finished_conversations = rec::conversation_tally(c, family_id, a.user.id).finished;
    } else {
      out.conversations = rec::conversations_of_family(c, family_id);
      std::erase_if(out.conversations, [&](const Conversation& v) {
        return v.state == ConversationState::draft && v.author_id != a.user.id;
      });
      out.finished_conversations = static_cast<int>(
          std::count_if(out.conversations.begin(), out.conversations.end(),
                        [](const Conversation& v) { return v.state != ConversationState::draft; }));
    }
    // Someone who broke the glass sees that a sensitive item is there, and why, but not what
    // it says until they confirm they need it (and that is audited).
    if (access == RecordAccess::break_glass) {
      for (auto& v : out.conversations)
        if (v.sensitive()) {
          if (reveal_sensitive) {
            ++out.revealed;
          } else {
            withhold(v);
            ++out.withheld;
          }
        }
      if (out.revealed)
        gate_.record(c, {a.user.id,
                         "sensitive.reveal",
                         "ok",
                         "family",
                         std::to_string(family_id),
                         {{"items", std::to_string(out.revealed)},
                          {"access", std::string(kRecordAccess.id(access))}},
                         a.address});
    }
    const auto story = rec::story_history(c, StorySubject::family, family_id);
    out.story = story.empty() ? no_story_yet(StorySubject::family, family_id) : story.front();
    out.access = access;
    gate_.record(c, {a.user.id,
                     "family.view",
                     "ok",
                     "family",
                     std::to_string(family_id),
                     {{"access", std::string(kRecordAccess.id(access))}},
                     a.address});
    return out;
  });
}

Result<std::vector<FamilySummary>> RecordService::my_families(const Actor& a) {
  return gate_.view<std::vector<FamilySummary>>(
      a, [&](store::Conn& c, Refusal&) -> Result<std::vector<FamilySummary>> {
        const auto ids = a.user.role == Role::senior_leader
                             ? rec::families_of_organisation(c, a.user.organisation_id, 500)
                             : rec::families_allocated_to(c, a.user.id, a.user.pod_id);
        std::vector<FamilySummary> out;
        for (Id id : ids) {
          if (gate_.to_family(c, a, id) == RecordAccess::none) continue;
          FamilySummary s;
          s.family = *rec::find_family(c, id);
          for (const auto& v : rec::involvements_of_family(c, id)) {
            if (v.open() && !v.history.empty()) s.status = v.history.back().status;
            s.lead = s.lead || (v.open() && v.lead_worker_id == a.user.id);
          }
          const auto tally = rec::conversation_tally(c, id, a.user.id);
          s.drafts = tally.drafts_by_reader;
          s.last_conversation_on = tally.last_finished_on;
          out.push_back(std::move(s));
        }
        std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
          return x.lead != y.lead ? x.lead : x.family.name < y.family.name;
        });
        gate_.record(c, {a.user.id,
                         "family.list",
                         "ok",
                         "family",
                         "",
                         {{"families", std::to_string(out.size())}},
                         a.address});
        return out;
      });
}

Result<FamilyView> RecordService::family_view(const Actor& a, Id family_id) {
  return gate_.view<FamilyView>(a, [&](store::Conn& c, Refusal& refused) -> Result<FamilyView> {
    const auto access = gate_.to_family(c, a, family_id);
    if (access == RecordAccess::none) return refused.of("family", family_id);
    FamilyView out;
    out.family = *rec::find_family(c, family_id);
    for (const auto& m : out.family.members)
      out.people.push_back(*rec::find_person(c, m.person_id));
    if (!out.people.empty()) out.language = out.people.front().preferred_language;
    const auto called = [&](const std::optional<Id>& id, const std::string& otherwise) {
      for (const auto& p : out.people)
        if (id && p.id == *id) return p.called();
      return otherwise;
    };
    auto conversations = rec::conversations_of_family(c, family_id);
    std::reverse(conversations.begin(), conversations.end());
    for (const auto& v : conversations) {
      // What the family reads holds nothing sensitive and nothing unfinished.
      if (v.sensitive() || v.state != ConversationState::finished) continue;
      for (const auto& q : v.what_matters)
        out.what_matters.push_back({q.text, called(q.person_id, q.said_by), v.language, v.held_on});
    }
    std::sort(out.what_matters.begin(), out.what_matters.end(),
              [](const FamilyView::Quote& x, const FamilyView::Quote& y) { return x.on > y.on; });
    const auto story = rec::story_history(c, StorySubject::family, family_id);
    out.story = story.empty() ? no_story_yet(StorySubject::family, family_id) : story.front();
    for (const auto& p : out.people)
      for (auto& o : rec::outcomes_of_person(c, p.id)) out.outcomes.push_back(std::move(o));
    out.actions = rec::actions_of_family(c, family_id);
    gate_.record(c, {a.user.id,
                     "family_view.view",
                     "ok",
                     "family",
                     std::to_string(family_id),
                     {{"access", std::string(kRecordAccess.id(access))}},
                     a.address});
    return out;
  });
}

Result<PersonRecord> RecordService::view_person(const Actor& a, Id person_id) {
  return gate_.view<PersonRecord>(a, [&](store::Conn& c, Refusal& refused) -> Result<PersonRecord> {
    const auto access = gate_.to_person(c, a, person_id);
    if (access == RecordAccess::none) return refused.of("person", person_id);
    PersonRecord out;
    out.person = *rec::find_person(c, person_id);
    for (Id f : rec::families_of_person(c, person_id)) {
      const auto here = gate_.to_family(c, a, f);
      if (here == RecordAccess::none) continue;
      out.families.push_back(*rec::find_family(c, f));
      for (const auto& v : rec::conversations_of_family(c, f)) {
        if (v.state != ConversationState::finished) continue;
        if (v.sensitive() && here == RecordAccess::break_glass) continue;
        for (const auto& voice : v.voices)
          if (voice.person_id == person_id) out.voices.push_back({v.held_on, voice});
      }
    }
    std::sort(
        out.voices.begin(), out.voices.end(),
        [](const PersonRecord::Heard& x, const PersonRecord::Heard& y) { return x.on > y.on; });
    const auto story = rec::story_history(c, StorySubject::person, person_id);
    out.story = story.empty() ? no_story_yet(StorySubject::person, person_id) : story.front();
    out.access = access;
    gate_.record(c, {a.user.id,
                     "person.view",
                     "ok",
                     "person",
                     std::to_string(person_id),
                     {{"access", std::string(kRecordAccess.id(access))}},
                     a.address});
    return out;
  });
}

Result<std::vector<Person>> RecordService::search_people(const Actor& a, const std::string& query) {
  std::string q = query;
  Validator v;
  v.text("q", q, 1, kShortText);
  if (!v.ok()) return v.status().error();
  auto words = folded_words(q);
  if (words.empty()) return std::vector<Person>{};
  words.resize(std::min<std::size_t>(words.size(), 4));
  return gate_.view<std::vector<Person>>(
      a, [&](store::Conn& c, Refusal& refused) -> Result<std::vector<Person>> {
        const auto reach = gate_.reach(a);
        std::vector<Person> out;
        if (reach) out = rec::people_by_name_prefixes(c, *reach, words, 50);
        // The words searched for are personal data; the trail keeps how many were found.
        gate_.record(c, {a.user.id,
                         "person.search",
                         "ok",
                         "person",
                         "",
                         {{"found", std::to_string(out.size())}},
                         a.address});
        return out;
      });
}

Result<BreakGlassNotice> RecordService::break_glass(const Actor& a, BreakGlassRequest r) {
  Validator v;
  v.text("reason", r.reason, 10, kNotes);
  if (r.minutes < 5 || r.minutes > kMaxBreakGlassMinutes) v.fail("minutes", "break_glass_minutes");
  if (!v.ok()) return v.status().error();
  return gate_.run<BreakGlassNotice>(
      a, [&](store::Conn& c, Refusal& refused) -> Result<BreakGlassNotice> {
        const auto f = rec::find_family(c, r.family_id);
        // Only staff of the same organisation can break the glass; administrators run the system,
        // they do not read records.
        if (!f || f->organisation_id != a.user.organisation_id || a.is_admin())
          return refused.of("family", r.family_id);
        const auto now = gate_.now();
        const auto b = rec::insert_break_glass(c, {0, a.user.id, r.family_id, r.reason, now,
                                                   now + r.minutes * 60, a.user.display_name});
        gate_.record(c, {a.user.id,
                         "record.break_glass",
                         "ok",
                         "family",
                         std::to_string(r.family_id),
                         {{"reason", r.reason}, {"minutes", std::to_string(r.minutes)}},
                         a.address});
        return BreakGlassNotice{f->id,    f->name,      a.user.display_name,
                                b.reason, b.started_at, b.ends_at};
      });
}

Result<std::vector<BreakGlassNotice>> RecordService::break_glass_notices(const Actor& a) {
  if (a.user.role != Role::pod_manager || !a.user.pod_id) return std::vector<BreakGlassNotice>{};
  return gate_.db().transact(store::TxMode::read, [&](store::Conn& c) {
    std::vector<BreakGlassNotice> out;
    for (const auto& b : rec::break_glass_for_pod(c, *a.user.pod_id, 50)) {
      const auto f = rec::find_family(c, b.family_id);
      out.push_back(
          {b.family_id, f ? f->name : "", b.user_name, b.reason, b.started_at, b.ends_at});
    }
    return out;
  });
}

Result<Conversation> RecordService::save_conversation(const Actor& a, Conversation cv,
                                                      const std::string& client_key) {
  const auto now = gate_.now();
  Validator v;
  check_day(v, "held_on", cv.held_on, false, false, now);
  v.text("others_present", cv.others_present, 0, kNotes);
  v.text("strengths", cv.strengths, 0, kLongText);
  v.text("worries", cv.worries, 0, kLongText);
  v.text("next_steps", cv.next_steps, 0, kLongText);
  v.text("sensitive_reason", cv.sensitive_reason, 0, kNotes);
  for (std::size_t i = 0; i < cv.voices.size(); ++i) {
    v.text("voices." + std::to_string(i) + ".said", cv.voices[i].said, 1, kLongText);
    v.text("voices." + std::to_string(i) + ".share_with", cv.voices[i].share_with, 0, kShortText);
  }
  for (std::size_t i = 0; i < cv.what_matters.size(); ++i) {
    v.text("what_matters." + std::to_string(i) + ".text", cv.what_matters[i].text, 1, kLongText);
    v.text("what_matters." + std::to_string(i) + ".said_by", cv.what_matters[i].said_by, 0,
           kShortText);
  }
  if (!v.ok()) return v.status().error();
  return gate_.run<Conversation>(a, [&](store::Conn& c, Refusal& refused) -> Result<Conversation> {
    if (gate_.to_family(c, a, cv.family_id) == RecordAccess::none)
      return refused.of("family", cv.family_id);
    const auto family = rec::find_family(c, cv.family_id);
    Validator people;
    for (Id p : cv.present)
      if (!family_links::member_of(*family, p)) people.fail("present", "not_a_member");
    for (const auto& q : cv.what_matters)
      if (q.person_id && !family_links::member_of(*family, *q.person_id))
        people.fail("what_matters", "not_a_member");
    for (const auto& voice : cv.voices)
      if (!family_links::member_of(*family, voice.person_id)) people.fail("voices", "not_a_member");
    if (!people.ok()) return people.status().error();
    const bool creating = cv.id == 0;
    if (creating && !client_key.empty())
      if (auto same = rec::conversation_by_client_key(c, a.user.id, client_key)) return *same;
    if (!creating) {
      const auto stored = rec::find_conversation(c, cv.id);
      if (!stored || stored->family_id != cv.family_id) return refused.of("conversation", cv.id);
      // A draft is its author's until it is finished.
      if (stored->state == ConversationState::draft && stored->author_id != a.user.id)
        return refused.of("conversation", cv.id);
      cv.author_id = stored->author_id;
    } else {
      cv.author_id = a.user.id;
    }
    auto saved = creating ? Result<Conversation>(rec::insert_conversation(c, cv, client_key, now))
                          : rec::update_conversation(c, cv, now);
    if (!saved) return saved;
    gate_.record(c, {a.user.id,
                     creating ? "conversation.create" : "conversation.update",
                     "ok",
                     "conversation",
                     std::to_string(saved->id),
                     {{"family_id", std::to_string(cv.family_id)},
                      {"state", std::string(kConversationStates.id(saved->state))}},
                     a.address});
    return saved;
  });
}

Result<Conversation> RecordService::get_conversation(const Actor& a, Id id) {
  return gate_.view<Conversation>(a, [&](store::Conn& c, Refusal& refused) -> Result<Conversation> {
    const auto v = rec::find_conversation(c, id);
    const auto access = v ? gate_.to_family(c, a, v->family_id) : RecordAccess::none;
    if (access == RecordAccess::none ||
        (v->state == ConversationState::draft && v->author_id != a.user.id))
      return refused.of("conversation", id);
    if (access == RecordAccess::break_glass && v->sensitive()) {
      auto shown = *v;
      withhold(shown);
      gate_.record(c, {a.user.id,
                       "conversation.view",
                       "ok",
                       "conversation",
                       std::to_string(id),
                       {{"family_id", std::to_string(v->family_id)},
                        {"access", "break_glass"},
                        {"withheld", "yes"}},
                       a.address});
      return shown;
    }
    gate_.record(c, {a.user.id,
                     "conversation.view",
                     "ok",
                     "conversation",
                     std::to_string(id),
                     {{"family_id", std::to_string(v->family_id)},
                      {"access", std::string(kRecordAccess.id(access))}},
                     a.address});
    return *v;
  });
}

Result<StoryVersion> RecordService::save_story(const Actor& a, StorySubject subject, Id id,
                                               std::string text, std::int64_t after_version) {
  Validator v;
  v.text("story", text, 0, kLongText * 5);
  if (!v.ok()) return v.status().error();
  return gate_.run<StoryVersion>(a, [&](store::Conn& c, Refusal& refused) -> Result<StoryVersion> {
    const auto access =
        subject == StorySubject::family ? gate_.to_family(c, a, id) : gate_.to_person(c, a, id);
    if (access == RecordAccess::none)
      return refused.of(std::string(kStorySubjects.id(subject)), id);
    auto s = rec::append_story(
        c, {subject, id, 0, text, a.user.id, a.user.display_name, gate_.now()}, after_version);
    if (!s) return s;
    gate_.record(c, {a.user.id,
                     "story.update",
                     "ok",
                     std::string(kStorySubjects.id(subject)),
                     std::to_string(id),
                     {{"version", std::to_string(s->version)}},
                     a.address});
    return s;
  });
}

Result<std::vector<StoryVersion>> RecordService::story_history(const Actor& a, StorySubject subject,
                                                               Id id) {
  return gate_.view<std::vector<StoryVersion>>(
      a, [&](store::Conn& c, Refusal& refused) -> Result<std::vector<StoryVersion>> {
        const auto access =
            subject == StorySubject::family ? gate_.to_family(c, a, id) : gate_.to_person(c, a, id);
        const std::string type(kStorySubjects.id(subject));
        if (access == RecordAccess::none) return refused.of(type, id);
        gate_.record(c, {a.user.id, "story.view", "ok", type, std::to_string(id), {}, a.address});
        return rec::story_history(c, subject, id);
      });
}

Result<std::vector<TrailEntry>> RecordService::record_trail(const Actor& a, Id family_id) {
  return gate_.view<std::vector<
      TrailEntry>>(a, [&](store::Conn& c, Refusal& refused) -> Result<std::vector<TrailEntry>> {
    if (gate_.to_family(c, a, family_id) == RecordAccess::none)
      return refused.of("family", family_id);
    // Every item the family's record is made of, so the trail misses no view of any.
    std::vector<std::pair<std::string, std::string>> targets{{"family", std::to_string(family_id)}};
    const auto family = rec::find_family(c, family_id);
    for (const auto& m : family->members) {
      targets.push_back({"person", std::to_string(m.person_id)});
      for (const auto& o : rec::outcomes_of_person(c, m.person_id))
        targets.push_back({"outcome", std::to_string(o.id)});
    }
    for (const auto& v : rec::conversations_of_family(c, family_id))
      targets.push_back({"conversation", std::to_string(v.id)});
    for (const auto& x : rec::actions_of_family(c, family_id))
      targets.push_back({"action", std::to_string(x.id)});
    for (const auto& d : rec::decisions_of_family(c, family_id))
      targets.push_back({"decision", std::to_string(d.id)});
    for (const auto& e : rec::events_of_family(c, family_id))
      targets.push_back({"event", std::to_string(e.id)});
    for (const auto& x : rec::strengths_of_family(c, family_id))
      targets.push_back({"strength", std::to_string(x.id)});
    for (const auto& x : rec::network_of_family(c, family_id))
      targets.push_back({"network_member", std::to_string(x.id)});
    for (const auto& x : rec::statements_of_family(c, family_id))
      targets.push_back({"safety_statement", std::to_string(x.id)});
    for (const auto& x : rec::scalings_of_family(c, family_id))
      targets.push_back({"scaling", std::to_string(x.id)});
    std::map<Id, std::optional<User>> people;
    std::vector<TrailEntry> out;
    for (auto& e : store::audit::list_for_targets(c, targets, 500)) {
      TrailEntry t;
      if (e.actor_user_id) {
        auto [it, fresh] = people.try_emplace(*e.actor_user_id);
        if (fresh) it->second = store::users::find(c, *e.actor_user_id);
        if (it->second) {
          t.who = it->second->display_name;
          t.role = it->second->role;
        }
      }
      t.access = access_named_in(e);
      t.change = e.action.ends_with(".create") || e.action.ends_with(".update") ||
                 e.action.ends_with(".review") || e.action.ends_with(".check");
      t.event = std::move(e);
      out.push_back(std::move(t));
    }
    gate_.record(
        c,
        {a.user.id, "record_trail.view", "ok", "family", std::to_string(family_id), {}, a.address});
    return out;
  });
}

}  // namespace sgwrs
