#include "analysis/report/quality.hpp"

namespace sgwrs::analysis {

namespace {
std::optional<double> ratio(std::size_t num, std::size_t den) {
  if (den == 0) return std::nullopt;
  return static_cast<double>(num) / static_cast<double>(den);
}
}  // namespace

Quality quality_from_counts(std::size_t tp, std::size_t fp, std::size_t fn) {
  Quality q{tp, fp, fn, std::nullopt, std::nullopt, std::nullopt};
  q.precision = ratio(tp, tp + fp);
  q.recall = ratio(tp, tp + fn);
  // Equal to the harmonic mean of precision and recall where both exist, and still
  // meaningful (0) when one of them is undefined but there were errors.
  q.f1 = ratio(2 * tp, 2 * tp + fp + fn);
  return q;
}

std::map<std::string, Quality> quality_by_theme(const std::set<SegmentTheme>& suggested,
                                                const std::set<SegmentTheme>& human) {
  struct Counts {
    std::size_t tp = 0, fp = 0, fn = 0;
  };
  std::map<std::string, Counts> counts;
  for (const SegmentTheme& s : suggested) {
    Counts& c = counts[s.second];
    if (human.count(s))
      ++c.tp;
    else
      ++c.fp;
  }
  for (const SegmentTheme& h : human)
    if (!suggested.count(h)) ++counts[h.second].fn;

  std::map<std::string, Quality> result;
  for (const auto& [theme, c] : counts)
    result.emplace(theme, quality_from_counts(c.tp, c.fp, c.fn));
  return result;
}

Quality overall(const std::map<std::string, Quality>& by_theme) {
  std::size_t tp = 0, fp = 0, fn = 0;
  for (const auto& [theme, q] : by_theme) {
    tp += q.tp;
    fp += q.fp;
    fn += q.fn;
  }
  return quality_from_counts(tp, fp, fn);
}

std::optional<double> macro_f1(const std::map<std::string, Quality>& by_theme) {
  double sum = 0;
  std::size_t n = 0;
  for (const auto& [theme, q] : by_theme)
    if (q.f1) {
      sum += *q.f1;
      ++n;
    }
  if (n == 0) return std::nullopt;
  return sum / static_cast<double>(n);
}

}  // namespace sgwrs::analysis
