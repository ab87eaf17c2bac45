#include "analysis/learn/features.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "analysis/text/tokenise.hpp"
#include "analysis/text/welsh_mutation.hpp"
#include "analysis/text/word_scan.hpp"

namespace sgwrs::analysis::learn {
namespace {

constexpr std::size_t kNegationReach = 3;  // as the Suggester's negation window

std::uint64_t fnv1a(std::string_view prefix, std::string_view a, std::string_view b = {}) {
  std::uint64_t h = 14695981039346656037ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char ch : s) {
      h ^= ch;
      h *= 1099511628211ull;
    }
  };
  mix(prefix);
  mix(a);
  if (!b.empty()) {
    h ^= 0x20;  // the space between the two words of a pair
    h *= 1099511628211ull;
    mix(b);
  }
  return h;
}

std::uint32_t slot(std::uint64_t h) {
  return static_cast<std::uint32_t>(h & (kFeatureSlots - 1)) + 1;
}

// One scanned word of the text: its keys (one for English, the radical candidates for
// Welsh), whether it negates, and its place.
struct Word {
  std::vector<std::string> keys;
  bool negator = false;
  bool clause_start = true;  // a clause or sentence break before it
  std::size_t cp_begin = 0, cp_end = 0;
};

std::vector<Word> words_of(std::string_view text, Language lang) {
  std::vector<detail::ScannedWord> scanned;
  detail::scan_words(text, scanned);
  std::vector<Word> out;
  out.reserve(scanned.size());
  std::string folded;
  WelshCandidates candidates;
  for (const auto& s : scanned) {
    detail::fold_into(text.substr(s.byte_begin, s.byte_end - s.byte_begin), folded);
    Word w;
    w.negator = is_negator(folded);
    w.clause_start = s.gap_before != detail::Gap::none || folded == "but" || folded == "ond" ||
                     folded == "however";
    w.cp_begin = s.cp_begin;
    w.cp_end = s.cp_end;
    if (lang == Language::cy) {
      welsh_radical_candidates(folded, candidates);
      for (std::size_t i = 0; i < candidates.count; ++i) w.keys.emplace_back(candidates[i]);
    } else {
      w.keys.push_back(detail::cached_english_stem(folded));
    }
    out.push_back(std::move(w));
  }
  return out;
}

SparseVector finish(std::vector<std::uint32_t>& slots) {
  std::sort(slots.begin(), slots.end());
  slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
  SparseVector v;
  v.items.reserve(slots.size());
  const float value = slots.empty() ? 0.f : 1.f / std::sqrt(static_cast<float>(slots.size()));
  for (auto s : slots) v.items.emplace_back(s, value);
  return v;
}

}  // namespace

std::uint32_t feature_index(std::string_view name) {
  return slot(fnv1a({}, name));
}

std::vector<SparseVector> passage_features(std::string_view text, Language lang,
                                           const std::vector<Passage>& passages,
                                           const Suggester& suggester) {
  return passage_features(text, lang, passages, suggester, suggester.find_matches(text, lang));
}

std::vector<SparseVector> passage_features(std::string_view text, Language lang,
                                           const std::vector<Passage>& passages,
                                           const Suggester& suggester,
                                           const std::vector<Suggester::Match>& matches) {
  const auto words = words_of(text, lang);
  std::vector<SparseVector> out;
  out.reserve(passages.size());
  std::vector<std::uint32_t> slots;
  for (const auto& p : passages) {
    slots.clear();
    // Words are in text order: find the first inside the passage.
    auto first = std::lower_bound(words.begin(), words.end(), p.span.start,
                                  [](const Word& w, std::size_t at) { return w.cp_begin < at; });
    std::size_t since_negator = kNegationReach + 1;
    const Word* previous = nullptr;
    for (auto it = first; it != words.end() && it->cp_end <= p.span.end; ++it) {
      const Word& w = *it;
      if (w.clause_start) since_negator = kNegationReach + 1;
      for (const auto& k : w.keys) {
        slots.push_back(slot(fnv1a("w:", k)));
        if (since_negator <= kNegationReach) slots.push_back(slot(fnv1a("n:", k)));
      }
      if (previous && !w.clause_start && !previous->keys.empty() && !w.keys.empty())
        slots.push_back(slot(fnv1a("b:", previous->keys.back(), w.keys.back())));
      previous = &w;
      since_negator = w.negator ? 1 : since_negator + 1;
    }
    for (const auto& m : matches)
      if (m.span.start >= p.span.start && m.span.end <= p.span.end)
        slots.push_back(slot(fnv1a(m.negated ? "ni:" : "i:", suggester.theme_id(m.theme))));
    slots.push_back(slot(fnv1a("h:", p.heading.empty() ? std::string_view("other") : p.heading)));
    out.push_back(finish(slots));
  }
  return out;
}

}  // namespace sgwrs::analysis::learn
