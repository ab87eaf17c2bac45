#pragma once
// Personal outcomes with their links to well-being areas and their reviews, and the
// well-being frameworks those areas belong to.
#include <cstdint>
#include <optional>
#include <vector>

#include "domain/core/result.hpp"
#include "domain/record/outcome.hpp"
#include "store/core/db.hpp"

namespace sgwrs::store::record {

// Every framework with its areas, the current one first.
std::vector<WellbeingFramework> frameworks(Conn& c);
std::optional<WellbeingFramework> current_framework(Conn& c);
// Adds the framework or refreshes its names; areas it no longer lists are kept, so the
// outcomes linked to them keep their links. `make_current` moves "current" to it.
void load_framework(Conn& c, const WellbeingFramework& f, bool make_current, std::int64_t now);
bool area_exists(Conn& c, const AreaLink& link);

// The outcome with its links and its first review (the baseline, `o.reviews[0]`).
Outcome insert_outcome(Conn& c, Outcome o, std::int64_t now);
std::optional<Outcome> find_outcome(Conn& c, Id id);
// A person's outcomes, oldest first, each with its links and reviews.
std::vector<Outcome> outcomes_of_person(Conn& c, Id person_id);
// Statement, importance, status and links, when `o.version` is still the stored one.
Result<Outcome> update_outcome(Conn& c, const Outcome& o);
// Appends a review and moves the outcome's version on (a review changes what it shows).
OutcomeReview insert_review(Conn& c, OutcomeReview r, std::int64_t now);

}  // namespace sgwrs::store::record
