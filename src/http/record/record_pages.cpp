// The record's pages: the families a person works with (and name search), a family's page
// with its story and conversations, a person's page, and recording a conversation without
// JavaScript (finish it, or keep it as a draft). RecordService decides access and audits;
// these handlers decode, call it once and show the answer.
#include <boost/json.hpp>

#include "http/core/local_url.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"
#include "http/record/family_choices.hpp"
#include "http/record/involvement_pages.hpp"
#include "http/record/network_pages.hpp"
#include "http/record/plan_pages.hpp"
#include "http/record/record_page_support.hpp"
#include "http/record/safety_pages.hpp"
#include "service/core/crypto.hpp"

namespace sgwrs::http {

using web::Data;
using namespace record_pages;

namespace {

std::string born(App& app, const Ctx& c, const Person& p) {
  if (p.date_of_birth.empty()) return {};
  return app.cat().format(
      c.lang, p.date_of_birth_expected ? "record.person.expected" : "record.person.born",
      {{"date", p.date_of_birth}});
}

Response families_index(App& app, Ctx& c) {
  Data d = app.shell(c, app.t(c, "record.families.title"));
  if (auto q = c.query.find("q"); q != c.query.end() && !q->second.empty()) {
    d.set("q", q->second);
    d.set("searched", true);
    Data people = list();
    const auto found = app.svc().records.search_people(*c.actor, q->second);
    if (found)
      for (const auto& p : *found) {
        Data x = obj();
        x.set("id", std::to_string(p.id));
        x.set("name", p.called() + " " + p.family_name);
        x.set("born", born(app, c, p));
        people.push_back(x);
      }
    if (found && !found->empty()) d.set("has_people", true);
    d.set("people", people);
  }
  auto mine = app.svc().records.my_families(*c.actor);
  if (!mine) return app.error_page(c, App::status_for(mine.error().code));
  Data families = list();
  for (const auto& s : *mine) {
    Data f = obj();
    f.set("id", std::to_string(s.family.id));
    f.set("name", s.family.name);
    std::string members;
    for (const auto& m : s.family.members)
      members += (members.empty() ? "" : ", ") + m.display_name;
    f.set("members", members);
    if (s.status) f.set("status", label(app, c, "statuses", kInvolvementStatuses.id(*s.status)));
    if (s.lead) f.set("lead", true);
    if (!s.last_conversation_on.empty())
      f.set("last",
            app.cat().format(c.lang, "record.families.last", {{"date", s.last_conversation_on}}));
    if (s.drafts)
      f.set("drafts", app.cat().format(c.lang, "record.families.drafts",
                                       {{"count", std::to_string(s.drafts)}}));
    families.push_back(f);
  }
  if (!mine->empty()) d.set("has_families", true);
  d.set("families", families);
  return app.page(c, "families", d);
}

Data conversation_data(App& app, const Ctx& c, const FamilyRecord& f, const Conversation& v) {
  Data x = obj();
  x.set("id", std::to_string(v.id));
  x.set("lang", std::string(language_id(v.language)));
  x.set("held",
        app.cat().format(c.lang, "record.family.held",
                         {{"date", v.held_on},
                          {"place", label(app, c, "places", kConversationPlaces.id(v.place))}}));
  if (v.state == ConversationState::draft)
    x.set("draft", app.cat().format(c.lang, "record.family.draft", {{"date", v.held_on}}));
  Data quotes = list();
  for (const auto& q : v.what_matters) {
    Data qd = obj();
    qd.set("text", q.text);
    qd.set("lang", std::string(language_id(v.language)));
    std::string by = q.said_by;
    for (const auto& p : f.people)
      if (q.person_id && p.id == *q.person_id) by = p.called();
    if (!by.empty()) qd.set("by", by);
    quotes.push_back(qd);
  }
  if (!v.what_matters.empty()) x.set("has_quotes", true);
  x.set("quotes", quotes);
  Data voices = list();
  for (const auto& voice : v.voices) {
    Data vd = obj();
    vd.set("said", voice.said);
    vd.set("lang", std::string(language_id(v.language)));
    for (const auto& p : f.people)
      if (p.id == voice.person_id) vd.set("name", p.called());
    vd.set("heard", label(app, c, "voice.heard", kHeardThrough.id(voice.heard)));
    if (!voice.share_with.empty())
      vd.set("share",
             app.cat().format(c.lang, "record.voice.shared_with", {{"who", voice.share_with}}));
    voices.push_back(vd);
  }
  if (!v.voices.empty()) x.set("has_voices", true);
  x.set("voices", voices);
  // A conversation a child was at that records nothing of their voice gets a gentle prompt.
  if (v.voices.empty() && !v.withheld)
    for (std::size_t i = 0; i < f.people.size(); ++i)
      if (f.family.members[i].role == MemberRole::child &&
          std::find(v.present.begin(), v.present.end(), f.people[i].id) != v.present.end()) {
        x.set("voice_prompt",
              app.cat().format(c.lang, "record.voice.prompt", {{"name", f.people[i].called()}}));
        break;
      }
  if (!v.strengths.empty()) x.set("strengths", v.strengths);
  if (!v.worries.empty()) x.set("worries", v.worries);
  if (!v.next_steps.empty()) x.set("next_steps", v.next_steps);
  x.set("led_to", label(app, c, "led_to", kConversationOutcomes.id(v.led_to)));
  if (v.sensitive())
    x.set("sensitive",
          app.cat().format(c.lang, "record.sensitive.marked", {{"reason", v.sensitive_reason}}));
  if (v.withheld)
    x.set("withheld", true);
  else
    x.set("edit_href", "/conversations/" + std::to_string(v.id) + "/edit");
  return x;
}

// A family's page shows the newest conversations (and the reader's drafts); the chronology
// lists every one.
constexpr std::size_t kFamilyPageConversations = 10;

Response family_page(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  const bool reveal = reveal_sensitive(c);
  // The page's dozen views (record, outcomes, plans, network, safety) in one audit write.
  auto views = app.svc().records.views_together();
  auto f = app.svc().records.view_family(*c.actor, *id, reveal, kFamilyPageConversations);
  if (!f && f.error().code == Errc::not_found) {
    // Offered for any number, so it says nothing of whether the family exists.
    Data d = app.error_data(c, bhttp::status::not_found);
    d.set("break_glass_href", "/families/" + std::to_string(*id) + "/break-glass");
    return app.page(c, "error", d, bhttp::status::not_found);
  }
  if (!f) return app.error_page(c, App::status_for(f.error().code));
  Data d = app.shell(c, f->family.name);
  d.set("id", std::to_string(f->family.id));
  d.set("name", f->family.name);
  for (const auto& v : f->involvements)
    if (v.open() && !v.history.empty())
      d.set("status", label(app, c, "statuses", kInvolvementStatuses.id(v.history.back().status)));
  if (f->story.version > 0) {
    d.set("story", f->story.text);
    d.set("story_by", f->story.author_name);
  }
  Data members = list();
  for (std::size_t i = 0; i < f->people.size(); ++i) {
    const auto& p = f->people[i];
    Data m = obj();
    m.set("id", std::to_string(p.id));
    m.set("name", p.called() + " " + p.family_name);
    m.set("role", label(app, c, "member_roles", kMemberRoles.id(f->family.members[i].role)));
    m.set("born", born(app, c, p));
    members.push_back(m);
  }
  d.set("members", members);
  Data conversations = list();
  for (const auto& v : f->conversations) conversations.push_back(conversation_data(app, c, *f, v));
  if (!f->conversations.empty()) d.set("has_conversations", true);
  d.set("conversations", conversations);
  // The rest are a click away in the chronology, so a long involvement keeps the page fast.
  const auto shown =
      std::count_if(f->conversations.begin(), f->conversations.end(),
                    [](const Conversation& v) { return v.state != ConversationState::draft; });
  if (f->finished_conversations > shown) {
    d.set("newest_conversations",
          app.cat().format(c.lang, "record.family.newest_conversations",
                           {{"shown", std::to_string(shown)},
                            {"total", std::to_string(f->finished_conversations)}}));
    d.set("all_conversations_href",
          "/families/" + std::to_string(f->family.id) + "/chronology?kind=conversation");
  }
  if (f->access == RecordAccess::break_glass) d.set("break_glass", true);
  // Each member's outcomes are read once for the page, not once per section.
  const auto words = family_words(app, c, *f);
  add_plans(app, c, *f, words, d);
  int withheld = f->withheld + add_strengths(app, c, *f, words, d);
  if (auto network = app.svc().networks.network_of(*c.actor, f->family.id, reveal)) {
    add_network(app, c, *f, *network, d);
    for (const auto& m : *network) withheld += m.marking.withheld;
  }
  withheld += add_safety(app, c, f->family.id, d);
  add_work(app, c, *f, d);
  if (withheld)
    d.set("withheld", app.cat().format(c.lang, "record.sensitive.withheld",
                                       {{"count", std::to_string(withheld)}}));
  if (!views.finish().ok()) return app.error_page(c, bhttp::status::service_unavailable);
  return app.page(c, "family", d);
}

// A line for each of a person's outcomes: their words, where it stands and the latest
// scores from both views.
Data outcome_summaries(App& app, const Ctx& c, Id person) {
  Data out = list();
  auto outcomes = app.svc().outcomes.of_person(*c.actor, person);
  if (!outcomes) return out;
  for (const auto& o : *outcomes) {
    Data x = obj();
    x.set("id", std::to_string(o.id));
    x.set("statement", o.statement);
    x.set("status", label(app, c, "outcome.statuses", kOutcomeStatuses.id(o.status)));
    x.set("importance", label(app, c, "outcome.importance", kImportance.id(o.importance)));
    if (!o.reviews.empty()) {
      const auto& r = o.reviews.back();
      x.set("latest", app.cat().format(c.lang, "record.outcome.latest",
                                       {{"person", std::to_string(r.person_view.score)},
                                        {"worker", std::to_string(r.worker_view.score)},
                                        {"high", std::to_string(range_of(o.scale).high)},
                                        {"date", r.reviewed_on}}));
    }
    out.push_back(x);
  }
  return out;
}

Response person_page(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto p = app.svc().records.view_person(*c.actor, *id);
  if (!p) return app.error_page(c, App::status_for(p.error().code));
  const auto name = p->person.called() + " " + p->person.family_name;
  Data d = app.shell(c, name);
  d.set("name", name);
  d.set("pronouns", p->person.pronouns);
  d.set("born", born(app, c, p->person));
  d.set("language",
        app.cat().format(
            c.lang, "record.person.language",
            {{"language", label(app, c, "languages", language_id(p->person.preferred_language))}}));
  // How they communicate comes first in the worker's eye: an interpreter, BSL, no speech.
  Data needs = list();
  const auto need = [&](bool on, const char* key) {
    if (!on) return;
    Data x = obj();
    x.set("text", app.t(c, key));
    needs.push_back(x);
  };
  const auto& comm = p->person.communication;
  need(comm.interpreter, "core.fields.interpreter");
  need(comm.bsl, "core.fields.bsl");
  need(comm.non_verbal, "core.fields.non_verbal");
  for (const auto* text : {&comm.capacity_notes, &comm.other})
    if (!text->empty()) {
      Data x = obj();
      x.set("text", *text);
      needs.push_back(x);
    }
  if (!needs.is_empty_list()) d.set("has_needs", true);
  d.set("needs", needs);
  d.set("active_offer", p->person.active_offer_on.empty()
                            ? app.t(c, "record.person.no_active_offer")
                            : app.cat().format(c.lang, "record.person.active_offer",
                                               {{"date", p->person.active_offer_on}}));
  Data families = list();
  for (const auto& f : p->families) {
    Data x = obj();
    x.set("id", std::to_string(f.id));
    x.set("name", f.name);
    families.push_back(x);
  }
  d.set("families", families);
  d.set("id", std::to_string(p->person.id));
  if (p->story.version > 0) d.set("story", p->story.text);
  Data voices = list();
  for (const auto& h : p->voices) {
    Data x = obj();
    x.set("on", h.on);
    x.set("said", h.voice.said);
    x.set("heard", label(app, c, "voice.heard", kHeardThrough.id(h.voice.heard)));
    if (!h.voice.share_with.empty())
      x.set("share",
            app.cat().format(c.lang, "record.voice.shared_with", {{"who", h.voice.share_with}}));
    voices.push_back(x);
  }
  if (!p->voices.empty()) d.set("has_voices", true);
  d.set("voices", voices);
  d.set("outcomes", outcome_summaries(app, c, p->person.id));
  return app.page(c, "person", d);
}

// The conversation form: the fields in the order a conversation goes, its people from the
// family, and the text already typed when it comes back with an error.
std::vector<Field> conversation_fields(App& app, const Ctx& c, const FamilyRecord& f,
                                       const Conversation& v) {
  std::vector<Field> out{
      {"held_on", "core.fields.held_on", "core.hints.held_on", "text", v.held_on},
      {"place", "core.fields.place", "", "select", std::string(kConversationPlaces.id(v.place)),
       options(app, c, "places", kConversationPlaces)},
      {"language", "core.fields.conversation_language", "", "select",
       std::string(language_id(v.language)), options(app, c, "languages", kLanguages)}};
  for (const auto& p : f.people) {
    const bool there = std::find(v.present.begin(), v.present.end(), p.id) != v.present.end();
    Field present{"present_" + std::to_string(p.id), "", "", "checkbox", "yes"};
    present.checked = there;
    present.label = app.cat().format(c.lang, "record.conversation.was_there",
                                     {{"name", p.called() + " " + p.family_name}});
    out.push_back(present);
  }
  std::vector<std::pair<std::string, std::string>> speakers;
  for (const auto& p : f.people)
    speakers.emplace_back(std::to_string(p.id), p.called() + " " + p.family_name);
  speakers.emplace_back("", app.t(c, "record.conversation.someone_else"));
  const auto& said = v.what_matters.empty() ? SaidInTheirWords{} : v.what_matters.front();
  out.push_back({"what_matters", "core.fields.what_matters", "", "textarea", said.text});
  out.push_back({"said_by", "core.fields.said_by", "", "select",
                 said.person_id ? std::to_string(*said.person_id) : "", speakers});
  // Each child's voice, asked for by name: what they said or showed, how it was heard, who
  // they agree may see it.
  for (std::size_t i = 0; i < f.people.size(); ++i) {
    if (f.family.members[i].role != MemberRole::child) continue;
    const auto& p = f.people[i];
    const auto id = std::to_string(p.id);
    const auto it = std::find_if(v.voices.begin(), v.voices.end(),
                                 [&](const ChildVoice& x) { return x.person_id == p.id; });
    const ChildVoice voice = it == v.voices.end() ? ChildVoice{} : *it;
    Field said{"voice_" + id, "", "core.hints.voice", "textarea", voice.said};
    said.label = app.cat().format(c.lang, "record.voice.said", {{"name", p.called()}});
    out.push_back(said);
    Field heard{"heard_" + id,
                "",
                "",
                "select",
                std::string(kHeardThrough.id(voice.heard)),
                options(app, c, "voice.heard", kHeardThrough)};
    heard.label = app.cat().format(c.lang, "record.voice.heard_label", {{"name", p.called()}});
    out.push_back(heard);
    Field share{"share_" + id, "", "", "text", voice.share_with};
    share.label = app.cat().format(c.lang, "record.voice.share_label", {{"name", p.called()}});
    out.push_back(share);
  }
  out.push_back({"strengths", "core.fields.strengths", "", "textarea", v.strengths});
  out.push_back({"worries", "core.fields.worries", "", "textarea", v.worries});
  out.push_back({"next_steps", "core.fields.next_steps", "", "textarea", v.next_steps});
  out.push_back({"others_present", "core.fields.others_present", "", "text", v.others_present});
  out.push_back({"sensitive_reason", "core.fields.sensitive_reason", "core.hints.sensitive_reason",
                 "text", v.sensitive_reason});
  out.push_back({"led_to", "core.fields.led_to", "", "select",
                 std::string(kConversationOutcomes.id(v.led_to)),
                 options(app, c, "led_to", kConversationOutcomes)});
  return out;
}

// The service names a quote's and a voice's fields by position ("what_matters.0.text",
// "voices.1.said"); the form names them by field and by child.
Error for_the_form(Error e, const Conversation& v) {
  for (auto& f : e.fields) {
    if (f.field.rfind("what_matters", 0) == 0)
      f.field = f.field.ends_with(".said_by") ? "said_by" : "what_matters";
    if (f.field.rfind("voices.", 0) == 0) {
      const auto i = parse_id(f.field.substr(7, f.field.find('.', 7) - 7));
      if (i && *i >= 0 && static_cast<std::size_t>(*i) < v.voices.size())
        f.field = (f.field.ends_with(".share_with") ? "share_" : "voice_") +
                  std::to_string(v.voices[*i].person_id);
    }
  }
  return e;
}

// How the form is shown: for a new conversation (the client key names its first save) or
// an existing one (its version), and, after a stale save, what is stored now beside what
// was typed.
struct FormShape {
  std::string action;
  std::string client_key;
  std::int64_t version = 0;
  const Conversation* saved_now = nullptr;
};

Data saved_panel(App& app, const Ctx& c, const Conversation& v) {
  Data items = list();
  const auto add = [&](const char* label_key, const std::string& text) {
    if (text.empty()) return;
    Data i = obj();
    i.set("label", app.t(c, label_key));
    i.set("text", text);
    items.push_back(i);
  };
  for (const auto& q : v.what_matters) add("core.fields.what_matters", q.text);
  add("core.fields.strengths", v.strengths);
  add("core.fields.worries", v.worries);
  add("core.fields.next_steps", v.next_steps);
  Data panel = obj();
  panel.set("heading", app.cat().format(c.lang, "record.conversation.saved_heading",
                                        {{"name", v.author_name}}));
  panel.set("items", items);
  return panel;
}

// The page's script saves a draft every few seconds (X-Sgwrs-Autosave): it gets the draft's
// new place and version instead of a page, or the error's status with its first message, so
// it can say what happened while the text stays in the form and on the device.
bool autosaving(const Ctx& c) {
  return header(c.req, "X-Sgwrs-Autosave") == "1";
}

Response autosave_answer(App& app, const Ctx& c, const Result<Conversation>& saved) {
  namespace bj = boost::json;
  if (!saved) {
    const auto& e = saved.error();
    std::string message = app.t(c, "core.errors." + e.key);
    if (!e.fields.empty()) message = app.t(c, "core.errors." + e.fields.front().key);
    return json(c.req, App::status_for(e.code),
                bj::serialize(bj::object{{"error", e.key}, {"message", message}}));
  }
  const auto place = "/conversations/" + std::to_string(saved->id);
  return json(c.req, bhttp::status::ok,
              bj::serialize(bj::object{{"id", saved->id},
                                       {"version", saved->version},
                                       {"action", place},
                                       {"edit_href", place + "/edit"}}));
}

Response conversation_form(App& app, const Ctx& c, const FamilyRecord& f, const Conversation& v,
                           const FormShape& shape, const Error* error) {
  auto fields = conversation_fields(app, c, f, v);
  if (!shape.client_key.empty())
    fields.push_back({"client_key", "", "", "hidden", shape.client_key});
  const std::string back = "/families/" + std::to_string(f.family.id);
  Data d = app.form_data(
      c, app.t(c, shape.version ? "record.conversation.edit_title" : "record.conversation.title"),
      shape.action, fields, "record.conversation.finish", back, error, shape.version);
  d.set("draft_submit", app.t(c, "record.conversation.save_draft"));
  // A draft (or a new conversation) is saved to the server as it is typed; a finished one
  // only on the device, so autosaving never turns it back into a draft.
  d.set("autosave", v.id == 0 || v.state == ConversationState::draft ? "server" : "device");
  if (shape.saved_now) d.set("saved_now", saved_panel(app, c, *shape.saved_now));
  return app.page(c, "form", d, error ? App::status_for(error->code) : bhttp::status::ok);
}

Response conversation_new(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto f =
      app.svc().records.view_family(*c.actor, *id, false, RecordService::kWithoutConversations);
  if (!f) return app.error_page(c, App::status_for(f.error().code));
  Conversation v;
  v.family_id = f->family.id;
  v.language = c.lang;
  return conversation_form(
      app, c, *f, v,
      {"/families/" + std::to_string(f->family.id) + "/conversations", crypto::random_token()},
      nullptr);
}

// From the form: everything typed, kept as typed when it comes back with an error.
Conversation conversation_from_form(const Ctx& c, const FamilyRecord& f) {
  const auto& form = *c.form;
  Conversation v;
  v.family_id = f.family.id;
  v.held_on = field(form, "held_on");
  v.place = kConversationPlaces.parse(field(form, "place")).value_or(ConversationPlace::other);
  v.language = kLanguages.parse(field(form, "language")).value_or(c.lang);
  for (const auto& p : f.people)
    if (field(form, "present_" + std::to_string(p.id)) == "yes") v.present.push_back(p.id);
  if (const auto said = field(form, "what_matters"); !said.empty())
    v.what_matters.push_back({said, parse_id(field(form, "said_by")), ""});
  for (std::size_t i = 0; i < f.people.size(); ++i) {
    if (f.family.members[i].role != MemberRole::child) continue;
    const auto id = std::to_string(f.people[i].id);
    if (const auto said = field(form, "voice_" + id); !said.empty())
      v.voices.push_back(
          {f.people[i].id, said,
           kHeardThrough.parse(field(form, "heard_" + id)).value_or(HeardThrough::direct_work),
           field(form, "share_" + id)});
  }
  v.strengths = field(form, "strengths");
  v.worries = field(form, "worries");
  v.next_steps = field(form, "next_steps");
  v.others_present = field(form, "others_present");
  v.sensitive_reason = field(form, "sensitive_reason");
  v.led_to = kConversationOutcomes.parse(field(form, "led_to"))
                 .value_or(ConversationOutcome::nothing_formal);
  v.state =
      field(form, "intent") == "draft" ? ConversationState::draft : ConversationState::finished;
  return v;
}

Response conversation_create(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto f =
      app.svc().records.view_family(*c.actor, *id, false, RecordService::kWithoutConversations);
  if (!f) return app.error_page(c, App::status_for(f.error().code));
  const auto v = conversation_from_form(c, *f);
  const auto key = field(*c.form, "client_key");
  auto saved = app.svc().records.save_conversation(*c.actor, v, key);
  if (autosaving(c)) return autosave_answer(app, c, saved);
  if (!saved) {
    const auto e = for_the_form(saved.error(), v);
    return conversation_form(app, c, *f, v,
                             {"/families/" + std::to_string(*id) + "/conversations", key}, &e);
  }
  const bool draft = saved->state == ConversationState::draft;
  return redirect(c.req, local_url("/families/" + std::to_string(*id),
                                   {{"done", draft ? "draft_saved" : "conversation_saved"}}));
}

Response conversation_edit(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto v = app.svc().records.get_conversation(*c.actor, *id);
  if (!v) return app.error_page(c, App::status_for(v.error().code));
  auto f = app.svc().records.view_family(*c.actor, v->family_id, false,
                                         RecordService::kWithoutConversations);
  if (!f) return app.error_page(c, App::status_for(f.error().code));
  return conversation_form(app, c, *f, *v,
                           {"/conversations/" + std::to_string(*id), {}, v->version}, nullptr);
}

// A save against an older version overwrites nothing: the form comes back with what was
// typed, what is stored now beside it, and the stored version, so saving again is a choice.
Response conversation_update(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto stored = app.svc().records.get_conversation(*c.actor, *id);
  if (!stored) return app.error_page(c, App::status_for(stored.error().code));
  auto f = app.svc().records.view_family(*c.actor, stored->family_id, false,
                                         RecordService::kWithoutConversations);
  if (!f) return app.error_page(c, App::status_for(f.error().code));
  auto v = conversation_from_form(c, *f);
  v.id = *id;
  v.version = parse_id(field(*c.form, "version")).value_or(0);
  auto saved = app.svc().records.save_conversation(*c.actor, v);
  if (autosaving(c)) return autosave_answer(app, c, saved);
  if (saved) {
    const bool draft = saved->state == ConversationState::draft;
    return redirect(c.req, local_url("/families/" + std::to_string(f->family.id),
                                     {{"done", draft ? "draft_saved" : "conversation_saved"}}));
  }
  const auto e = for_the_form(saved.error(), v);
  const bool stale = e.code == Errc::stale;
  return conversation_form(app, c, *f, v,
                           {"/conversations/" + std::to_string(*id),
                            {},
                            stale ? stored->version : v.version,
                            stale ? &*stored : nullptr},
                           &e);
}

}  // namespace

void register_record_pages(Router& r, App& app) {
  using bhttp::verb;
  r.add(verb::get, "/families", signed_in<families_index>(app));
  r.add(verb::get, "/families/{id}", signed_in<family_page>(app));
  r.add(verb::get, "/families/{id}/conversations/new", signed_in<conversation_new>(app));
  r.add(verb::post, "/families/{id}/conversations", signed_in<conversation_create>(app));
  r.add(verb::get, "/people/{id}", signed_in<person_page>(app));
  r.add(verb::get, "/conversations/{id}/edit", signed_in<conversation_edit>(app));
  r.add(verb::post, "/conversations/{id}", signed_in<conversation_update>(app));
}

}  // namespace sgwrs::http
