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
//
// Threshold. Where the blended score (blend.hpp) should start suggesting a theme depends on
// how rare the theme is and how well it was learned, so each theme's threshold is chosen on
// the training examples alone, by an inner cross-validation grouped by report: the
// threshold (0.05 to 0.95) at which the out-of-fold blended scores give the best F1. Test
// passages never take part, so the evaluation (cross_validation.hpp) stays honest.
#include <set>
#include <string>
#include <vector>

#include "analysis/learn/theme_model.hpp"

namespace sgwrs::analysis::learn {

struct Example {
  std::int64_t group = 0;  // the report: the inner cross-validation never splits one
  SparseVector x;
  std::vector<double> indicators;  // the indicators' score per theme (theme_ids order)
  std::set<std::string> themes;    // coded by a person (or an accepted suggestion)
  std::set<std::string> rejected;  // suggestions for it set aside
  bool reviewed = false;           // a person coded it to something, or decided a suggestion
};

struct TrainOptions {
  double c = 4.0;  // LIBLINEAR's C: larger fits the examples more closely
  std::size_t min_positives = 5;
  int strong_copies = 2;  // the instance weight of a strong example (see above)
  double max_positive_weight = 20;
  int inner_folds = 3;  // for choosing each theme's threshold; below 2: kDefaultThreshold
};

// Deals the distinct group ids (sorted) into k folds after a fixed shuffle (the same every
// run); returns the fold of each id, in the order given.
std::vector<int> assign_folds(const std::vector<std::int64_t>& sorted_ids, int k);

// One model for `theme_ids` (in codebook order). Never fails: a theme without enough
// examples is left untrained.
ThemeModel train_theme_model(const std::vector<Example>& examples,
                             const std::vector<std::string>& theme_ids, int codebook_version,
                             const TrainOptions& options = {});

}  // namespace sgwrs::analysis::learn
