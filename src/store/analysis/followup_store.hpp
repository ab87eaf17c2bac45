#pragma once
// Follow-up reports and their analysis: reports with their sections and segments, codings,
// suggestions, codebook versions and headline findings.
#include <optional>
#include <vector>

#include "domain/analysis/followup.hpp"
#include "domain/core/result.hpp"
#include "store/core/db.hpp"

namespace sgwrs::store::followup {

// A report with its sections and segments, written together.
Id insert_report(Conn& c, const FollowupReport& r, const std::vector<ReportSectionRow>& sections,
                 const std::vector<ReportSegmentRow>& segments, std::int64_t now,
                 std::optional<Id> by);
std::optional<FollowupReport> find_report(Conn& c, Id id);
std::vector<ReportSummary> list_reports(Conn& c, const ReportFilter& f, int limit);
std::int64_t count_reports(Conn& c);
std::vector<ReportSectionRow> sections(Conn& c, Id report_id);
std::vector<ReportSegmentRow> segments(Conn& c, Id report_id);
bool delete_report(Conn& c, Id report_id);

// Every report's metadata (no text), for the analysis.
std::vector<FollowupReport> all_report_metadata(Conn& c);
// (report id, heading) pairs that have text, for honest denominators by heading.
std::vector<std::pair<Id, std::string>> headings_with_text(Conn& c);

Result<Coding> insert_coding(Conn& c, Coding k, std::int64_t now);
// The same coding by the same coder already there: nothing added, false. Never fails the
// transaction (PostgreSQL aborts a transaction on a unique violation).
bool insert_coding_if_absent(Conn& c, const Coding& k, std::int64_t now);
bool delete_coding(Conn& c, Id report_id, Id coding_id);
std::vector<Coding> codings_for_report(Conn& c, Id report_id);
std::vector<Coding> all_codings(Conn& c);
std::optional<Coding> find_coding(Conn& c, Id coding_id);

// Replaces a report's pending suggestions; decided ones (accepted or rejected) stay, and a
// new suggestion identical to a decided one is not offered again.
void replace_pending_suggestions(Conn& c, Id report_id, const std::vector<SuggestionRow>& rows);
std::vector<SuggestionRow> suggestions_for_report(Conn& c, Id report_id);
std::int64_t count_pending(Conn& c, Id report_id);
std::vector<SuggestionRow> suggestions_with_status(Conn& c, const std::string& status);
std::optional<SuggestionRow> find_suggestion(Conn& c, Id id);
// Only a pending suggestion can be decided; false if it was not pending.
bool decide_suggestion(Conn& c, Id id, const std::string& status, Id by, std::int64_t now);

std::optional<CodebookVersion> current_codebook(Conn& c);
std::vector<CodebookVersion> codebook_history(Conn& c);  // newest first, bodies included
Result<CodebookVersion> insert_codebook(Conn& c, CodebookVersion v, std::int64_t now);

std::vector<FindingRow> list_findings(Conn& c);
std::optional<FindingRow> find_finding(Conn& c, Id id);
void replace_findings(Conn& c, const std::vector<FindingRow>& rows, Id by, std::int64_t now);
// f.version must be the version the caller read.
Result<FindingRow> update_finding(Conn& c, const FindingRow& f, Id by, std::int64_t now);

}  // namespace sgwrs::store::followup
