#pragma once
// How good automatic theme suggestions are, measured against human coding of the same
// segments. A (segment, theme) pair suggested and also coded by a person is a true
// positive; suggested but not coded, a false positive; coded but not suggested, a false
// negative. Pass only segments a person has actually coded (reviewed), otherwise missing
// human codings count as false positives.
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

namespace sgwrs::analysis {

using SegmentTheme = std::pair<std::size_t /*segment index*/, std::string /*theme id*/>;

struct Quality {
  std::size_t tp = 0, fp = 0, fn = 0;
  std::optional<double> precision;  // tp / (tp + fp); absent when nothing was suggested
  std::optional<double> recall;     // tp / (tp + fn); absent when nothing was coded
  std::optional<double> f1;         // 2tp / (2tp + fp + fn); absent when both are empty
};

// Fills precision, recall and F1 from the counts.
Quality quality_from_counts(std::size_t tp, std::size_t fp, std::size_t fn);

// Per theme, for every theme that appears in either set.
std::map<std::string, Quality> quality_by_theme(const std::set<SegmentTheme>& suggested,
                                                const std::set<SegmentTheme>& human);

// Micro-average: the counts summed over all themes, then the ratios.
Quality overall(const std::map<std::string, Quality>& by_theme);

// Macro-average F1: the mean of the per-theme F1 values that are defined; absent if none.
std::optional<double> macro_f1(const std::map<std::string, Quality>& by_theme);

}  // namespace sgwrs::analysis
