#pragma once
// The follow-up analysis's closed sets: each an enum that code compares and the id it is
// stored, sent and exported by.
#include "domain/core/closed_set.hpp"

namespace sgwrs {

// The units that are coded and compared: sentences within paragraphs.
enum class SegmentKind { sentence, paragraph };
inline constexpr auto kSegmentKinds = closed_set(std::pair{SegmentKind::sentence, "sentence"},
                                                 std::pair{SegmentKind::paragraph, "paragraph"});

// Where a coding came from: an analyst, or an accepted suggestion. Views that count pending
// suggestions as codings mark those `pending` (they are never stored).
enum class CodingOrigin { human, suggestion, pending };
inline constexpr auto kCodingOrigins = closed_set(std::pair{CodingOrigin::human, "human"},
                                                  std::pair{CodingOrigin::suggestion, "suggestion"},
                                                  std::pair{CodingOrigin::pending, "pending"});

enum class SuggestionStatus { pending, accepted, rejected };
inline constexpr auto kSuggestionStatuses =
    closed_set(std::pair{SuggestionStatus::pending, "pending"},
               std::pair{SuggestionStatus::accepted, "accepted"},
               std::pair{SuggestionStatus::rejected, "rejected"});

// An analyst's choice of one passage among a finding's quotes: pinned (kept through every
// redraft) or set aside (swapped out for the next candidate, and not offered again).
enum class QuoteChoiceKind { pinned, set_aside };
inline constexpr auto kQuoteChoiceKinds =
    closed_set(std::pair{QuoteChoiceKind::pinned, "pinned"},
               std::pair{QuoteChoiceKind::set_aside, "set_aside"});

}  // namespace sgwrs
