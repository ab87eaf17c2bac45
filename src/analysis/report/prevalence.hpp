#pragma once
// Prevalence of themes across follow-up reports, with honest denominators: the share of
// the reports in a cell that raise a theme. Cells are organisations, service areas, years
// or headings. Counts from fewer than `min_reports` reports are suppressed where the cell
// names an organisation (or everywhere, if so configured), so no small group can be
// singled out. A theme lineage (old theme id -> current id) is applied before counting so
// that renamed or merged themes stay comparable across codebook versions and years.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sgwrs::analysis {

// What the analysis needs to know about one report once it has been coded.
struct ReportFacts {
  std::int64_t id = 0;
  std::string organisation, service_area;
  int year = 0;
  // Heading id (analysis::heading_id) -> themes raised under it. A heading present here
  // means the report has text under it, even if the set of themes is empty: that is what
  // makes the report count in the heading's denominator.
  std::map<std::string, std::set<std::string>> themes_by_heading;
};

enum class Dimension { organisation, service_area, year, heading };
std::string_view dimension_id(Dimension d);  // "organisation", "service-area", "year", "heading"

struct Cell {
  std::size_t reports_with_theme = 0;  // 0 when suppressed
  std::size_t reports_in_cell = 0;     // the denominator; 0 when suppressed
  std::optional<double> share;         // 0..1; absent when suppressed or the cell is empty
  bool suppressed = false;
  std::vector<std::int64_t> report_ids;  // reports raising the theme, for drill-down to
                                         // quotes; empty when suppressed
};

struct Matrix {
  Dimension by = Dimension::organisation;
  std::vector<std::string> columns;  // organisations, service areas, years or heading ids
  std::vector<std::string> themes;
  std::map<std::string, std::map<std::string, Cell>> cells;  // theme -> column -> cell
  std::map<std::string, Cell> overall;                       // theme -> all reports
  // Some reports are in no count at all: those of suppressed groups (left_out.hpp), so that
  // no total less the columns shown gives a suppressed count. Outputs say so when true.
  bool left_out = false;
};

struct SuppressionRule {
  std::size_t min_reports = 5;
  bool only_when_naming_organisation = true;
};

using ThemeLineage = std::map<std::string /*old id*/, std::string /*current id*/>;

// The current id for `theme_id`, following renames and merges through any number of
// codebook versions. Throws std::invalid_argument if the lineage has a cycle.
std::string current_theme_id(const std::string& theme_id, const ThemeLineage& lineage);

// The reports with every theme id replaced by its current id.
std::vector<ReportFacts> apply_lineage(std::vector<ReportFacts> reports,
                                       const ThemeLineage& lineage);

// Prevalence of each theme by `by`. `themes` fixes the rows and their order (after the
// lineage is applied); when empty, every theme raised is used, sorted by id. Columns come
// from the reports: organisations and service areas sorted by name, years ascending,
// headings in the order practitioners write them. The reports left_out_reports() names are
// counted nowhere; a column with only such reports is shown suppressed.
Matrix prevalence(const std::vector<ReportFacts>& reports, Dimension by,
                  const std::vector<std::string>& themes, const SuppressionRule& rule,
                  const ThemeLineage& lineage = {});

// Prevalence of each theme by year, after applying the codebook lineage.
Matrix trends(const std::vector<ReportFacts>& reports, const std::vector<std::string>& themes,
              const ThemeLineage& theme_lineage, const SuppressionRule& rule);

}  // namespace sgwrs::analysis
