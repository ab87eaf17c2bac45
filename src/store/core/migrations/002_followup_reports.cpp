// Migration 2: follow-up reports, codebook, codings, suggestions, findings. The same on both
// engines but for how an identity column is declared. Shipped: never edit.
#include <string>

#include "store/core/migrations.hpp"

namespace sgwrs::store {
namespace {

constexpr std::string_view k002 = R"sql(
CREATE TABLE codebook_versions (
  id @ID@,
  version INTEGER NOT NULL UNIQUE,
  body TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  created_by BIGINT REFERENCES users(id)
);
CREATE TABLE followup_reports (
  id @ID@,
  title TEXT NOT NULL,
  file_name TEXT NOT NULL,
  format TEXT NOT NULL,
  language TEXT NOT NULL,
  organisation_name TEXT NOT NULL,
  organisation_ons TEXT NOT NULL DEFAULT '',
  service_area TEXT NOT NULL,
  report_date TEXT NOT NULL,
  year INTEGER NOT NULL,
  group_size INTEGER NOT NULL,
  body TEXT NOT NULL,
  warnings TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1,
  imported_at BIGINT NOT NULL,
  imported_by BIGINT REFERENCES users(id)
);
CREATE INDEX followup_reports_by_year ON followup_reports (year, organisation_name);
CREATE TABLE report_sections (
  report_id BIGINT NOT NULL REFERENCES followup_reports(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  heading TEXT NOT NULL,
  heading_text TEXT NOT NULL,
  start_cp INTEGER NOT NULL,
  end_cp INTEGER NOT NULL,
  PRIMARY KEY (report_id, ordinal)
);
CREATE TABLE report_segments (
  report_id BIGINT NOT NULL REFERENCES followup_reports(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  kind TEXT NOT NULL,
  heading TEXT NOT NULL,
  start_cp INTEGER NOT NULL,
  end_cp INTEGER NOT NULL,
  PRIMARY KEY (report_id, ordinal)
);
CREATE TABLE codings (
  id @ID@,
  report_id BIGINT NOT NULL REFERENCES followup_reports(id) ON DELETE CASCADE,
  theme_id TEXT NOT NULL,
  start_cp INTEGER NOT NULL,
  end_cp INTEGER NOT NULL,
  heading TEXT NOT NULL,
  coder_id BIGINT NOT NULL REFERENCES users(id),
  memo TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL DEFAULT 'human',
  created_at BIGINT NOT NULL,
  UNIQUE (report_id, coder_id, theme_id, start_cp, end_cp)
);
CREATE INDEX codings_by_theme ON codings (theme_id);
CREATE TABLE suggestions (
  id @ID@,
  report_id BIGINT NOT NULL REFERENCES followup_reports(id) ON DELETE CASCADE,
  theme_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  start_cp INTEGER NOT NULL,
  end_cp INTEGER NOT NULL,
  heading TEXT NOT NULL,
  score_permille INTEGER NOT NULL,
  evidence TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  decided_by BIGINT REFERENCES users(id),
  decided_at BIGINT,
  codebook_version INTEGER NOT NULL,
  UNIQUE (report_id, theme_id, kind, start_cp, end_cp)
);
CREATE INDEX suggestions_by_report ON suggestions (report_id, status);
CREATE TABLE findings (
  id @ID@,
  theme_id TEXT NOT NULL UNIQUE,
  ordinal INTEGER NOT NULL,
  what_data_shows TEXT NOT NULL,
  why_it_matters TEXT NOT NULL,
  quotes TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT REFERENCES users(id)
);
)sql";

}  // namespace

std::string_view migration_002(Engine e) {
  return for_engine<k002>(e);
}

}  // namespace sgwrs::store
