#pragma once
// Finding a person by name as people type it: without caring about case, accents or Welsh
// diacritics ("Sion" finds "Siôn", "llyr" finds "Llŷr"), by any of their names (preferred
// name included), by the start of each word. Names and queries are folded the same way with
// ICU (decomposed, marks removed, case folded), then split into words.
#include <string>
#include <string_view>
#include <vector>

#include "domain/record/record.hpp"

namespace sgwrs {

// "Siôn Llŷr-Prys" → {"sion", "llyr", "prys"}; letters and digits only.
std::vector<std::string> folded_words(std::string_view text);
// Every key a person can be found by: each word of each name, and each name joined without
// its punctuation ("O'Brien" is found as "obrien" too).
std::vector<std::string> name_keys(const Person& p);

}  // namespace sgwrs
