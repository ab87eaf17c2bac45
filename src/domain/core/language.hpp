#pragma once
// English or Welsh: the language a person reads, a report is written in, or a conversation
// is held in. One type everywhere; "en" and "cy" are its ids in storage, URLs and the API.
#include <string_view>

#include "domain/core/closed_set.hpp"

namespace sgwrs {

enum class Language { en, cy };
inline constexpr auto kLanguages =
    closed_set(std::pair{Language::en, "en"}, std::pair{Language::cy, "cy"});

inline constexpr std::string_view language_id(Language l) {
  return l == Language::cy ? "cy" : "en";
}
// Anything but "cy" is English: for a person's choice in a cookie or a header, where a
// wrong value should fall back, not fail. Stored values are read with kLanguages.
inline constexpr Language parse_language(std::string_view s) {
  return s == "cy" ? Language::cy : Language::en;
}

}  // namespace sgwrs
