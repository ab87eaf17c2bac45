#pragma once
// A learned theme model: for each theme of one codebook version, a linear classifier over
// the passage features (features.hpp), trained by LIBLINEAR (train.hpp). This is what is
// stored (as text, serialise_model) and what scores passages.
//
// Scoring needs no LIBLINEAR: a theme's probability is the logistic of w·x + b, exactly as
// LIBLINEAR's predict_probability computes it for a binary L2-regularised logistic model.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/learn/features.hpp"
#include "domain/core/result.hpp"

namespace sgwrs::analysis::learn {

inline constexpr double kDefaultThreshold = 0.5;

struct ThemeWeights {
  std::string theme_id;
  std::size_t positives = 0;  // passages coded to the theme it learned from
  std::size_t negatives = 0;  // and the others (strong and weak)
  bool trained = false;       // false: too few examples; the indicators alone score it
  double bias = 0;
  std::vector<std::pair<std::uint32_t, float>> weights;  // sorted by feature index
  double threshold = kDefaultThreshold;  // the blended score from which it is suggested
};

struct ThemeModel {
  int codebook_version = 0;
  std::int64_t version = 0;  // the stored model's number; 0 before it is stored
  std::vector<ThemeWeights> themes;
  // How suggestions name it: "learned-v<version>".
  std::string name() const;
  const ThemeWeights* find(std::string_view theme_id) const;
};

// P(theme | passage) for a trained theme (0 for an untrained one).
double probability(const ThemeWeights& t, const SparseVector& x);

// A plain-text form ("sgwrs-theme-model 1" …) ending in a checksum of everything before it,
// so a damaged copy is recognised rather than scoring with half its weights.
std::string serialise_model(const ThemeModel& m);
// Errc::invalid, key "model_corrupt", detail saying what is wrong.
Result<ThemeModel> parse_model(std::string_view text);

}  // namespace sgwrs::analysis::learn
