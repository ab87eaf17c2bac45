#pragma once
// Which language a passage is written in. Reports are in English or Welsh (or both); the
// language picks the indicator set and how words are normalised.
#include <string_view>

#include "domain/core/language.hpp"

namespace sgwrs::analysis {

// Welsh or English, by counting common function words of each language ("mae", "yn",
// "ddim", "gyda"… against "the", "and", "is", "with"…). Words shared by both ("a", "i")
// are ignored. Ties, and text with no function words at all, are English. Reading stops
// once one language leads by 20 words out of at least 40.
Language detect_language(std::string_view text);

}  // namespace sgwrs::analysis
