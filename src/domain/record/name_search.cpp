#include "domain/record/name_search.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "domain/core/utf8.hpp"

namespace sgwrs {
namespace {

// NFD, then marks dropped and case folded; anything that is neither letter nor digit ends
// a word.
std::vector<std::string> fold_split(std::string_view text, bool join) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  std::vector<std::string> words;
  if (U_FAILURE(status) || !is_valid_utf8(text)) return words;
  const icu::UnicodeString decomposed =
      nfd->normalize(icu::UnicodeString::fromUTF8(
                         icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))),
                     status);
  std::string word;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (u_isalnum(c)) {
      append_utf8(word, static_cast<char32_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT)));
    } else if (!join && !word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace

std::vector<std::string> folded_words(std::string_view text) {
  return fold_split(text, false);
}

std::vector<std::string> name_keys(const Person& p) {
  std::vector<std::string> keys;
  for (const std::string* name : {&p.given_name, &p.family_name, &p.preferred_name}) {
    for (auto& w : fold_split(*name, false)) keys.push_back(std::move(w));
    for (auto& w : fold_split(*name, true)) keys.push_back(std::move(w));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

}  // namespace sgwrs
