#pragma once
// Seven small follow-up reports shared by the prevalence and findings tests.
//   id org year service               headings -> themes
//   1  A   2024 Children's services   working-well {listening}, getting-in-the-way {time}
//   2  A   2024 Children's services   getting-in-the-way {time}
//   3  A   2025 Children's services   working-well {} (text, no theme), make-a-difference
//   {mentoring} 4  A   2025 Adult social care     getting-in-the-way {time, office} 5  A   2025
//   Adult social care     leaders-understand {leadership} 6  B   2025 Housing getting-in-the-way
//   {time} 7  B   2025 Housing               working-well {listening}
#include <vector>

#include "analysis/report/prevalence.hpp"

namespace sgwrs::analysis::test {

inline std::vector<ReportFacts> seven_reports() {
  return {
      {1,
       "A",
       "Children's services",
       2024,
       {{"working-well", {"listening"}}, {"getting-in-the-way", {"time"}}}},
      {2, "A", "Children's services", 2024, {{"getting-in-the-way", {"time"}}}},
      {3,
       "A",
       "Children's services",
       2025,
       {{"working-well", {}}, {"make-a-difference", {"mentoring"}}}},
      {4, "A", "Adult social care", 2025, {{"getting-in-the-way", {"time", "office"}}}},
      {5, "A", "Adult social care", 2025, {{"leaders-understand", {"leadership"}}}},
      {6, "B", "Housing", 2025, {{"getting-in-the-way", {"time"}}}},
      {7, "B", "Housing", 2025, {{"working-well", {"listening"}}}},
  };
}

}  // namespace sgwrs::analysis::test
