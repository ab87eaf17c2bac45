#pragma once
// Coding a passage as an analyst does on a report's page, for the analysis service tests:
// the first occurrence of `text` in the report, to one theme.
#include <string>

#include "domain/core/utf8.hpp"
#include "service/analysis/analysis_service.hpp"
#include "store/core/store_fixture.hpp"

namespace sgwrs::test {

inline void code_passage(AnalysisService& analysis, const Actor& a, Id report,
                         const std::string& text, const std::string& theme) {
  const auto v = must(analysis.view_report(a, report));
  const auto at = code_point_count(v.report.body.substr(0, v.report.body.find(text)));
  must(analysis.add_coding(a, {v.report.id,
                               {theme},
                               static_cast<std::int64_t>(at),
                               static_cast<std::int64_t>(at + code_point_count(text)),
                               ""}));
}

}  // namespace sgwrs::test
