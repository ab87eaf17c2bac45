#include "analysis/learn/blend.hpp"

#include <algorithm>
#include <cmath>

namespace sgwrs::analysis::learn {

double model_share(const ThemeWeights* t) {
  if (!t || !t->trained) return 0;
  const auto n = static_cast<double>(t->positives);
  return n / (n + kBlendHalf);
}

double blend(const ThemeWeights* t, double probability, double indicator_score) {
  const double a = model_share(t);
  return a * probability + (1 - a) * indicator_score;
}

bool suggests(const ThemeWeights* t, double blended, double indicator_score) {
  return t && t->trained ? blended >= t->threshold : indicator_score > 0;
}

BlendedSuggester::BlendedSuggester(const Suggester& indicators,
                                   std::shared_ptr<const ThemeModel> model)
    : indicators_(indicators), model_(std::move(model)) {
  name_ = model_ ? model_->name() : std::string(kIndicatorModel);
  by_theme_.resize(indicators_.theme_count(), nullptr);
  if (!model_) return;
  for (std::size_t i = 0; i < by_theme_.size(); ++i) {
    const auto* t = model_->find(indicators_.theme_id(i));
    by_theme_[i] = t && t->trained ? t : nullptr;
    if (!by_theme_[i]) continue;
    for (const auto& [slot, w] : t->weights)
      index_[slot].emplace_back(static_cast<std::uint32_t>(i), w);
  }
}

std::vector<BlendedSuggester::Scores> BlendedSuggester::score(
    std::string_view text, Language lang, const std::vector<SegmentInput>& segments) const {
  std::vector<Segment> segs;
  for (const auto& s : segments) segs.push_back(s.segment);
  return score(text, lang, segments, indicators_.suggest(text, lang, segs));
}

std::vector<BlendedSuggester::Scores> BlendedSuggester::score(
    std::string_view text, Language lang, const std::vector<SegmentInput>& segments,
    const std::vector<Suggestion>& from_indicators) const {
  std::vector<Segment> segs;
  std::vector<Passage> passages;
  for (const auto& s : segments) {
    segs.push_back(s.segment);
    passages.push_back({s.segment.span, s.heading});
  }
  const std::size_t themes = indicators_.theme_count();
  std::vector<Scores> out(segments.size(),
                          Scores{std::vector<double>(themes, 0), std::vector<double>(themes, 0)});
  // The indicators' suggestions come in segment order; match them back by span and kind.
  std::size_t at = 0;
  for (const auto& s : from_indicators) {
    while (at < segs.size() && !(segs[at].span == s.span && segs[at].kind == s.kind)) ++at;
    if (at == segs.size()) break;
    for (std::size_t t = 0; t < themes; ++t)
      if (indicators_.theme_id(t) == s.theme_id) out[at].indicators[t] = s.score;
  }
  std::vector<SparseVector> x;
  if (model_) x = passage_features(text, lang, passages, indicators_);
  std::vector<double> z(themes);
  for (std::size_t i = 0; i < segments.size(); ++i) {
    for (std::size_t t = 0; t < themes; ++t) z[t] = by_theme_[t] ? by_theme_[t]->bias : 0;
    if (model_)
      for (const auto& [slot, value] : x[i].items)
        if (const auto hit = index_.find(slot); hit != index_.end())
          for (const auto& [t, w] : hit->second) z[t] += static_cast<double>(w) * value;
    for (std::size_t t = 0; t < themes; ++t) {
      // The logistic of w·x + b, as probability() computes it one theme at a time.
      const double p = by_theme_[t] ? 1.0 / (1.0 + std::exp(-z[t])) : 0;
      out[i].blended[t] = blend(by_theme_[t], p, out[i].indicators[t]);
    }
  }
  return out;
}

std::vector<Suggestion> BlendedSuggester::suggest(std::string_view text, Language lang,
                                                  const std::vector<SegmentInput>& segments) const {
  std::vector<Segment> segs;
  for (const auto& s : segments) segs.push_back(s.segment);
  auto from_indicators = indicators_.suggest(text, lang, segs);
  if (!model_) return from_indicators;
  const auto scores = score(text, lang, segments, from_indicators);
  std::vector<Suggestion> out;
  std::size_t next = 0;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto& seg = segments[i].segment;
    const std::size_t first = out.size();
    for (std::size_t t = 0; t < indicators_.theme_count(); ++t) {
      Suggestion s;
      s.theme_id = indicators_.theme_id(t);
      s.kind = seg.kind;
      s.span = seg.span;
      s.score = scores[i].blended[t];
      s.model = name_;
      // The indicator suggestion for this theme and segment, if any, for its evidence.
      const Suggestion* ind = nullptr;
      for (std::size_t k = next; k < from_indicators.size(); ++k) {
        const auto& f = from_indicators[k];
        if (!(f.span == seg.span && f.kind == seg.kind)) break;
        if (f.theme_id == s.theme_id) ind = &f;
      }
      const bool suggested = suggests(by_theme_[t], s.score, ind ? ind->score : 0);
      if (!suggested) continue;
      if (ind) s.evidence = ind->evidence;
      if (!by_theme_[t]) s.model = kIndicatorModel;  // the indicators alone made it
      out.push_back(std::move(s));
    }
    while (next < from_indicators.size() && from_indicators[next].span == seg.span &&
           from_indicators[next].kind == seg.kind)
      ++next;
    std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                     [](const Suggestion& a, const Suggestion& b) { return a.score > b.score; });
  }
  return out;
}

}  // namespace sgwrs::analysis::learn
