#pragma once
// Agreement between two coders on one theme, over segments (sentences). Each segment is a
// unit; a coder either applied the theme to it (true) or did not (false). The statistics
// are percent agreement, Cohen's kappa and Krippendorff's alpha (nominal data, two coders,
// no missing values). Where a statistic is undefined (no units, or no variation at all) it
// is absent rather than NaN, so pages and exports can say "not enough data".
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sgwrs::analysis {

struct Agreement {
  std::size_t units = 0;   // segments compared
  std::size_t both = 0;    // both coders applied the theme
  std::size_t only_a = 0;  // coder A applied it, coder B did not
  std::size_t only_b = 0;  // coder B applied it, coder A did not
  std::size_t neither = 0;
  double percent = 0.0;         // 0..100; 0 when units is 0 (check units first)
  std::optional<double> kappa;  // Cohen's kappa; absent when expected agreement is 1
  std::optional<double> alpha;  // Krippendorff's alpha; absent when all values are equal
};

// The vectors must have the same length (one entry per segment); throws
// std::invalid_argument otherwise, since that is a programming error.
Agreement agreement(const std::vector<bool>& coder_a, const std::vector<bool>& coder_b);

// One coder's application of one theme to one segment.
struct SegmentCoding {
  std::size_t segment_index = 0;  // index into the text's sentence segments
  std::string coder;
  std::string theme_id;
};

// Agreement per theme between coder_a and coder_b over `segment_count` segments. Codings by
// other coders are ignored. Segments that neither coder coded with any theme are left out
// of every theme's units ("excluding text neither coder touched"). Themes are those either
// coder applied. Throws std::out_of_range for a segment_index >= segment_count.
std::map<std::string, Agreement> agreement_by_theme(std::size_t segment_count,
                                                    const std::vector<SegmentCoding>& codings,
                                                    const std::string& coder_a,
                                                    const std::string& coder_b);

}  // namespace sgwrs::analysis
