#pragma once
// Follow-up reports with their sections and segments, written together.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/analysis/followup.hpp"
#include "domain/core/result.hpp"
#include "store/core/db.hpp"

namespace sgwrs::store::analysis {

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

}  // namespace sgwrs::store::analysis
