#include "service/record/outcome_wording.hpp"

#include <array>
#include <vector>

#include "analysis/text/welsh_mutation.hpp"
#include "domain/record/name_search.hpp"

namespace sgwrs {
namespace {

// Words of services and tasks in both languages, as phrases of whole words in their radical
// (unmutated) form.
constexpr std::array kServiceWords = {
    // English
    "needs help with", "need help with", "needs support with", "needs assistance with",
    "requires support", "requires help", "requires a", "care package", "package of care", "respite",
    "day centre", "day center", "domiciliary care", "home care", "meals on wheels",
    "residential placement", "referral to", "to be referred", "to be assessed",
    // Cymraeg
    "angen help gyda", "angen help gydag", "angen cymorth gyda", "angen cymorth gydag",
    "pecyn gofal", "gofal seibiant", "seibiant", "canolfan ddydd", "gofal cartref", "atgyfeiriad",
    "cael ei asesu", "cael ei hasesu"};

// A statement's word as it could have been before a Welsh mutation, and as written.
bool same_word(std::string_view written, std::string_view radical) {
  if (written == radical) return true;
  analysis::WelshCandidates forms;
  analysis::welsh_radical_candidates(written, forms);
  for (std::size_t i = 0; i < forms.count; ++i)
    if (forms[i] == radical) return true;
  return false;
}

bool phrase_at(const std::vector<std::string>& words, std::size_t at,
               const std::vector<std::string>& phrase) {
  if (at + phrase.size() > words.size()) return false;
  for (std::size_t i = 0; i < phrase.size(); ++i)
    if (!same_word(words[at + i], phrase[i])) return false;
  return true;
}

}  // namespace

std::string reads_like_service(std::string_view statement) {
  // Folded as names are: case and accents gone, so "Respite" and "respite" are one word.
  const auto words = folded_words(statement);
  for (const char* candidate : kServiceWords) {
    const auto phrase = folded_words(candidate);
    for (std::size_t at = 0; at < words.size(); ++at)
      if (phrase_at(words, at, phrase)) return candidate;
  }
  return {};
}

}  // namespace sgwrs
