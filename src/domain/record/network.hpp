#pragma once
// Strengths and resources, and the important people around a family (the eco-map). A
// strength is the person's own, the family's, their network's or their community's, in their
// words, and may be linked to the outcomes it supports. A network member is someone who
// matters to the family or one of its members, drawn on the eco-map by how the tie feels
// (strong, tenuous, stressful) and which way support flows; for a child, "who do you go to?"
// is kept in their own words.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/core/closed_set.hpp"
#include "domain/organisation/organisation.hpp"
#include "domain/record/marking.hpp"

namespace sgwrs {

enum class StrengthKind { own, family, network, community };
inline constexpr auto kStrengthKinds = closed_set(
    std::pair{StrengthKind::own, "own"}, std::pair{StrengthKind::family, "family"},
    std::pair{StrengthKind::network, "network"}, std::pair{StrengthKind::community, "community"});

struct Strength {
  Id id = 0;
  Id family_id = 0;
  std::optional<Id> person_id;  // whose strength, when it is one member's
  StrengthKind kind = StrengthKind::own;
  std::string text;             // in their words
  std::vector<Id> outcome_ids;  // the personal outcomes it supports
  std::int64_t version = 1;
  Id created_by = 0;
  std::int64_t created_at = 0;
  Marking marking;
};

// As a break-glass reader first sees a sensitive strength: that it is there, and why.
inline void withhold(Strength& s) {
  s.text.clear();
  s.outcome_ids.clear();
  s.marking.withheld = true;
}

enum class NetworkRole {
  relative,
  friend_,
  neighbour,
  teacher,
  gp,
  health,
  faith_group,
  club,
  professional,
  other,
};
inline constexpr auto kNetworkRoles = closed_set(
    std::pair{NetworkRole::relative, "relative"}, std::pair{NetworkRole::friend_, "friend"},
    std::pair{NetworkRole::neighbour, "neighbour"}, std::pair{NetworkRole::teacher, "teacher"},
    std::pair{NetworkRole::gp, "gp"}, std::pair{NetworkRole::health, "health"},
    std::pair{NetworkRole::faith_group, "faith_group"}, std::pair{NetworkRole::club, "club"},
    std::pair{NetworkRole::professional, "professional"}, std::pair{NetworkRole::other, "other"});

// How the tie feels, in the eco-map's notation: solid, dashed, zig-zag.
enum class TieQuality { strong, tenuous, stressful };
inline constexpr auto kTieQualities =
    closed_set(std::pair{TieQuality::strong, "strong"}, std::pair{TieQuality::tenuous, "tenuous"},
               std::pair{TieQuality::stressful, "stressful"});

// Which way support flows, drawn as arrows.
enum class SupportFlow { to_family, from_family, both, none };
inline constexpr auto kSupportFlows =
    closed_set(std::pair{SupportFlow::to_family, "to_family"},
               std::pair{SupportFlow::from_family, "from_family"},
               std::pair{SupportFlow::both, "both"}, std::pair{SupportFlow::none, "none"});

struct NetworkMember {
  Id id = 0;
  Id family_id = 0;
  std::optional<Id> person_id;  // whose network, when it is one member's (a child's)
  std::string name;             // as the family says it: "Nain", "Mr Rees at school"
  NetworkRole role = NetworkRole::relative;
  TieQuality tie = TieQuality::strong;
  SupportFlow flow = SupportFlow::to_family;
  std::string support;      // what support flows
  std::string how_often;    // "every Sunday", "when Mam is poorly"
  std::string their_words;  // the child's or person's own words about them
  std::int64_t version = 1;
  Id created_by = 0;
  std::int64_t created_at = 0;
  Marking marking;
};

// As a break-glass reader first sees a sensitive person on the eco-map: that someone is
// there, and why they are held back; not who, nor how the family is tied to them.
inline void withhold(NetworkMember& m) {
  m.name.clear();
  m.role = NetworkRole::other;
  m.tie = TieQuality::strong;
  m.flow = SupportFlow::none;
  m.support.clear();
  m.how_often.clear();
  m.their_words.clear();
  m.marking.withheld = true;
}

}  // namespace sgwrs
