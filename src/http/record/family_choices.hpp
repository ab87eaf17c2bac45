#pragma once
// What the record's forms offer to choose from within one family: its members, and their
// outcomes in their own words (as a select, or as a checkbox each for items that serve
// several), and the family itself, read through the service (so access is decided there).
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "http/core/app.hpp"

namespace sgwrs::http::record_pages {

struct FamilyChoices {
  std::vector<std::pair<std::string, std::string>> people;    // "" is nobody in particular
  std::vector<std::pair<std::string, std::string>> outcomes;  // "" is no outcome
  std::vector<std::pair<Id, std::string>> outcome_list;       // "Name: “their words”"
};

FamilyChoices choices(App& app, const Ctx& c, const FamilyRecord& f);

// What the family page's sections say of people and outcomes: each member as they are called,
// and each member's outcomes in their words, read once for the whole page.
struct FamilyWords {
  std::map<Id, std::string> names;
  std::map<Id, std::string> outcomes;

  // The member's name, or empty for nobody or someone not in the family.
  std::string name_of(const std::optional<Id>& person) const;
  // The outcomes in their words, quoted and joined: “…”; “…” (unknown ones left out).
  std::string quoted(const std::vector<Id>& outcome_ids) const;
};
FamilyWords family_words(App& app, const Ctx& c, const FamilyRecord& f);

// The family, or the error page the caller gets instead (not found outside the relationship).
std::optional<FamilyRecord> family_of(App& app, const Ctx& c, Id id, Response& refusal);

// A checkbox "outcome_<id>" per outcome, labelled with `label_key` ({outcome}), ticked when
// in `ticked`.
void add_outcome_boxes(App& app, const Ctx& c, const FamilyChoices& ch,
                       const std::string& label_key, const std::vector<Id>& ticked,
                       std::vector<Field>& out);
std::vector<Id> outcomes_ticked(const Ctx& c, const FamilyChoices& ch);

}  // namespace sgwrs::http::record_pages
