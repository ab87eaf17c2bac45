#pragma once
// Which passages best show a theme, for the findings' quotes. A passage coded to a theme is
// not always about it: a paragraph on replacement care may mention leadership in passing.
// So candidates are ranked by how strongly and specifically they carry the theme:
//
//  1. reviewed coding (an analyst's own, or a suggestion an analyst accepted) before
//     suggestions nobody has reviewed;
//  2. then strength: specificity × length weight, where specificity is the passage's score
//     for this theme less its highest score for any other theme (−1..1, shifted to 0..1), so
//     a passage that carries another theme more strongly ranks low; and the length weight
//     is 1 for one to three sentences and 3/n for n > 3, as a quote must be read at a glance;
//  3. then fewer sentences, then report and position, so the order never depends on input.
//
// The scores come from whatever model scores passages against every theme (the codebook's
// indicators today, passage_theme_scores in the analysis service; a learned model plugs in
// there without changing this ranking).
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sgwrs::analysis {

// Theme id -> score (0..1) of one passage; a theme not listed scores 0.
using ThemeScores = std::map<std::string, double>;

struct QuoteCandidate {
  std::int64_t report_id = 0;
  std::int64_t start = 0, end = 0;  // code points into the report's text
  std::string text;
  std::string organisation;
  std::string service_area;
  int year = 0;
  bool reviewed = false;      // human coding or an accepted suggestion
  std::size_t sentences = 1;  // how many sentences the passage holds
  ThemeScores scores;
};

// score(theme) − the highest score among the other themes, in −1..1.
double specificity(const ThemeScores& scores, const std::string& theme);
// 1 for up to three sentences, 3/n beyond.
double length_weight(std::size_t sentences);
// (1 + specificity) / 2 × length weight, in 0..1.
double quote_strength(const QuoteCandidate& c, const std::string& theme);

// The candidates for `theme`, best first (see the top of this file).
std::vector<QuoteCandidate> rank_quote_candidates(std::vector<QuoteCandidate> candidates,
                                                  const std::string& theme);

}  // namespace sgwrs::analysis
