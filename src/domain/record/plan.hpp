#pragma once
// What the family and the worker agree to do, and the decisions about support. An agreed
// action names what, who (the person, the family, someone in their network, the worker or
// another agency), by when and the outcome it serves; its progress is checked together and
// recorded in the family's own words. A support decision (redesigned, reduced, increased,
// stepped down, ended, escalated, escalation avoided, no service needed) names the outcomes
// it serves and its reason in those terms; decisions are stored structured, to be counted.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/core/closed_set.hpp"
#include "domain/organisation/organisation.hpp"

namespace sgwrs {

enum class ActionOwner { person, family, network, worker, agency };
inline constexpr auto kActionOwners =
    closed_set(std::pair{ActionOwner::person, "person"}, std::pair{ActionOwner::family, "family"},
               std::pair{ActionOwner::network, "network"}, std::pair{ActionOwner::worker, "worker"},
               std::pair{ActionOwner::agency, "agency"});

enum class ActionState { not_yet, partly, done };
inline constexpr auto kActionStates =
    closed_set(std::pair{ActionState::not_yet, "not_yet"}, std::pair{ActionState::partly, "partly"},
               std::pair{ActionState::done, "done"});

// One check of an action, agreed together: where it stands and what the family said.
struct ActionProgress {
  std::string on;  // YYYY-MM-DD
  ActionState state = ActionState::not_yet;
  std::string their_words;
  Id recorded_by = 0;
  std::string recorded_by_name;  // filled when read
};

struct AgreedAction {
  Id id = 0;
  Id family_id = 0;
  std::string what;
  ActionOwner owner = ActionOwner::family;
  std::string who;               // the name as the family would say it: "Nain", "the school"
  std::optional<Id> person_id;   // when it is one of the family's members
  std::string by_when;           // YYYY-MM-DD, or empty
  std::optional<Id> outcome_id;  // the personal outcome it serves, if any
  std::vector<ActionProgress> progress;  // oldest first
  std::int64_t version = 1;
  Id created_by = 0;
  std::int64_t created_at = 0;

  ActionState state() const {
    return progress.empty() ? ActionState::not_yet : progress.back().state;
  }
};

enum class DecisionKind {
  redesigned,
  reduced,
  increased,
  stepped_down,
  ended,
  escalated,
  escalation_avoided,
  no_service_needed,
};
inline constexpr auto kDecisionKinds = closed_set(
    std::pair{DecisionKind::redesigned, "redesigned"}, std::pair{DecisionKind::reduced, "reduced"},
    std::pair{DecisionKind::increased, "increased"},
    std::pair{DecisionKind::stepped_down, "stepped_down"}, std::pair{DecisionKind::ended, "ended"},
    std::pair{DecisionKind::escalated, "escalated"},
    std::pair{DecisionKind::escalation_avoided, "escalation_avoided"},
    std::pair{DecisionKind::no_service_needed, "no_service_needed"});

struct SupportDecision {
  Id id = 0;
  Id family_id = 0;
  std::optional<Id> person_id;  // when it is about one member
  std::string decided_on;       // YYYY-MM-DD
  DecisionKind kind = DecisionKind::redesigned;
  std::vector<Id> outcome_ids;  // the personal outcomes it serves
  std::string reason;           // in terms of those outcomes
  Id recorded_by = 0;
  std::string recorded_by_name;  // filled when read
  std::int64_t recorded_at = 0;
};

}  // namespace sgwrs
