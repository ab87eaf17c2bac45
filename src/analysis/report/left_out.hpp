#pragma once
// Secondary suppression: no count below the threshold may be recovered by subtraction.
//
// Primary suppression hides a column with fewer than `min_reports` reports (an organisation;
// with `only_when_naming_organisation` off, any column). That alone is not enough: "All
// reports" minus the columns shown is the hidden column, and so is the service-area matrix's
// total minus the organisation matrix's. So the reports of every hidden column are left out of
// every count — every column, every total, every dimension, the findings and the exports that
// can be counted — and the outputs say so. One rule, here, used by all of them.
#include <cstdint>
#include <set>
#include <vector>

#include "analysis/report/prevalence.hpp"

namespace sgwrs::analysis {

// The ids of the reports no count may include. An organisation with fewer than
// rule.min_reports reports has its reports left out. With only_when_naming_organisation off,
// so do service areas and years below the threshold; that is repeated until every remaining
// column has enough reports, as leaving reports out can shrink another column. Headings are
// not partitions (a report writes under several), so they do not leave reports out.
std::set<std::int64_t> left_out_reports(const std::vector<ReportFacts>& reports,
                                        const SuppressionRule& rule);

// The reports that count: `reports` without those left_out_reports() names.
std::vector<ReportFacts> counted_reports(const std::vector<ReportFacts>& reports,
                                         const SuppressionRule& rule);

}  // namespace sgwrs::analysis
