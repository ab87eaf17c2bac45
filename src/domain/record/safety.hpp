#pragma once
// What we are worried about beside what is working well, in the family's own words: a worry
// (danger) statement is always paired with its safety goal; what is working well is the
// existing safety; what needs to happen is the next step. Someone who disagrees is kept as
// disagreeing, in their words, not smoothed over. Scaling answers "where are we now?" from
// 0 to 10, dated, from each perspective, and is appended, never changed.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/core/closed_set.hpp"
#include "domain/organisation/organisation.hpp"
#include "domain/record/marking.hpp"

namespace sgwrs {

enum class SafetyKind { worry, working_well, needs_to_happen };
inline constexpr auto kSafetyKinds = closed_set(
    std::pair{SafetyKind::worry, "worry"}, std::pair{SafetyKind::working_well, "working_well"},
    std::pair{SafetyKind::needs_to_happen, "needs_to_happen"});

struct SafetyStatement {
  Id id = 0;
  Id family_id = 0;
  SafetyKind kind = SafetyKind::worry;
  std::string text;          // in the family's words where they can be
  std::string safety_goal;   // required for a worry: what would show it is safe enough
  std::string said_by;       // whose words: "Mam", "the school", "the worker"
  std::string disagreement;  // who disagrees and how they see it, kept as such
  std::int64_t version = 1;
  Id created_by = 0;
  std::int64_t created_at = 0;
  Marking marking;
};

// As a break-glass reader first sees a sensitive statement: its kind, that it is there, and why.
inline void withhold(SafetyStatement& s) {
  s.text.clear();
  s.safety_goal.clear();
  s.said_by.clear();
  s.disagreement.clear();
  s.marking.withheld = true;
}

enum class Perspective { family, worker, agency };
inline constexpr auto kPerspectives =
    closed_set(std::pair{Perspective::family, "family"}, std::pair{Perspective::worker, "worker"},
               std::pair{Perspective::agency, "agency"});

inline constexpr int kScalingLow = 0;
inline constexpr int kScalingHigh = 10;

struct Scaling {
  Id id = 0;
  Id family_id = 0;
  std::string on;  // YYYY-MM-DD
  Perspective perspective = Perspective::family;
  std::string who;  // "Mam and Dad", "health visitor"
  int score = 0;    // 0 to 10
  std::string reason;
  Id recorded_by = 0;
  std::string recorded_by_name;  // filled when read
  std::int64_t recorded_at = 0;
};

}  // namespace sgwrs
