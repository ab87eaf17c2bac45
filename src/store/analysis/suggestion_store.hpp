#pragma once
// Theme suggestions for passages, pending until an analyst accepts or rejects them.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/analysis/followup.hpp"
#include "domain/core/result.hpp"
#include "store/core/db.hpp"

namespace sgwrs::store::analysis {

std::int64_t count_pending(Conn& c, Id report_id);
// Replaces a report's pending suggestions; decided ones (accepted or rejected) stay, and a
// new suggestion identical to a decided one is not offered again.
void replace_pending_suggestions(Conn& c, Id report_id, const std::vector<SuggestionRow>& rows);
std::vector<SuggestionRow> suggestions_for_report(Conn& c, Id report_id);
std::vector<SuggestionRow> suggestions_with_status(Conn& c, SuggestionStatus status);
std::optional<SuggestionRow> find_suggestion(Conn& c, Id id);
// Only a pending suggestion can be decided; false if it was not pending.
bool decide_suggestion(Conn& c, Id id, SuggestionStatus status, Id by, std::int64_t now);

}  // namespace sgwrs::store::analysis
