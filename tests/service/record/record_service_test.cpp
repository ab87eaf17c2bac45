// The record of people and families through RecordService: the access rule (in search and
// lists too), break-glass, audit of every view and change, drafts and stale saves that lose
// nothing, stories with every version, and bad input refused whole. On both engines.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>

#include "service/record/record_fixture.hpp"

namespace sgwrs::test {
namespace {

TEST_P(RecordServiceTest, CreatingAFamilyAllocatesItToTheCreatorAndTheirPod) {
  const auto f = make_family(lead_);
  ASSERT_EQ(f.people.size(), 3u);
  ASSERT_EQ(f.involvements.size(), 1u);
  EXPECT_EQ(f.involvements[0].lead_worker_id, lead_.id);
  EXPECT_EQ(f.involvements[0].pod_id, pod_a_.id);
  ASSERT_EQ(f.involvements[0].history.size(), 1u);
  EXPECT_EQ(f.involvements[0].history[0].status, InvolvementStatus::early_help);
  EXPECT_EQ(f.family.members[1].role, MemberRole::child);
  EXPECT_EQ(last_audit().action, "family.create");
}

// Every role against a family inside and outside their relationship: outside is "not
// found", exactly as a family that does not exist, and the refusal is audited.
TEST_P(RecordServiceTest, OnlyARelationshipOpensTheRecord) {
  const auto f = make_family(lead_);
  const Id fid = f.family.id, pid = f.people[1].id;
  const std::map<std::string, std::pair<User, RecordAccess>> cases = {
      {"lead worker", {lead_, RecordAccess::lead_worker}},
      {"pod member", {podmate_, RecordAccess::pod}},
      {"pod manager", {manager_, RecordAccess::pod}},
      {"senior leader", {leader_, RecordAccess::leader}},
      {"another pod", {outsider_, RecordAccess::none}},
      {"administrator", {admin_, RecordAccess::none}},
      {"practitioner without a pod", {sam_, RecordAccess::none}},
      {"another organisation", {stranger_, RecordAccess::none}},
  };
  for (const auto& [who, c] : cases) {
    const auto& [user, expected] = c;
    const auto family = records_->view_family(actor(user), fid);
    const auto member = records_->view_person(actor(user), pid);
    const auto search = must(records_->search_people(actor(user), "Gwen"));
    const auto trail = audit_rows(3);  // newest first: the search, the person, the family
    EXPECT_EQ(trail[0].action, "person.search") << who;
    if (expected == RecordAccess::none) {
      ASSERT_FALSE(family.ok()) << who;
      EXPECT_EQ(family.error().code, Errc::not_found) << who;
      ASSERT_FALSE(member.ok()) << who;
      EXPECT_EQ(member.error().code, Errc::not_found) << who;
      EXPECT_TRUE(search.empty()) << who;
      EXPECT_EQ(trail[1].action, "access.refuse") << who;
      EXPECT_EQ(trail[2].action, "access.refuse") << who;
      EXPECT_EQ(records_->view_family(actor(user), fid + 1000).error().key, family.error().key)
          << who << ": a refusal must look like a missing record";
    } else {
      ASSERT_TRUE(family.ok()) << who;
      EXPECT_EQ(family->access, expected) << who;
      EXPECT_EQ(member->person.called(), "Gwen") << who;
      EXPECT_EQ(search.size(), 1u) << who;
      EXPECT_EQ(trail[1].action, "person.view") << who;
      EXPECT_EQ(trail[2].action, "family.view") << who;
    }
  }
}

TEST_P(RecordServiceTest, BreakGlassOpensForAWhileWithAReasonAndThePodManagerIsTold) {
  const auto f = make_family(lead_);
  const Id fid = f.family.id;
  auto short_reason = records_->break_glass(actor(outsider_), {fid, "urgent", 60});
  ASSERT_FALSE(short_reason.ok());
  EXPECT_EQ(short_reason.error().fields.at(0).field, "reason");
  ASSERT_TRUE(
      records_
          ->break_glass(actor(outsider_),
                        {fid, "Police called out of hours; the lead worker is on leave", 30})
          .ok());
  EXPECT_EQ(last_audit().action, "record.break_glass");
  auto seen = records_->view_family(actor(outsider_), fid);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->access, RecordAccess::break_glass);
  const auto notices = must(records_->break_glass_notices(actor(manager_)));
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].user_name, "Osian Other");
  EXPECT_TRUE(must(records_->break_glass_notices(actor(podmate_))).empty());
  advance(31 * 60);
  EXPECT_EQ(records_->view_family(actor(outsider_), fid).error().code, Errc::not_found);
  EXPECT_EQ(
      records_->break_glass(actor(admin_), {fid, "Curious about the data model", 30}).error().code,
      Errc::not_found);
}

TEST_P(RecordServiceTest, SearchForgivesCaseAccentsAndWelshDiacriticsAndFindsPreferredNames) {
  make_family(lead_);
  EXPECT_EQ(found(lead_, "sion"), (std::vector<std::string>{"Siôn"}));
  EXPECT_EQ(found(lead_, "LLYR"), (std::vector<std::string>{"Llŷr"}));
  EXPECT_EQ(found(lead_, "gwen"), (std::vector<std::string>{"Gwenllïan"}));
  EXPECT_EQ(found(lead_, "Gwenlli"), (std::vector<std::string>{"Gwenllïan"}));
  EXPECT_EQ(found(lead_, "prys s").size(), 1u);  // each word narrows
  EXPECT_EQ(found(lead_, "prys").size(), 3u);
  EXPECT_TRUE(found(lead_, "jones").empty());
  EXPECT_EQ(records_->search_people(actor(lead_), "   ").error().code, Errc::invalid);
}

TEST_P(RecordServiceTest, ConversationDraftsAreSavedAndAStaleSaveOverwritesNothing) {
  const auto f = make_family(lead_);
  Conversation v;
  v.family_id = f.family.id;
  v.held_on = "2023-10-05";
  v.present = {f.people[0].id, f.people[2].id};
  v.what_matters = {{"I want my kids to feel safe at home", f.people[0].id, ""}};
  v.strengths = "Siôn walks the children to school every day.";
  auto first = must(records_->save_conversation(actor(lead_), v, "tab-1-key"));
  EXPECT_EQ(first.state, ConversationState::draft);
  // A double click sends the same first save again: the same conversation comes back.
  auto again = must(records_->save_conversation(actor(lead_), v, "tab-1-key"));
  EXPECT_EQ(again.id, first.id);
  EXPECT_EQ(count_rows("conversations"), 1);
  // Another tab saved version 1 first; this one is stale and changes nothing.
  auto tab2 = first;
  tab2.worries = "Money is tight this winter.";
  const auto saved2 = must(records_->save_conversation(actor(lead_), tab2));
  EXPECT_EQ(saved2.version, 2);
  auto tab1 = first;
  tab1.next_steps = "Visit again on Friday.";
  const auto stale = records_->save_conversation(actor(lead_), tab1);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, Errc::stale);
  const auto stored = must(records_->get_conversation(actor(lead_), first.id));
  EXPECT_EQ(stored.worries, "Money is tight this winter.");
  EXPECT_EQ(stored.next_steps, "");
  ASSERT_EQ(stored.what_matters.size(), 1u);
  EXPECT_EQ(stored.what_matters[0].person_id, f.people[0].id);
  // A draft is its author's: a pod colleague neither sees it nor can open it.
  EXPECT_TRUE(must(records_->view_family(actor(podmate_), f.family.id)).conversations.empty());
  EXPECT_EQ(records_->get_conversation(actor(podmate_), first.id).error().code, Errc::not_found);
  auto finished = stored;
  finished.state = ConversationState::finished;
  finished.led_to = ConversationOutcome::nothing_formal;
  ASSERT_TRUE(records_->save_conversation(actor(lead_), finished).ok());
  EXPECT_EQ(must(records_->view_family(actor(podmate_), f.family.id)).conversations.size(), 1u);
}

TEST_P(RecordServiceTest, TheFamilyListCountsOnlyTheReadersDraftsAndDatesOnlyFinishedWork) {
  const auto f = make_family(lead_);
  // The service's clock stands at 2023-11-14, and no conversation is held in the future.
  const auto save = [&](const User& by, const char* on, ConversationState state) {
    Conversation v;
    v.family_id = f.family.id;
    v.held_on = on;
    v.present = {f.people[0].id};
    v.strengths = "Siôn walks the children to school every day.";
    v.state = state;
    v.led_to = ConversationOutcome::nothing_formal;
    ASSERT_TRUE(records_->save_conversation(actor(by), v).ok());
  };
  const auto summary = [&](const User& reader) {
    for (const auto& s : must(records_->my_families(actor(reader))))
      if (s.family.id == f.family.id) return s;
    ADD_FAILURE() << "family not listed for " << reader.email;
    return FamilySummary{};
  };
  EXPECT_EQ(summary(lead_).last_conversation_on, "");
  save(lead_, "2023-10-05", ConversationState::finished);
  save(lead_, "2023-11-01", ConversationState::finished);
  save(lead_, "2023-09-01", ConversationState::finished);
  save(lead_, "2023-11-10", ConversationState::draft);  // a draft dates nothing
  save(lead_, "2023-11-12", ConversationState::draft);
  save(podmate_, "2023-11-13", ConversationState::draft);  // not the lead's
  const auto mine = summary(lead_);
  EXPECT_EQ(mine.drafts, 2);
  EXPECT_EQ(mine.last_conversation_on, "2023-11-01");
  const auto theirs = summary(podmate_);
  EXPECT_EQ(theirs.drafts, 1);
  EXPECT_EQ(theirs.last_conversation_on, "2023-11-01");
}

TEST_P(RecordServiceTest, AFamilysPageReadsTheReadersDraftsAndTheNewestFinishedConversations) {
  const auto f = make_family(lead_);
  const auto save = [&](const User& by, std::string on, ConversationState state) {
    Conversation v;
    v.family_id = f.family.id;
    v.held_on = on;
    v.present = {f.people[0].id, f.people[1].id};
    v.what_matters = {{"Held on " + on, f.people[0].id, ""}};
    v.state = state;
    v.led_to = ConversationOutcome::nothing_formal;
    return must(records_->save_conversation(actor(by), v)).id;
  };
  // Thirteen finished, saved out of date order; two drafts of the lead's, one of a colleague's.
  for (int day : {5, 1, 13, 2, 9, 3, 12, 4, 8, 6, 11, 7, 10})
    save(lead_, fmt::format("2023-10-{:02}", day), ConversationState::finished);
  save(lead_, "2023-11-01", ConversationState::draft);
  save(lead_, "2023-11-02", ConversationState::draft);
  save(podmate_, "2023-11-03", ConversationState::draft);

  const auto page = must(records_->view_family(actor(lead_), f.family.id, false, 10));
  EXPECT_EQ(page.finished_conversations, 13);
  ASSERT_EQ(page.conversations.size(), 12u);
  std::vector<std::string> held;
  for (const auto& v : page.conversations) held.push_back(v.held_on);
  EXPECT_EQ(held,
            (std::vector<std::string>{"2023-11-02", "2023-11-01", "2023-10-13", "2023-10-12",
                                      "2023-10-11", "2023-10-10", "2023-10-09", "2023-10-08",
                                      "2023-10-07", "2023-10-06", "2023-10-05", "2023-10-04"}));
  // Each one shown comes with who was there and their words, as when every one is read.
  for (const auto& v : page.conversations) {
    ASSERT_EQ(v.what_matters.size(), 1u) << v.held_on;
    EXPECT_EQ(v.what_matters[0].text, "Held on " + v.held_on);
    EXPECT_EQ(v.present.size(), 2u);
  }
  // The colleague sees the same finished ones and only their own draft.
  const auto theirs = must(records_->view_family(actor(podmate_), f.family.id, false, 10));
  ASSERT_EQ(theirs.conversations.size(), 11u);
  EXPECT_EQ(theirs.conversations[0].held_on, "2023-11-03");
  EXPECT_EQ(theirs.conversations[1].held_on, "2023-10-13");
  // Without a limit every one is read, drafts first, and the count agrees.
  const auto all = must(records_->view_family(actor(lead_), f.family.id));
  EXPECT_EQ(all.conversations.size(), 15u);
  EXPECT_EQ(all.finished_conversations, 13);
  // A page that needs none reads none, and still counts them.
  const auto none = must(records_->view_family(actor(lead_), f.family.id, false,
                                               RecordService::kWithoutConversations));
  EXPECT_EQ(none.conversations.size(), 2u);  // the reader's own drafts are always there
  EXPECT_EQ(none.finished_conversations, 13);
}

TEST_P(RecordServiceTest, BadConversationsAreRefusedWholeWithEveryField) {
  const auto f = make_family(lead_);
  const auto other = make_family(lead_, "The Hughes family");
  Conversation v;
  v.family_id = f.family.id;
  v.held_on = "2999-01-01";
  v.what_matters = {{"", std::nullopt, ""}};
  v.strengths = std::string("bad \xFF byte");
  auto r = records_->save_conversation(actor(lead_), v);
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.error().fields.size(), 3u);
  EXPECT_EQ(r.error().fields[0].field, "held_on");
  EXPECT_EQ(r.error().fields[0].key, "date_in_future");
  EXPECT_EQ(r.error().fields[1].field, "strengths");
  EXPECT_EQ(r.error().fields[2].field, "what_matters.0.text");
  v = Conversation{};
  v.family_id = f.family.id;
  v.held_on = "2023-10-05";
  v.present = {other.people[0].id};  // someone from another family
  EXPECT_EQ(records_->save_conversation(actor(lead_), v).error().fields.at(0).key, "not_a_member");
  EXPECT_EQ(count_rows("conversations"), 0);
}

TEST_P(RecordServiceTest, TheStoryKeepsEveryVersionAndRefusesAStaleSave) {
  const auto f = make_family(lead_);
  const Id fid = f.family.id;
  ASSERT_TRUE(records_
                  ->save_story(actor(lead_), StorySubject::family, fid,
                               "The Prys family moved to Pontardawe in 2022.", 0)
                  .ok());
  ASSERT_TRUE(records_
                  ->save_story(actor(podmate_), StorySubject::family, fid,
                               "The Prys family moved to Pontardawe in 2022. Siôn works nights.", 1)
                  .ok());
  const auto stale = records_->save_story(actor(lead_), StorySubject::family, fid, "Overwrite", 1);
  EXPECT_EQ(stale.error().code, Errc::stale);
  const auto history = must(records_->story_history(actor(lead_), StorySubject::family, fid));
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].version, 2);
  EXPECT_EQ(history[0].author_name, "Ifan Mate");
  EXPECT_EQ(history[1].author_name, "Nia Lead");
  EXPECT_EQ(must(records_->view_family(actor(leader_), fid)).story.version, 2);
  EXPECT_EQ(records_->save_story(actor(outsider_), StorySubject::family, fid, "x", 2).error().code,
            Errc::not_found);
}

TEST_P(RecordServiceTest, PersonEditsAreValidatedVersionedAndLoggedFromWhatToWhat) {
  const auto f = make_family(lead_);
  auto p = f.people[1];
  p.date_of_birth = "2999-01-01";
  EXPECT_EQ(records_->update_person(actor(lead_), p).error().fields.at(0).key, "date_in_future");
  p.date_of_birth_expected = true;  // an unborn child's expected date may be ahead
  p.preferred_name = "Gwenni";
  const auto saved = must(records_->update_person(actor(lead_), p));
  EXPECT_EQ(saved.version, 2);
  const auto e = last_audit();
  EXPECT_EQ(e.action, "person.update");
  EXPECT_NE(e.detail.find("Gwen → Gwenni"), std::string::npos) << e.detail;
  EXPECT_EQ(records_->update_person(actor(lead_), p).error().code, Errc::stale);
  EXPECT_EQ(found(lead_, "gwenni"), (std::vector<std::string>{"Gwenllïan"}));
}

TEST_P(RecordServiceTest, TheRecordTrailShowsWhoLookedAndWhoChanged) {
  const auto f = make_family(lead_);
  ASSERT_TRUE(records_->view_family(actor(podmate_), f.family.id).ok());
  ASSERT_TRUE(records_->view_person(actor(leader_), f.people[2].id).ok());
  const auto trail = must(records_->record_trail(actor(manager_), f.family.id));
  std::vector<std::string> actions;
  for (const auto& e : trail) actions.push_back(e.event.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"person.view", "family.view", "family.create"}));
  EXPECT_EQ(trail[0].event.actor_user_id, leader_.id);
  EXPECT_EQ(trail[0].who, "Lowri Leader");
  EXPECT_EQ(trail[0].role, Role::senior_leader);
  EXPECT_EQ(trail[0].access, RecordAccess::leader);
  EXPECT_FALSE(trail[0].change);
  EXPECT_EQ(trail[1].access, RecordAccess::pod);
  EXPECT_TRUE(trail[2].change);
}

INSTANTIATE_TEST_SUITE_P(Engines, RecordServiceTest, kBothEngines, EngineName());

}  // namespace
}  // namespace sgwrs::test

namespace sgwrs::test {
namespace {

// The family view leaves out what is sensitive; someone who broke the glass sees that it is
// there and why, and reads it only after confirming, which is audited.
TEST_P(RecordServiceTest, SensitiveItemsStayOutOfTheFamilyViewAndWaitForABreakGlassReader) {
  const auto f = make_family(lead_);
  Conversation open, secret;
  open.family_id = secret.family_id = f.family.id;
  open.held_on = "2023-09-01";
  secret.held_on = "2023-09-02";
  open.state = secret.state = ConversationState::finished;
  open.what_matters = {{"Cael Nain yn agos", f.people[1].id, ""}};
  secret.what_matters = {{"Our new address is 4 Heol y Nant", f.people[0].id, ""}};
  secret.sensitive_reason = "New address; must not reach the children's father";
  ASSERT_TRUE(records_->save_conversation(actor(lead_), open).ok());
  ASSERT_TRUE(records_->save_conversation(actor(lead_), secret).ok());

  const auto view = must(records_->family_view(actor(lead_), f.family.id));
  std::string all;
  for (const auto& q : view.what_matters) all += q.text + "|";
  EXPECT_EQ(all, "Cael Nain yn agos|");
  EXPECT_EQ(view.what_matters[0].by, "Gwen");
  EXPECT_EQ(last_audit().action, "family_view.view");

  ASSERT_TRUE(
      records_->break_glass(actor(outsider_), {f.family.id, "Police call out of hours", 30}).ok());
  const auto glass = must(records_->view_family(actor(outsider_), f.family.id));
  EXPECT_EQ(glass.withheld, 1);
  const auto held = std::find_if(glass.conversations.begin(), glass.conversations.end(),
                                 [](const Conversation& v) { return v.sensitive(); });
  ASSERT_NE(held, glass.conversations.end());
  EXPECT_TRUE(held->withheld);
  EXPECT_TRUE(held->what_matters.empty());
  EXPECT_EQ(held->sensitive_reason, "New address; must not reach the children's father");
  EXPECT_TRUE(must(records_->get_conversation(actor(outsider_), held->id)).what_matters.empty());
  const auto revealed = must(records_->view_family(actor(outsider_), f.family.id, true));
  EXPECT_EQ(revealed.revealed, 1);
  EXPECT_EQ(audit_rows(2)[1].action, "sensitive.reveal");
  // The lead worker sees everything, marked.
  const auto lead = must(records_->view_family(actor(lead_), f.family.id));
  EXPECT_EQ(lead.withheld, 0);
}

}  // namespace
}  // namespace sgwrs::test

namespace sgwrs::test {
namespace {

// A child's voice is kept with the conversation, in their words with how it was heard and
// who may see it, and shown on the child's own record; a voice for someone outside the
// family is refused.
TEST_P(RecordServiceTest, AChildsVoiceIsKeptAndShownOnTheirRecord) {
  const auto f = make_family(lead_);
  const Id gwen = f.people[1].id;
  Conversation v;
  v.family_id = f.family.id;
  v.held_on = "2023-10-01";
  v.state = ConversationState::finished;
  v.present = {gwen};
  v.voices = {{gwen, "Drew a house with Nain in the garden", HeardThrough::play, "Mam and Nain"}};
  const auto saved = must(records_->save_conversation(actor(lead_), v));
  ASSERT_EQ(saved.voices.size(), 1u);
  EXPECT_EQ(saved.voices[0].heard, HeardThrough::play);
  const auto record = must(records_->view_person(actor(podmate_), gwen));
  ASSERT_EQ(record.voices.size(), 1u);
  EXPECT_EQ(record.voices[0].on, "2023-10-01");
  EXPECT_EQ(record.voices[0].voice.share_with, "Mam and Nain");
  EXPECT_TRUE(must(records_->view_person(actor(podmate_), f.people[0].id)).voices.empty());

  const auto other = make_family(lead_, "The Hughes family");
  v.voices = {{other.people[1].id, "x", HeardThrough::direct_work, ""}};
  EXPECT_EQ(records_->save_conversation(actor(lead_), v).error().fields.at(0).field, "voices");
  v.voices = {{gwen, "", HeardThrough::direct_work, ""}};
  EXPECT_EQ(records_->save_conversation(actor(lead_), v).error().fields.at(0).field,
            "voices.0.said");
}

}  // namespace
}  // namespace sgwrs::test
