#pragma once
// Choosing a finding's few quotes from its ranked candidates (quote_ranking.hpp) so they
// come from different places: organisations, then service areas, then years.
//
// Pinned passages come first, in rank order, whatever their place. Each further quote is the
// best-ranked candidate by, in order: reviewed before unreviewed; specific (carrying this theme
// more than any other) before not; then the most new places (a new organisation counts 4, a
// new service area 2, a new year 1, so one new organisation outweighs a new area and year);
// then rank. So spreading never puts a passage about something else, or one nobody
// reviewed, in the place of one that shows the theme. At most one quote per report; never a
// passage set aside, nor one from a report left out of every count (left_out.hpp) — not
// even a pinned one, should its organisation have become too small to show.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "analysis/report/quote_ranking.hpp"

namespace sgwrs::analysis {

// A passage: report and code-point span.
using PassageKey = std::tuple<std::int64_t, std::int64_t, std::int64_t>;

inline PassageKey passage_key(const QuoteCandidate& c) {
  return {c.report_id, c.start, c.end};
}

struct ChosenQuote {
  QuoteCandidate candidate;
  bool pinned = false;
};

// `ranked` as rank_quote_candidates returned it for `theme`.
std::vector<ChosenQuote> spread_quotes(const std::vector<QuoteCandidate>& ranked,
                                       const std::string& theme, const std::set<PassageKey>& pinned,
                                       const std::set<PassageKey>& set_aside,
                                       const std::set<std::int64_t>& left_out,
                                       std::size_t max_quotes = 3);

}  // namespace sgwrs::analysis
