#pragma once
// Suggestions from the learned model and the indicators together.
//
// For a theme the model learned (ThemeWeights::trained), a passage's score is a blend of
// the model's probability p and the indicators' score s (1 - 2^-S, suggester.hpp):
//     score = a·p + (1 - a)·s,   a = n / (n + kBlendHalf)
// where n is the number of passages the theme learned from: with few examples the
// indicators still carry most of the weight, with many the model does. The theme is
// suggested when the score reaches its threshold (chosen in training, train.hpp). For a theme it
// did not learn (too few examples, or no model at all) the indicators alone decide, as they always
// have (cold start). Every suggestion keeps the indicator evidence found in its passage, so the
// words behind it can still be shown, and names the model that made it.
#include <boost/unordered/unordered_flat_map.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/learn/features.hpp"
#include "analysis/learn/theme_model.hpp"
#include "analysis/text/suggester.hpp"

namespace sgwrs::analysis::learn {

inline constexpr double kBlendHalf = 5;  // examples at which the model has half the say

// The model's share of the blend for a theme learned from `positives` passages (0 when it
// was not learned).
double model_share(const ThemeWeights* t);
// The blended score (the indicators' score when the theme was not learned).
double blend(const ThemeWeights* t, double probability, double indicator_score);

// Whether a theme is suggested: a learned theme when its blended score reaches its threshold;
// any other when an indicator matched (indicator_score > 0).
bool suggests(const ThemeWeights* t, double blended, double indicator_score);

// A passage as the blended suggester reads it: its kind and span, and the heading id.
struct SegmentInput {
  Segment segment;
  std::string_view heading;
};

class BlendedSuggester {
 public:
  // `model` may be null (indicators alone). Both must outlive this object.
  BlendedSuggester(const Suggester& indicators, std::shared_ptr<const ThemeModel> model);

  // Suggestions for each segment, in segment order, within a segment highest score first.
  std::vector<Suggestion> suggest(std::string_view text, Language lang,
                                  const std::vector<SegmentInput>& segments) const;

  // Every theme's blended score for each segment (index by the codebook's theme order),
  // and the indicators' own score beside it, for evaluation and quote ranking.
  struct Scores {
    std::vector<double> blended, indicators;
  };
  std::vector<Scores> score(std::string_view text, Language lang,
                            const std::vector<SegmentInput>& segments) const;

  const ThemeModel* model() const { return model_.get(); }
  std::string_view model_name() const { return name_; }

 private:
  std::vector<Scores> score(std::string_view text, Language lang,
                            const std::vector<SegmentInput>& segments,
                            const std::vector<Suggestion>& from_indicators) const;

  const Suggester& indicators_;
  std::shared_ptr<const ThemeModel> model_;
  std::string name_;
  std::vector<const ThemeWeights*> by_theme_;  // codebook order; null where not learned
  // Feature slot -> (theme, weight) for every learned theme: scoring a passage costs one
  // lookup per feature for all themes at once.
  boost::unordered_flat_map<std::uint32_t, std::vector<std::pair<std::uint32_t, float>>> index_;
};

}  // namespace sgwrs::analysis::learn
