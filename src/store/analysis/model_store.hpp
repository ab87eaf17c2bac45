#pragma once
// Learned theme models (migration 18), and the counts that say when to train again.
#include <optional>

#include "domain/analysis/followup.hpp"
#include "store/core/db.hpp"

namespace sgwrs::store::analysis {

Id insert_theme_model(Conn& c, const ThemeModelRow& m);
// The newest model trained for this codebook version, with its body.
std::optional<ThemeModelRow> latest_theme_model(Conn& c, int codebook_version);
// The newest model of any codebook version, without its body (to say why none applies).
std::optional<ThemeModelRow> newest_theme_model_head(Conn& c);
// The id of the newest model for this codebook version (cheap: for caches).
std::optional<Id> latest_theme_model_id(Conn& c, int codebook_version);
// How much reviewing there has been: codings, plus suggestions accepted or set aside.
std::int64_t reviewed_count(Conn& c);

}  // namespace sgwrs::store::analysis
