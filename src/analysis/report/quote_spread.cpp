#include "analysis/report/quote_spread.hpp"

namespace sgwrs::analysis {

std::vector<ChosenQuote> spread_quotes(const std::vector<QuoteCandidate>& ranked,
                                       const std::string& theme, const std::set<PassageKey>& pinned,
                                       const std::set<PassageKey>& set_aside,
                                       const std::set<std::int64_t>& left_out,
                                       std::size_t max_quotes) {
  std::vector<const QuoteCandidate*> open;
  for (const auto& c : ranked)
    if (!left_out.count(c.report_id) && !set_aside.count(passage_key(c))) open.push_back(&c);

  std::vector<ChosenQuote> out;
  std::set<std::int64_t> reports;
  std::set<std::string> organisations, areas;
  std::set<int> years;
  auto take = [&](const QuoteCandidate& c, bool is_pinned) {
    out.push_back({c, is_pinned});
    reports.insert(c.report_id);
    organisations.insert(c.organisation);
    areas.insert(c.service_area);
    years.insert(c.year);
  };

  for (const QuoteCandidate* c : open)
    if (out.size() < max_quotes && pinned.count(passage_key(*c))) take(*c, true);

  while (out.size() < max_quotes) {
    const QuoteCandidate* best = nullptr;
    std::tuple<bool, bool, int> best_key{};
    for (const QuoteCandidate* c : open) {
      if (reports.count(c->report_id)) continue;
      const int novelty = 4 * !organisations.count(c->organisation) +
                          2 * !areas.count(c->service_area) + !years.count(c->year);
      const std::tuple<bool, bool, int> key{c->reviewed, specificity(c->scores, theme) > 0,
                                            novelty};
      // Strictly greater: among equals the earlier, better-ranked candidate stays.
      if (!best || key > best_key) {
        best = c;
        best_key = key;
      }
    }
    if (!best) break;
    take(*best, false);
  }
  return out;
}

}  // namespace sgwrs::analysis
