#include "http/record/record_json.hpp"

namespace sgwrs::http::record {
namespace bj = boost::json;

const std::vector<const char*> kPersonFields = {"given_name",          "family_name",
                                                "preferred_name",      "pronouns",
                                                "date_of_birth",       "date_of_birth_expected",
                                                "preferred_language",  "active_offer_on",
                                                "interpreter",         "bsl",
                                                "non_verbal",          "capacity_notes",
                                                "communication_other", "role"};

bj::object to_json(const Person& p) {
  return {{"id", p.id},
          {"given_name", p.given_name},
          {"family_name", p.family_name},
          {"preferred_name", p.preferred_name},
          {"called", p.called()},
          {"pronouns", p.pronouns},
          {"date_of_birth", p.date_of_birth},
          {"date_of_birth_expected", p.date_of_birth_expected},
          {"preferred_language", language_id(p.preferred_language)},
          {"active_offer_on", p.active_offer_on},
          {"interpreter", p.communication.interpreter},
          {"bsl", p.communication.bsl},
          {"non_verbal", p.communication.non_verbal},
          {"capacity_notes", p.communication.capacity_notes},
          {"communication_other", p.communication.other},
          {"version", p.version}};
}

void read_person(JsonInput& in, Person& p, std::string& bad) {
  const auto text = [&](const char* f, std::string& into) {
    if (auto v = in.text(f)) into = *v;
  };
  const auto flag = [&](const char* f, bool& into) {
    if (auto v = in.boolean(f)) into = *v;
  };
  text("given_name", p.given_name);
  text("family_name", p.family_name);
  text("preferred_name", p.preferred_name);
  text("pronouns", p.pronouns);
  text("date_of_birth", p.date_of_birth);
  flag("date_of_birth_expected", p.date_of_birth_expected);
  read_closed(in, "preferred_language", kLanguages, p.preferred_language, bad);
  text("active_offer_on", p.active_offer_on);
  flag("interpreter", p.communication.interpreter);
  flag("bsl", p.communication.bsl);
  flag("non_verbal", p.communication.non_verbal);
  text("capacity_notes", p.communication.capacity_notes);
  text("communication_other", p.communication.other);
}

bj::object to_json(const Involvement& v) {
  bj::array history;
  for (const auto& s : v.history)
    history.push_back(bj::object{
        {"status", kInvolvementStatuses.id(s.status)}, {"from", s.from}, {"note", s.note}});
  return {
      {"id", v.id},         {"family_id", v.family_id},      {"lead_worker_id", v.lead_worker_id},
      {"pod_id", v.pod_id}, {"opened_on", v.opened_on},      {"closed_on", v.closed_on},
      {"open", v.open()},   {"history", std::move(history)}, {"version", v.version}};
}

bj::object to_json(const StoryVersion& s) {
  return {{"version", s.version},
          {"text", s.text},
          {"author", s.author_name},
          {"written_at", s.written_at}};
}

namespace {
bj::array voices_json(const Conversation& v) {
  bj::array out;
  for (const auto& x : v.voices)
    out.push_back({{"person_id", x.person_id},
                   {"said", x.said},
                   {"heard", kHeardThrough.id(x.heard)},
                   {"share_with", x.share_with}});
  return out;
}
}  // namespace

bj::object to_json(const Conversation& v) {
  bj::array present(v.present.begin(), v.present.end());
  bj::array said;
  for (const auto& q : v.what_matters)
    said.push_back(bj::object{{"text", q.text},
                              {"person_id", q.person_id ? bj::value(*q.person_id) : nullptr},
                              {"said_by", q.said_by}});
  return {{"id", v.id},
          {"family_id", v.family_id},
          {"held_on", v.held_on},
          {"place", kConversationPlaces.id(v.place)},
          {"language", language_id(v.language)},
          {"present", std::move(present)},
          {"others_present", v.others_present},
          {"what_matters", std::move(said)},
          {"voices", voices_json(v)},
          {"strengths", v.strengths},
          {"worries", v.worries},
          {"next_steps", v.next_steps},
          {"led_to", kConversationOutcomes.id(v.led_to)},
          {"state", kConversationStates.id(v.state)},
          {"sensitive_reason", v.sensitive_reason},
          {"withheld", v.withheld},
          {"author", v.author_name},
          {"updated_at", v.updated_at},
          {"version", v.version}};
}

const std::vector<const char*> kConversationFields = {
    "family_id",      "held_on",      "place",  "language",   "present",
    "others_present", "what_matters", "voices", "strengths",  "worries",
    "next_steps",     "led_to",       "state",  "client_key", "sensitive_reason"};

void read_conversation(JsonInput& in, Conversation& v, std::string& bad) {
  if (auto f = in.integer("family_id")) v.family_id = *f;
  if (auto d = in.text("held_on")) v.held_on = *d;
  if (auto r = in.text("sensitive_reason")) v.sensitive_reason = *r;
  read_closed(in, "place", kConversationPlaces, v.place, bad);
  read_closed(in, "language", kLanguages, v.language, bad);
  if (auto p = in.integers("present")) v.present = *p;
  if (auto o = in.text("others_present")) v.others_present = *o;
  if (auto list = in.objects("voices", {"person_id", "said", "heard", "share_with"})) {
    v.voices.clear();
    for (auto& x : *list) {
      ChildVoice voice;
      voice.person_id = x.integer("person_id").value_or(0);
      voice.said = x.text("said").value_or("");
      voice.share_with = x.text("share_with").value_or("");
      read_closed(x, "heard", kHeardThrough, voice.heard, bad);
      if (x.problem() && bad.empty()) bad = "voices";
      v.voices.push_back(std::move(voice));
    }
  }
  if (auto list = in.objects("what_matters", {"text", "person_id", "said_by"})) {
    v.what_matters.clear();
    for (auto& q : *list) {
      SaidInTheirWords w;
      w.text = q.text("text").value_or("");
      if (!q.is_null("person_id")) w.person_id = q.integer("person_id");
      w.said_by = q.text("said_by").value_or("");
      if (q.problem() && bad.empty()) bad = "what_matters";
      v.what_matters.push_back(std::move(w));
    }
  }
  if (auto s = in.text("strengths")) v.strengths = *s;
  if (auto s = in.text("worries")) v.worries = *s;
  if (auto s = in.text("next_steps")) v.next_steps = *s;
  read_closed(in, "led_to", kConversationOutcomes, v.led_to, bad);
  read_closed(in, "state", kConversationStates, v.state, bad);
}

bj::object to_json(const FamilyRecord& f) {
  bj::array members;
  for (std::size_t i = 0; i < f.people.size(); ++i) {
    auto p = to_json(f.people[i]);
    p["role"] = kMemberRoles.id(f.family.members[i].role);
    members.push_back(std::move(p));
  }
  bj::array involvements;
  for (const auto& v : f.involvements) involvements.push_back(to_json(v));
  bj::array conversations;
  for (const auto& v : f.conversations) conversations.push_back(to_json(v));
  return {{"id", f.family.id},
          {"name", f.family.name},
          {"members", std::move(members)},
          {"involvements", std::move(involvements)},
          {"conversations", std::move(conversations)},
          {"story", to_json(f.story)},
          {"access", kRecordAccess.id(f.access)},
          {"version", f.family.version}};
}

bj::object to_json(const PersonRecord& p) {
  auto o = to_json(p.person);
  bj::array families;
  for (const auto& f : p.families) families.push_back(bj::object{{"id", f.id}, {"name", f.name}});
  o["families"] = std::move(families);
  o["story"] = to_json(p.story);
  o["access"] = kRecordAccess.id(p.access);
  return o;
}

bj::object to_json(const TrailEntry& t) {
  const auto& e = t.event;
  return {{"at", e.at},
          {"actor_user_id", e.actor_user_id ? bj::value(*e.actor_user_id) : nullptr},
          {"who", t.who},
          {"role", t.role ? bj::value(role_id(*t.role)) : nullptr},
          {"action", e.action},
          {"outcome", e.outcome},
          {"access", kRecordAccess.id(t.access)},
          {"change", t.change},
          {"target_type", e.target_type},
          {"target_id", e.target_id},
          {"detail", e.detail}};
}

bj::object to_json(const BreakGlassNotice& b) {
  return {{"family_id", b.family_id}, {"family_name", b.family_name}, {"user", b.user_name},
          {"reason", b.reason},       {"started_at", b.started_at},   {"ends_at", b.ends_at}};
}

}  // namespace sgwrs::http::record
