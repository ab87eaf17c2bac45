#pragma once
// English or Welsh: the language a person reads, a report is written in, or a conversation
// is held in. One type everywhere; "en" and "cy" are its ids in storage, URLs and the API.
#include <string_view>

namespace sgwrs {

enum class Language { en, cy };

inline constexpr std::string_view language_id(Language l) {
  return l == Language::cy ? "cy" : "en";
}
inline constexpr Language parse_language(std::string_view s) {
  return s == "cy" ? Language::cy : Language::en;
}

}  // namespace sgwrs
