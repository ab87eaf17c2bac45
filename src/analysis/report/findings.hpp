#pragma once
// The draft headline-findings table: for each theme, what the data shows (prevalence,
// where it is raised most, the change from the year before, and two or three quotes) and
// why it matters (left for the analyst to write). Rendered as Markdown and as accessible
// HTML, in English or Welsh.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/model.hpp"
#include "analysis/report/prevalence.hpp"
#include "domain/core/language.hpp"

namespace sgwrs::analysis {

struct Quote {
  std::string text;
  std::string organisation;
  std::string service_area;
  int year = 0;
  // The passage it is (report and code-point span), so an analyst can swap or pin it.
  std::int64_t report_id = 0;
  std::int64_t start = 0, end = 0;
  bool pinned = false;
};

struct Finding {
  std::string theme_id;
  std::string theme_name;
  std::string what_the_data_shows;
  std::string why_it_matters;  // written by the analyst; empty in a draft
  std::vector<Quote> quotes;
};

// The numbers behind one "what the data shows" sentence.
struct ThemeSummary {
  std::size_t reports_with_theme = 0;
  std::size_t reports_total = 0;
  std::optional<std::string> top_heading;  // heading id under which most reports raise it
  struct Previous {
    int year = 0;
    double share = 0;  // 0..1
  };
  std::optional<Previous> previous;  // the same theme in the latest earlier year
};

// The heading as practitioners see it, e.g. "What gets in the way" / "Beth sy'n rhwystro".
std::string_view heading_label(Heading h, Language lang);

// Counts for one theme over the reports of `year` (all reports if absent), compared with
// the latest earlier year that has reports. When the reports span codebook versions, pass them
// through apply_lineage first so the earlier year counts the theme under its old ids too.
ThemeSummary summarise_theme(const std::vector<ReportFacts>& reports, const std::string& theme_id,
                             std::optional<int> year = std::nullopt);

// e.g. "Raised in 34 of 52 reports (65%), most often under ‘What gets in the way’; up from
// 48% in 2024." Percentages are rounded half up; "up"/"down" compare the rounded figures.
std::string what_the_data_shows_sentence(const ThemeSummary& s, Language lang);

// A draft table: one finding per theme raised at least once (in `year`, if given), most
// prevalent first, with up to `max_quotes` quotes taken in order from `quotes_by_theme`.
// Theme names come from `theme_names` (the id is used if a name is missing).
std::vector<Finding> draft_findings(
    const std::vector<ReportFacts>& reports, const std::vector<std::string>& themes,
    const std::map<std::string, std::string>& theme_names,
    const std::map<std::string, std::vector<Quote>>& quotes_by_theme, std::optional<int> year,
    Language lang, std::size_t max_quotes = 3);

// A Markdown (GitHub-flavoured) table; text is escaped so it cannot break the table or
// inject markup. `notes` (which coding is counted, what is left out) come first, one
// paragraph each.
std::string findings_markdown(const std::vector<Finding>& findings, Language lang,
                              const std::vector<std::string>& notes = {});

// An HTML <table> with a caption and header cells with scope, in GOV.UK Design System
// markup; all text escaped. `notes` come first, one paragraph each.
std::string findings_html(const std::vector<Finding>& findings, Language lang,
                          const std::vector<std::string>& notes = {});

}  // namespace sgwrs::analysis
