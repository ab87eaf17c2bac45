#pragma once
// The analyst's pinned and set-aside quotes of the findings (migration 16), per codebook
// version and theme.
#include <vector>

#include "domain/analysis/followup.hpp"
#include "store/core/db.hpp"

namespace sgwrs::store::analysis {

// Every choice made under one codebook version.
std::vector<QuoteChoice> quote_choices(Conn& c, int codebook_version);
// Records a choice for a passage, replacing any earlier one for the same passage and theme.
void set_quote_choice(Conn& c, const QuoteChoice& q, Id by, std::int64_t now);
// Forgets the choice for a passage (an unpinned quote is ranked like any other again).
void clear_quote_choice(Conn& c, const QuoteChoice& q);

}  // namespace sgwrs::store::analysis
