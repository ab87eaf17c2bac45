#pragma once
// Words and their matching keys.
#include <string>
#include <string_view>
#include <vector>

#include "analysis/model.hpp"
#include "analysis/text/language.hpp"

namespace sgwrs::analysis {

struct Token {
  std::string surface;  // as written
  std::string key;      // what matching compares: see tokenise
  Span span;            // code points into the text given to tokenise
};

// The words of `text` (ICU word break rules; numbers, punctuation and spaces are not
// words). Keys are case-folded (ICU full case folding) with apostrophe variants (’ ‘ ʼ)
// unified to ', then: for English the Snowball "english" stem ("working", "worked",
// "works" -> "work"); for Welsh the mutation-class key of welsh_mutation.hpp
// ("gweithwyr", "weithwyr" -> the same key).
std::vector<Token> tokenise(std::string_view text, Language lang);

// ICU full case folding, apostrophe variants unified ("Isn’t" -> "isn't").
std::string fold_case(std::string_view word);

// The Snowball English stem of a case-folded word.
std::string english_stem(std::string_view folded);

// The key tokenise gives a case-folded word.
std::string token_key(std::string_view folded, Language lang);

// Negating words: not, no, never, without, cannot, nid, ddim, heb, dim, and any word ending
// in n't ("isn't", "don't"). `folded` as fold_case returns it.
bool is_negator(std::string_view folded);

}  // namespace sgwrs::analysis
