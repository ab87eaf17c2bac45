#pragma once
// The chronology of a family: the significant events in time order, built from the record
// itself (conversations, changes of status, outcome reviews, checks of agreed actions,
// support decisions) and from events a worker enters by hand.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/core/closed_set.hpp"
#include "domain/organisation/organisation.hpp"

namespace sgwrs {

enum class ChronologyKind { conversation, status, review, action, decision, event };
inline constexpr auto kChronologyKinds = closed_set(
    std::pair{ChronologyKind::conversation, "conversation"},
    std::pair{ChronologyKind::status, "status"}, std::pair{ChronologyKind::review, "review"},
    std::pair{ChronologyKind::action, "action"}, std::pair{ChronologyKind::decision, "decision"},
    std::pair{ChronologyKind::event, "event"});

// An event a worker enters by hand: a move of house, a birth, a court date.
struct SignificantEvent {
  Id id = 0;
  Id family_id = 0;
  std::optional<Id> person_id;
  std::string happened_on;  // YYYY-MM-DD
  std::string what;
  Id recorded_by = 0;
  std::int64_t recorded_at = 0;
};

// One line of the chronology. `detail` is the record's own words (what mattered, the reason
// for a decision, the family's words about an action) or the id of a closed set (a status,
// a decision kind, an action's state) for the reader's language.
struct ChronologyEntry {
  std::string on;  // YYYY-MM-DD
  ChronologyKind kind = ChronologyKind::event;
  std::vector<Id> people;  // who it was about; empty when the whole family
  std::string code;        // a closed set's id, when the entry has one
  std::string detail;
  Id source_id = 0;  // the conversation, outcome, action, decision or event
};

struct ChronologyFilter {
  std::optional<ChronologyKind> kind;
  std::optional<Id> person_id;
};

}  // namespace sgwrs
