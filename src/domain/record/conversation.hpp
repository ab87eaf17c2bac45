#pragma once
// The "what matters" conversation: the core event of the record. Light to write, in the
// person's own words, and counted as work whatever it led to. A conversation is saved as a
// draft as it is typed and becomes part of the record when it is finished; every save
// carries the version it was typed against, so two tabs or two people never overwrite each
// other without seeing both texts.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/core/closed_set.hpp"
#include "domain/core/language.hpp"
#include "domain/organisation/organisation.hpp"

namespace sgwrs {

enum class ConversationPlace { home, ward, office, school, phone, video, other };
inline constexpr auto kConversationPlaces = closed_set(
    std::pair{ConversationPlace::home, "home"}, std::pair{ConversationPlace::ward, "ward"},
    std::pair{ConversationPlace::office, "office"}, std::pair{ConversationPlace::school, "school"},
    std::pair{ConversationPlace::phone, "phone"}, std::pair{ConversationPlace::video, "video"},
    std::pair{ConversationPlace::other, "other"});

// What a conversation led to; all of them count as work.
enum class ConversationOutcome { nothing_formal, assessment, plan, support_decision };
inline constexpr auto kConversationOutcomes =
    closed_set(std::pair{ConversationOutcome::nothing_formal, "nothing_formal"},
               std::pair{ConversationOutcome::assessment, "assessment"},
               std::pair{ConversationOutcome::plan, "plan"},
               std::pair{ConversationOutcome::support_decision, "support_decision"});

enum class ConversationState { draft, finished };
inline constexpr auto kConversationStates =
    closed_set(std::pair{ConversationState::draft, "draft"},
               std::pair{ConversationState::finished, "finished"});

// Words quoted as they were said, and who said them (a family member, or a name typed).
struct SaidInTheirWords {
  std::string text;
  std::optional<Id> person_id;
  std::string said_by;  // when the speaker is not a family member on the record
};

// How a child's voice was heard.
enum class HeardThrough { direct_work, play, advocate, non_verbal, app, other };
inline constexpr auto kHeardThrough =
    closed_set(std::pair{HeardThrough::direct_work, "direct_work"},
               std::pair{HeardThrough::play, "play"}, std::pair{HeardThrough::advocate, "advocate"},
               std::pair{HeardThrough::non_verbal, "non_verbal"},
               std::pair{HeardThrough::app, "app"}, std::pair{HeardThrough::other, "other"});

// The voice of a child in one conversation: what they said or showed (a drawing described,
// in their words where there are words), how it was heard, and who they agree may see it.
struct ChildVoice {
  Id person_id = 0;
  std::string said;
  HeardThrough heard = HeardThrough::direct_work;
  std::string share_with;  // in the child's terms: "Mum and my teacher", "only my worker"
};

struct Conversation {
  Id id = 0;
  Id family_id = 0;
  std::string held_on;  // YYYY-MM-DD
  ConversationPlace place = ConversationPlace::home;
  Language language = Language::en;
  std::vector<Id> present;     // family members who were there
  std::string others_present;  // network, other agencies, in plain words
  std::vector<SaidInTheirWords> what_matters;
  std::vector<ChildVoice> voices;  // one per child heard
  std::string strengths;
  std::string worries;
  std::string next_steps;
  ConversationOutcome led_to = ConversationOutcome::nothing_formal;
  ConversationState state = ConversationState::draft;
  // Why it must not reach everyone (an address kept from another member, say): a sensitive
  // conversation is left out of the family view, and a break-glass reader sees it only once
  // they confirm they need to. Empty when it is not sensitive.
  std::string sensitive_reason;
  Id author_id = 0;
  std::string author_name;  // filled when read
  std::int64_t version = 1;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  bool withheld = false;  // sensitive, and held back from this reader until they confirm

  bool sensitive() const { return !sensitive_reason.empty(); }
};

}  // namespace sgwrs
