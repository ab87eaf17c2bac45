#include "analysis/learn/cross_validation.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "analysis/learn/blend.hpp"

namespace sgwrs::analysis::learn {

MethodScores score_method(const std::vector<EvalPassage>& passages,
                          const std::vector<Scored>& scored,
                          const std::vector<std::string>& theme_ids) {
  MethodScores out;
  std::set<SegmentTheme> suggested, human;
  std::set<std::string> coded_themes;
  std::size_t top1 = 0, top3 = 0;
  for (const auto& s : scored) {
    const auto& gold = passages[s.passage].example.themes;
    for (const auto& g : gold) {
      human.insert({s.passage, g});
      coded_themes.insert(g);
    }
    std::vector<std::size_t> ranked;
    for (std::size_t t = 0; t < theme_ids.size(); ++t) {
      if (s.suggested[t]) suggested.insert({s.passage, theme_ids[t]});
      if (s.score[t] > 0) ranked.push_back(t);
    }
    if (gold.empty()) continue;
    ++out.coded_passages;
    std::stable_sort(ranked.begin(), ranked.end(),
                     [&](std::size_t a, std::size_t b) { return s.score[a] > s.score[b]; });
    for (std::size_t r = 0; r < ranked.size() && r < 3; ++r)
      if (gold.count(theme_ids[ranked[r]])) {
        if (r == 0) ++top1;
        ++top3;
        break;
      }
  }
  out.by_theme = quality_by_theme(suggested, human);
  out.overall = overall(out.by_theme);
  std::map<std::string, Quality> coded;
  for (const auto& [theme, q] : out.by_theme)
    if (coded_themes.count(theme)) coded.emplace(theme, q);
  out.macro_f1 = macro_f1(coded);
  if (out.coded_passages) {
    out.top1 = static_cast<double>(top1) / static_cast<double>(out.coded_passages);
    out.top3 = static_cast<double>(top3) / static_cast<double>(out.coded_passages);
  }
  return out;
}

CvResult cross_validate(const std::vector<EvalPassage>& passages,
                        const std::vector<std::string>& theme_ids, int k,
                        const TrainOptions& options) {
  CvResult out;
  out.passages = passages.size();
  for (const auto& p : passages) out.report_ids.push_back(p.report);
  std::sort(out.report_ids.begin(), out.report_ids.end());
  out.report_ids.erase(std::unique(out.report_ids.begin(), out.report_ids.end()),
                       out.report_ids.end());
  out.reports = out.report_ids.size();
  if (out.reports < 2) return out;
  out.folds = std::min<int>(k, static_cast<int>(out.reports));
  out.fold_of_report = assign_folds(out.report_ids, out.folds);
  auto fold_of = [&](std::int64_t report) {
    const auto at = std::lower_bound(out.report_ids.begin(), out.report_ids.end(), report);
    return out.fold_of_report[static_cast<std::size_t>(at - out.report_ids.begin())];
  };

  std::vector<Scored> learned, indicators, learned_unseen, indicators_unseen;
  for (int f = 0; f < out.folds; ++f) {
    std::vector<Example> train;
    std::unordered_set<std::string> train_texts;
    std::vector<std::size_t> test;
    for (std::size_t i = 0; i < passages.size(); ++i) {
      if (fold_of(passages[i].report) == f) {
        test.push_back(i);
      } else {
        train.push_back(passages[i].example);
        train_texts.insert(passages[i].text);
      }
    }
    const auto model = train_theme_model(train, theme_ids, 0, options);
    for (std::size_t i : test) {
      const auto& p = passages[i];
      Scored l{i, {}, {}}, ind{i, {}, {}};
      for (std::size_t t = 0; t < theme_ids.size(); ++t) {
        const ThemeWeights* w = &model.themes[t];
        const double s = t < p.example.indicators.size() ? p.example.indicators[t] : 0;
        const double b = blend(w, probability(*w, p.example.x), s);
        l.score.push_back(b);
        l.suggested.push_back(suggests(w, b, s));
        ind.score.push_back(s);
        ind.suggested.push_back(s > 0);
      }
      const bool seen = train_texts.count(p.text) > 0;
      if (seen && !p.example.themes.empty()) ++out.seen_in_training;
      if (!seen) {
        learned_unseen.push_back(l);
        indicators_unseen.push_back(ind);
      }
      learned.push_back(std::move(l));
      indicators.push_back(std::move(ind));
    }
  }
  out.learned = score_method(passages, learned, theme_ids);
  out.indicators = score_method(passages, indicators, theme_ids);
  out.learned_unseen = score_method(passages, learned_unseen, theme_ids);
  out.indicators_unseen = score_method(passages, indicators_unseen, theme_ids);
  return out;
}

}  // namespace sgwrs::analysis::learn
