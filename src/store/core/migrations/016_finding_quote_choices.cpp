// Migration 16: the analyst's choices among a finding's quotes — pinned (kept through every
// redraft) or set aside (swapped out for the next candidate, and not offered again) — per
// codebook version and theme, so a new codebook, whose themes may differ, starts afresh.
// Findings also keep the year they were drafted for, so a swap draws its next candidate from
// the same year's reports.
#include "store/core/migrations.hpp"

namespace sgwrs::store {
namespace {

constexpr std::string_view k016 = R"sql(
CREATE TABLE finding_quote_choices (
  id @ID@,
  codebook_version INTEGER NOT NULL,
  theme_id TEXT NOT NULL,
  report_id BIGINT NOT NULL REFERENCES followup_reports(id) ON DELETE CASCADE,
  start_cp INTEGER NOT NULL,
  end_cp INTEGER NOT NULL,
  choice TEXT NOT NULL CHECK (choice IN ('pinned', 'set_aside')),
  chosen_by BIGINT REFERENCES users(id),
  chosen_at BIGINT NOT NULL,
  UNIQUE (codebook_version, theme_id, report_id, start_cp, end_cp)
);
ALTER TABLE findings ADD COLUMN drafted_year INTEGER;
)sql";

}  // namespace

std::string_view migration_016(Engine e) {
  return for_engine<k016>(e);
}

}  // namespace sgwrs::store
