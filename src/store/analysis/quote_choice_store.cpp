#include "store/analysis/quote_choice_store.hpp"

#include "store/core/closed_set_column.hpp"

namespace sgwrs::store::analysis {

std::vector<QuoteChoice> quote_choices(Conn& c, int codebook_version) {
  std::vector<QuoteChoice> out;
  for (const auto& r :
       c.query("SELECT theme_id, report_id, start_cp, end_cp, choice FROM finding_quote_choices "
               "WHERE codebook_version = ? ORDER BY id",
               {std::int64_t{codebook_version}}))
    out.push_back({codebook_version, r.text(0), r.i64(1), r.i64(2), r.i64(3),
                   stored_value(kQuoteChoiceKinds, r.text(4), "finding_quote_choices.choice")});
  return out;
}

void set_quote_choice(Conn& c, const QuoteChoice& q, Id by, std::int64_t now) {
  c.exec(
      "INSERT INTO finding_quote_choices (codebook_version, theme_id, report_id, start_cp, "
      "end_cp, choice, chosen_by, chosen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (codebook_version, theme_id, report_id, start_cp, end_cp) DO UPDATE SET "
      "choice = excluded.choice, chosen_by = excluded.chosen_by, chosen_at = excluded.chosen_at",
      {std::int64_t{q.codebook_version}, q.theme_id, q.report_id, q.start, q.end,
       std::string(kQuoteChoiceKinds.id(q.choice)), by_user(by), now});
}

void clear_quote_choice(Conn& c, const QuoteChoice& q) {
  c.exec(
      "DELETE FROM finding_quote_choices WHERE codebook_version = ? AND theme_id = ? AND "
      "report_id = ? AND start_cp = ? AND end_cp = ?",
      {std::int64_t{q.codebook_version}, q.theme_id, q.report_id, q.start, q.end});
}

}  // namespace sgwrs::store::analysis
