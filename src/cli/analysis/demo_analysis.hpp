#pragma once
// Adds the follow-up reports to the demo: the default codebook as version 1, two years of
// reports from several organisations (some in Welsh), partly coded by two analysts, and a
// first draft of the headline findings.
#include "service/analysis/analysis_service.hpp"
#include "service/analysis/results_service.hpp"
#include "service/organisation/user_service.hpp"

namespace sgwrs::cli {

struct DemoAnalysisResult {
  bool created = false;  // false: the reports were already there
  std::size_t reports = 0;
  std::size_t codings = 0;
};

DemoAnalysisResult build_demo_analysis(AnalysisService& analysis, AnalysisResultsService& results,
                                       UserService& users);

}  // namespace sgwrs::cli
