#pragma once
// Follow-up reports from the programme's training groups and what analysts make of them:
// the reports' text split under headings and into segments, codings by people, automatic
// suggestions awaiting review, the codebook's versions and the headline findings.
// Offsets are Unicode code points into the report's NFC text; headings and segment kinds
// are the analysis layer's stable ids ("working-well", "sentence", ...).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/analysis/vocabulary.hpp"
#include "domain/organisation/organisation.hpp"

namespace sgwrs {

struct ReportSectionRow {
  std::string heading;
  std::string heading_text;
  std::int64_t start = 0, end = 0;
};

struct ReportSegmentRow {
  std::int64_t ordinal = 0;
  SegmentKind kind = SegmentKind::sentence;
  std::string heading;
  std::int64_t start = 0, end = 0;
};

struct FollowupReport {
  Id id = 0;
  std::string title;
  std::string file_name;
  std::string format;    // txt | md | docx | pdf | demo
  std::string language;  // en | cy
  std::string organisation_name;
  std::string organisation_ons;
  std::string service_area;
  std::string report_date;  // YYYY-MM-DD
  int year = 0;
  int group_size = 0;
  std::string body;
  std::string warnings;  // comma-separated ids, e.g. "no_headings"
  std::int64_t version = 1;
};

// A list entry: the report without its text, with how far its coding has got.
struct ReportSummary {
  FollowupReport report;  // body left empty
  std::int64_t codings = 0;
  std::int64_t pending_suggestions = 0;
};

struct ReportFilter {
  std::optional<int> year;
  std::string organisation;
  std::string service_area;
};

struct Coding {
  Id id = 0;
  Id report_id = 0;
  std::string theme_id;
  std::int64_t start = 0, end = 0;
  std::string heading;
  Id coder_id = 0;
  std::string coder_name;
  std::string memo;
  CodingOrigin origin = CodingOrigin::human;
  std::int64_t created_at = 0;
};

struct SuggestionRow {
  Id id = 0;
  Id report_id = 0;
  std::string theme_id;
  SegmentKind kind = SegmentKind::sentence;
  std::int64_t start = 0, end = 0;
  std::string heading;
  int score_permille = 0;
  std::string evidence_json;
  SuggestionStatus status = SuggestionStatus::pending;
  std::optional<Id> decided_by;
  int codebook_version = 1;
  std::string model = "indicators";  // what made it: the indicators, or "learned-v<id>"
};

struct CodebookVersion {
  Id id = 0;
  int version = 0;
  std::string body_json;
  std::string note;
  std::int64_t created_at = 0;
  std::optional<Id> created_by;
};

struct FindingRow {
  Id id = 0;
  std::string theme_id;
  int ordinal = 0;
  std::string what_data_shows;
  std::string why_it_matters;
  std::string quotes_json;
  std::int64_t version = 1;
  std::optional<int> drafted_year;  // the year the draft was for; none: every year
};

// A learned theme model as stored (migration 17): its text form (body), what it learned
// from, and the cross-validation made when it was trained (JSON).
struct ThemeModelRow {
  Id id = 0;
  int codebook_version = 0;
  std::string body;
  std::int64_t examples = 0;        // passages it learned from
  std::int64_t reviewed_count = 0;  // codings and decided suggestions when it was trained
  std::string evaluation_json;
  std::optional<Id> trained_by;
  std::int64_t trained_at = 0;
};

// What an analyst chose for one passage among a finding's quotes (migration 16).
struct QuoteChoice {
  int codebook_version = 0;
  std::string theme_id;
  Id report_id = 0;
  std::int64_t start = 0, end = 0;
  QuoteChoiceKind choice = QuoteChoiceKind::pinned;
};

}  // namespace sgwrs
