#pragma once
// Personal outcomes: what a person wants their life to be like, in their own words, linked
// to the well-being areas of an outcomes framework and scored at a baseline and at every
// review, from the person's view and the worker's, each with its reason. The framework is
// data (Wales's by default); loading another keeps every outcome's links to the old one.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/core/closed_set.hpp"
#include "domain/core/language.hpp"
#include "domain/organisation/organisation.hpp"

namespace sgwrs {

// Who a well-being area is written for.
enum class AreaAppliesTo { everyone, children, adults };
inline constexpr auto kAreaAppliesTo = closed_set(std::pair{AreaAppliesTo::everyone, "everyone"},
                                                  std::pair{AreaAppliesTo::children, "children"},
                                                  std::pair{AreaAppliesTo::adults, "adults"});

struct WellbeingArea {
  std::string id;  // stable within its framework: "relationships"
  std::string name_en, name_cy;
  AreaAppliesTo applies_to = AreaAppliesTo::everyone;

  const std::string& name(Language l) const { return l == Language::cy ? name_cy : name_en; }
};

struct WellbeingFramework {
  std::string id;  // "wales"
  std::string name_en, name_cy;
  std::vector<WellbeingArea> areas;  // in the framework's own order
  bool current = false;              // the one new outcomes are linked to

  const std::string& name(Language l) const { return l == Language::cy ? name_cy : name_en; }
  const WellbeingArea* area(std::string_view area_id) const;
};

// One link from an outcome to an area of a framework (not necessarily the current one).
struct AreaLink {
  std::string framework_id;
  std::string area_id;
  bool operator==(const AreaLink&) const = default;
};

// Important *to* the person (what they want), or *for* them (what others see they need).
enum class Importance { to, for_ };
inline constexpr auto kImportance =
    closed_set(std::pair{Importance::to, "to"}, std::pair{Importance::for_, "for"});

enum class OutcomeStatus { not_yet, progressing, achieved, changed, no_longer_wanted };
inline constexpr auto kOutcomeStatuses = closed_set(
    std::pair{OutcomeStatus::not_yet, "not_yet"},
    std::pair{OutcomeStatus::progressing, "progressing"},
    std::pair{OutcomeStatus::achieved, "achieved"}, std::pair{OutcomeStatus::changed, "changed"},
    std::pair{OutcomeStatus::no_longer_wanted, "no_longer_wanted"});

// The scale an outcome is scored on, chosen when it is agreed and kept for its reviews.
enum class OutcomeScale { zero_to_ten, one_to_five };
inline constexpr auto kOutcomeScales = closed_set(std::pair{OutcomeScale::zero_to_ten, "0-10"},
                                                  std::pair{OutcomeScale::one_to_five, "1-5"});
struct ScaleRange {
  int low, high;
};
constexpr ScaleRange range_of(OutcomeScale s) {
  return s == OutcomeScale::zero_to_ten ? ScaleRange{0, 10} : ScaleRange{1, 5};
}

// A score from one point of view, with the reason in that person's words.
struct ViewScore {
  int score = 0;
  std::string reason;
};

// The baseline is the first review; every later one is dated on or after it.
struct OutcomeReview {
  Id id = 0;
  Id outcome_id = 0;
  std::string reviewed_on;  // YYYY-MM-DD
  ViewScore person_view;    // the person's own
  ViewScore worker_view;
  Id recorded_by = 0;
  std::string recorded_by_name;  // filled when read
  std::int64_t recorded_at = 0;
};

struct Outcome {
  Id id = 0;
  Id person_id = 0;
  std::string statement;  // in the person's words: "Being a dad again"
  Importance importance = Importance::to;
  std::vector<AreaLink> areas;
  OutcomeScale scale = OutcomeScale::zero_to_ten;
  OutcomeStatus status = OutcomeStatus::not_yet;
  std::vector<OutcomeReview> reviews;  // oldest first; the first is the baseline
  std::int64_t version = 1;
  Id created_by = 0;
  std::int64_t created_at = 0;
};

}  // namespace sgwrs
