#pragma once
// A demo corpus of follow-up reports, so every analysis page has something true-looking to
// show: two years (2025 and 2026) of reports from several organisations and all six service
// areas, some written wholly in Welsh, partly coded by two coders who mostly (but not
// always) agree. The texts are composed from a bank of practitioner sentences with a
// fixed-seed generator, so the corpus is the same on every run and on every machine.
#include <string>
#include <vector>

namespace sgwrs::cli {

// One coder's coding of one passage to one theme. A sentence with two themes gets two codings
// with the same quote.
struct DemoCoding {
  std::string coder;     // "coder-a" or "coder-b"
  std::string theme_id;  // one of the twenty default codebook theme ids
  std::string quote;     // an exact substring of the report text, usually one sentence
  std::string memo;      // mostly empty, sometimes a short analyst's note
};

struct DemoReport {
  std::string file_name;          // distinct across the corpus, .txt or .md
  std::string organisation_ons;   // W06… for local authorities, W99… for other bodies
  std::string organisation_name;  // English name of the organisation
  // A service kind id: childrens_services, adult_social_care, housing, hospital_discharge,
  // community, integrated_front_door.
  std::string service_area;
  std::string date;      // YYYY-MM-DD, in 2025 or 2026
  int group_size = 0;    // practitioners in the follow-up group, 6..14
  std::string language;  // "en" or "cy"
  // The report: the four headings as lines, each followed by 2–6 short paragraphs or bullet
  // points; sometimes a one-line preamble before the first heading. Valid UTF-8, NFC.
  std::string text;
  std::vector<DemoCoding> codings;
};

// The corpus, built once on first use and identical on every call and every run, in date
// order.
const std::vector<DemoReport>& demo_reports();

}  // namespace sgwrs::cli
