#include "analysis/report/quote_ranking.hpp"

#include <algorithm>
#include <tuple>

namespace sgwrs::analysis {

double specificity(const ThemeScores& scores, const std::string& theme) {
  double own = 0, other = 0;
  for (const auto& [id, score] : scores)
    if (id == theme)
      own = score;
    else
      other = std::max(other, score);
  return own - other;
}

double length_weight(std::size_t sentences) {
  return sentences <= 3 ? 1.0 : 3.0 / static_cast<double>(sentences);
}

double quote_strength(const QuoteCandidate& c, const std::string& theme) {
  return (1.0 + specificity(c.scores, theme)) / 2.0 * length_weight(c.sentences);
}

std::vector<QuoteCandidate> rank_quote_candidates(std::vector<QuoteCandidate> candidates,
                                                  const std::string& theme) {
  std::vector<std::pair<double, QuoteCandidate>> keyed;
  keyed.reserve(candidates.size());
  for (auto& c : candidates) {
    const double s = quote_strength(c, theme);
    keyed.emplace_back(s, std::move(c));
  }
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    const QuoteCandidate& x = a.second;
    const QuoteCandidate& y = b.second;
    return std::tuple(!x.reviewed, -a.first, x.sentences, x.report_id, x.start, x.end) <
           std::tuple(!y.reviewed, -b.first, y.sentences, y.report_id, y.start, y.end);
  });
  std::vector<QuoteCandidate> out;
  out.reserve(keyed.size());
  for (auto& [_, c] : keyed) out.push_back(std::move(c));
  return out;
}

}  // namespace sgwrs::analysis
