#pragma once
// The record of people and families. Every read and write goes through here, and so does
// the one access rule: a family's record (and each member's) opens only to the lead worker
// of one of its involvements, a member or manager of that involvement's pod, a senior
// leader of the organisation, or someone who has broken the glass for a stated reason, for
// a while, with the pod manager told. To anyone else it does not exist: "not found", in
// lists and search too. Every view and every change is audited.
#include <optional>
#include <string>
#include <vector>

#include "domain/audit/audit.hpp"
#include "domain/core/result.hpp"
#include "domain/record/conversation.hpp"
#include "domain/record/outcome.hpp"
#include "domain/record/plan.hpp"
#include "domain/record/record.hpp"
#include "domain/record/story.hpp"
#include "service/audit/audit_service.hpp"
#include "service/core/context.hpp"
#include "service/core/store_handle.hpp"
#include "service/record/record_gate.hpp"

namespace sgwrs {

struct NewMember {
  Person person;
  MemberRole role = MemberRole::other_relative;
};

struct NewFamily {
  std::string name;
  std::string opened_on;  // the involvement's first day
  InvolvementStatus status = InvolvementStatus::early_help;
  std::optional<Id> lead_worker_id;  // the caller when absent
  std::vector<NewMember> members;
};

struct FamilyRecord {
  Family family;
  std::vector<Person> people;  // the members, in the family's order
  std::vector<Involvement> involvements;
  std::vector<Conversation> conversations;  // the reader's drafts first, then newest held first
  // How many finished conversations the family has, shown here or not (when only the newest
  // were asked for; otherwise every one is in `conversations`).
  int finished_conversations = 0;
  StoryVersion story;  // version 0 when none is written yet
  RecordAccess access = RecordAccess::none;
  int withheld = 0;  // sensitive conversations held back from a break-glass reader
  int revealed = 0;  // ... or shown to them once they confirmed
};

// A family's record as written for the family to read or take away: their story, what
// matters in their own words, their outcomes and how they have moved, and who is doing what.
// Nothing sensitive, no unfinished drafts, no worker's notes, in their preferred language.
struct FamilyView {
  struct Quote {
    std::string text;
    std::string by;  // who said it, as they are called
    Language language = Language::en;
    std::string on;  // YYYY-MM-DD
  };
  Family family;
  std::vector<Person> people;
  StoryVersion story;
  std::vector<Quote> what_matters;  // newest first
  std::vector<Outcome> outcomes;    // each with its person_id and reviews
  std::vector<AgreedAction> actions;
  Language language = Language::en;  // the first member's preferred language
};

struct PersonRecord {
  // A child's voice as it was heard in one conversation.
  struct Heard {
    std::string on;  // the conversation's day
    ChildVoice voice;
  };
  Person person;
  std::vector<Family> families;
  StoryVersion story;
  std::vector<Heard> voices;  // newest first; shown first on a child's page
  RecordAccess access = RecordAccess::none;
};

// A line of a caseload: the family, where the work stands, and what waits to be finished.
struct FamilySummary {
  Family family;
  std::optional<InvolvementStatus> status;  // of the open involvement, if any
  bool lead = false;                        // the caller leads it
  std::string last_conversation_on;         // YYYY-MM-DD, empty if none yet
  int drafts = 0;                           // the caller's unfinished conversations
};

struct BreakGlassRequest {
  Id family_id = 0;
  std::string reason;
  int minutes = 60;
};

struct BreakGlassNotice {
  Id family_id = 0;
  std::string family_name;
  std::string user_name;
  std::string reason;
  std::int64_t started_at = 0, ends_at = 0;
};

// One line of "who has looked at this record": the audit line, the person who did it (their
// name and role as they are now), and the access they used.
struct TrailEntry {
  AuditEvent event;
  std::string who;
  std::optional<Role> role;
  RecordAccess access = RecordAccess::none;  // none for a refusal or an unnamed access
  bool change = false;                       // a change rather than a view
};

class RecordService {
 public:
  static constexpr int kMaxBreakGlassMinutes = 240;

  RecordService(store::Db& db, AuditService& audit, Clock clock)
      : gate_(db, audit, std::move(clock)) {}

  Result<FamilyRecord> create_family(const Actor& a, NewFamily f);
  Result<Person> add_member(const Actor& a, Id family_id, NewMember m);
  Result<Person> update_person(const Actor& a, Person p);

  // `reveal_sensitive`: a break-glass reader confirms they need the sensitive items too.
  // For pages that need the family and its people, not its conversations (the reader's own
  // drafts still come, as they are few).
  static constexpr std::size_t kWithoutConversations = 0;
  // `newest_conversations`: read only that many finished conversations (the newest) beside
  // the reader's drafts, as a family's page shows them; every one when not given.
  Result<FamilyRecord> view_family(const Actor& a, Id family_id, bool reveal_sensitive = false,
                                   std::optional<std::size_t> newest_conversations = {});
  // The families the caller works with (a senior leader: the organisation's), the ones they
  // lead first.
  Result<std::vector<FamilySummary>> my_families(const Actor& a);
  Result<PersonRecord> view_person(const Actor& a, Id person_id);
  Result<FamilyView> family_view(const Actor& a, Id family_id);
  // People whose names start with each word of `query`, among those the caller may open.
  Result<std::vector<Person>> search_people(const Actor& a, const std::string& query);

  // Views of the record for one page, audited together (RecordGate::Batch): the page is
  // shown only once finish() has written their audit lines.
  RecordGate::Batch views_together() const { return RecordGate::Batch(gate_); }

  Result<BreakGlassNotice> break_glass(const Actor& a, BreakGlassRequest r);
  // Break-glass opening of records allocated to the caller's pod (for its manager).
  Result<std::vector<BreakGlassNotice>> break_glass_notices(const Actor& a);

  // A new conversation (id 0) or the next save of one. Saving against an older version
  // than the stored one is `stale`: nothing is overwritten, and the caller shows both.
  // `client_key` makes a repeated first save (a double click, a retry) return the one
  // conversation it made instead of a second.
  Result<Conversation> save_conversation(const Actor& a, Conversation v,
                                         const std::string& client_key = {});
  Result<Conversation> get_conversation(const Actor& a, Id id);

  Result<StoryVersion> save_story(const Actor& a, StorySubject subject, Id id, std::string text,
                                  std::int64_t after_version);
  Result<std::vector<StoryVersion>> story_history(const Actor& a, StorySubject subject, Id id);

  // Who has looked at or changed this family's record (its members', their conversations
  // and outcomes too), newest first.
  Result<std::vector<TrailEntry>> record_trail(const Actor& a, Id family_id);

 private:
  RecordGate gate_;
};

}  // namespace sgwrs
