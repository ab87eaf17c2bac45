#include "analysis/text/tokenise.hpp"

#include <algorithm>
#include <array>

#include "analysis/text/welsh_mutation.hpp"
#include "analysis/text/word_scan.hpp"

namespace sgwrs::analysis {

std::string fold_case(std::string_view word) {
  std::string out;
  detail::fold_into(word, out);
  return out;
}

std::string english_stem(std::string_view folded) {
  return detail::cached_english_stem(folded);
}

std::string token_key(std::string_view folded, Language lang) {
  return lang == Language::cy ? welsh_key(folded) : english_stem(folded);
}

bool is_negator(std::string_view w) {
  static constexpr std::array<std::string_view, 10> kNegators = {
      "cannot", "ddim", "dim", "heb", "never", "nid", "no", "not", "without", "nor"};
  if (w.size() > 3 && w.ends_with("n't")) return true;
  return std::find(kNegators.begin(), kNegators.end(), w) != kNegators.end();
}

std::vector<Token> tokenise(std::string_view text, Language lang) {
  std::vector<detail::ScannedWord> words;
  detail::scan_words(text, words);
  std::vector<Token> out;
  out.reserve(words.size());
  std::string folded;
  for (const detail::ScannedWord& w : words) {
    std::string_view surface = text.substr(w.byte_begin, w.byte_end - w.byte_begin);
    detail::fold_into(surface, folded);
    out.push_back({std::string(surface), token_key(folded, lang), {w.cp_begin, w.cp_end}});
  }
  return out;
}

}  // namespace sgwrs::analysis
