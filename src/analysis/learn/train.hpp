#pragma once
// Training the theme model with LIBLINEAR: one binary L2-regularised logistic regression
// per theme (solver L2R_LR), over the examples analysts' reviewing provides.
//
// Examples. Each passage (a sentence) of a report someone coded, with the themes a person
// coded it to (positives for those themes) and the themes whose suggestions for it were set
// aside (strong negatives for those). For any other theme the passage is a negative: a
// strong one when a person coded it to something else or set a suggestion aside (they read
// it and did not choose this theme), a weak one when nobody coded it at all (it may simply
// not have been reached).
//
// Weights. LIBLINEAR 2.3 (Debian 12) has per-class weights but not per-instance weights
// (those are in the separate liblinear-weights fork). A strong example is therefore given
// twice (the same feature vector, pointed to twice), which is exactly an instance weight of
// 2 in LIBLINEAR's loss; and the positive class is weighted by negatives/positives (at
// most kMaxPositiveWeight) so that a rare theme is not learned as "never".
//
// Cold start. A theme with fewer than `min_positives` positives is not trained
// (ThemeWeights::trained false): the indicators alone score it (blend.hpp).
#include <set>
#include <string>
#include <vector>

#include "analysis/learn/theme_model.hpp"

namespace sgwrs::analysis::learn {

struct Example {
  SparseVector x;
  std::set<std::string> themes;    // coded by a person (or an accepted suggestion)
  std::set<std::string> rejected;  // suggestions for it set aside
  bool reviewed = false;           // a person coded it to something, or decided a suggestion
};

struct TrainOptions {
  double c = 4.0;  // LIBLINEAR's C: larger fits the examples more closely
  std::size_t min_positives = 5;
  int strong_copies = 2;  // the instance weight of a strong example (see above)
  double max_positive_weight = 20;
};

// One model for `theme_ids` (in codebook order). Never fails: a theme without enough
// examples is left untrained.
ThemeModel train_theme_model(const std::vector<Example>& examples,
                             const std::vector<std::string>& theme_ids, int codebook_version,
                             const TrainOptions& options = {});

}  // namespace sgwrs::analysis::learn
