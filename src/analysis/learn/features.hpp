#pragma once
// What the learned theme model sees of a passage: sparse, hashed features built from the
// text pipeline the indicators already use, so the model and the indicators read words the
// same way.
//
// Features (each present once, value 1, then the vector is L2-normalised so long passages
// do not outweigh short ones):
//   w:<key>      every word: the English Snowball stem; for Welsh, the word without
//                diacritics and every radical it could be a mutation of ("blant" gives
//                w:blant and w:plant), so mutated and radical forms share weight;
//   b:<k1> <k2>  adjacent word pairs within a clause;
//   n:<key>      a word within 3 words after a negator in the same clause ("no time"
//                gives n:time beside w:time), so the model can tell absence from presence;
//   i:<theme>    a theme's indicator found un-negated in the passage, ni:<theme> negated
//                (the codebook's knowledge, as one more feature the model weighs);
//   h:<heading>  the heading the passage sits under ("getting-in-the-way" carries barriers).
// Names are hashed (FNV-1a) into 2^kFeatureBits slots. Collisions are rare at the
// vocabulary of a programme's reports and cost a little accuracy, never correctness; in
// exchange the model needs no dictionary and an unseen word costs nothing.
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/model.hpp"
#include "analysis/text/language.hpp"
#include "analysis/text/suggester.hpp"

namespace sgwrs::analysis::learn {

inline constexpr unsigned kFeatureBits = 20;
inline constexpr std::uint32_t kFeatureSlots = 1u << kFeatureBits;

// Sorted by index, indices unique and in [1, kFeatureSlots] (LIBLINEAR counts from 1).
struct SparseVector {
  std::vector<std::pair<std::uint32_t, float>> items;
};

// The slot a feature name hashes to (1-based).
std::uint32_t feature_index(std::string_view name);

// A passage to describe: its span (code points into the text) and the heading id it sits
// under ("working-well", …; empty or "other" for none).
struct Passage {
  Span span;
  std::string_view heading;
};

// Features of each passage of one text, in the order given. The suggester supplies the
// indicator matches (found once for the whole text).
std::vector<SparseVector> passage_features(std::string_view text, Language lang,
                                           const std::vector<Passage>& passages,
                                           const Suggester& suggester);

// The same, from matches the caller already has (Suggester::find_matches of `text`).
std::vector<SparseVector> passage_features(std::string_view text, Language lang,
                                           const std::vector<Passage>& passages,
                                           const Suggester& suggester,
                                           const std::vector<Suggester::Match>& matches);

}  // namespace sgwrs::analysis::learn
