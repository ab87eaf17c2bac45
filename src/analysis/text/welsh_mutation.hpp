#pragma once
// Welsh initial mutations. A Welsh word's first consonant changes with the word before it
// ("plant" children, "ei blant" his children, "fy mhlant" my children, "ei phlant" her
// children), so matching on spelling alone would miss most occurrences. Two tools:
//
// * welsh_radical_candidates: the forms a word could have had before mutation (itself
//   first). "blant" -> {blant, plant}; "fod" -> {fod, bod, mod}; "weithwyr" -> {weithwyr,
//   gweithwyr}. Indicators are written in their radical (dictionary) form and a word matches
//   an indicator word when any candidate equals it. This is precise in the direction that
//   matters: "blant" matches "plant", but "plant" never matches "blant".
//
// * welsh_key: one key shared by a word and all its mutated forms, for grouping and
//   comparing tokens (Token::key). Because the mutations overlap (f is soft b or soft m;
//   g is radical g or soft c; a vowel may be a soft-mutated g-word; l is soft ll or soft-
//   mutated gl), one key per word forces whole classes together: the key is a class letter
//   for the mutable initial (k: c g ng ngh ch, ll l rh r, vowels, w, h+vowel; p: p b m f mh
//   ph; t: t d dd n nh th) plus the rest of the word. It is deliberately coarse ("dim" and
//   "tim" share a key); use the candidates where precision matters.
//
// Both first drop Welsh diacritics (â ê î ô û ŵ ŷ and the acute, grave and diaeresis
// forms), because circumflexes are often left out when typing.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace sgwrs::analysis {

// Up to four forms, reusing their buffers between calls (no allocation once warm).
struct WelshCandidates {
  std::array<std::string, 4> forms;
  std::size_t count = 0;
  std::string_view operator[](std::size_t i) const { return forms[i]; }
};

// `folded` must be case-folded (see fold_case). Fills `out` (itself first, diacritics
// dropped, then the possible radicals).
void welsh_radical_candidates(std::string_view folded, WelshCandidates& out);

// Key shared by all mutated forms of a case-folded word (see above).
std::string welsh_key(std::string_view folded);

// Case-folded word with Welsh diacritics dropped ("tŷ" -> "ty", "ŵyr" -> "wyr").
void strip_welsh_diacritics(std::string_view folded, std::string& out);

}  // namespace sgwrs::analysis
