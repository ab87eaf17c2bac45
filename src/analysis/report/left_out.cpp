#include "analysis/report/left_out.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace sgwrs::analysis {

namespace {

// The column of a report under a dimension whose columns split the reports into groups.
std::string group_of(const ReportFacts& r, Dimension by) {
  switch (by) {
    case Dimension::organisation:
      return r.organisation;
    case Dimension::service_area:
      return r.service_area;
    case Dimension::year:
      return std::to_string(r.year);
    case Dimension::heading:
      break;
  }
  return {};
}

}  // namespace

std::set<std::int64_t> left_out_reports(const std::vector<ReportFacts>& reports,
                                        const SuppressionRule& rule) {
  std::vector<Dimension> hiding{Dimension::organisation};
  if (!rule.only_when_naming_organisation)
    hiding.insert(hiding.end(), {Dimension::service_area, Dimension::year});
  std::set<std::int64_t> out;
  // Each round only adds reports, so this ends after at most one round per report.
  for (bool grew = true; grew;) {
    grew = false;
    for (Dimension by : hiding) {
      std::map<std::string, std::vector<std::int64_t>> groups;
      for (const ReportFacts& r : reports)
        if (!out.count(r.id)) groups[group_of(r, by)].push_back(r.id);
      for (const auto& [group, ids] : groups)
        if (ids.size() < rule.min_reports) {
          out.insert(ids.begin(), ids.end());
          grew = true;
        }
    }
  }
  return out;
}

std::vector<ReportFacts> counted_reports(const std::vector<ReportFacts>& reports,
                                         const SuppressionRule& rule) {
  const auto left_out = left_out_reports(reports, rule);
  std::vector<ReportFacts> out;
  out.reserve(reports.size() - std::min(reports.size(), left_out.size()));
  for (const ReportFacts& r : reports)
    if (!left_out.count(r.id)) out.push_back(r);
  return out;
}

}  // namespace sgwrs::analysis
