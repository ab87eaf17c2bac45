#include "analysis/report/prevalence.hpp"

#include <algorithm>
#include <stdexcept>

#include "analysis/model.hpp"
#include "analysis/report/left_out.hpp"

namespace sgwrs::analysis {

std::string_view dimension_id(Dimension d) {
  switch (d) {
    case Dimension::organisation:
      return "organisation";
    case Dimension::service_area:
      return "service-area";
    case Dimension::year:
      return "year";
    case Dimension::heading:
      break;
  }
  return "heading";
}

std::string current_theme_id(const std::string& theme_id, const ThemeLineage& lineage) {
  std::string id = theme_id;
  // A chain can be at most as long as the lineage; any longer means a cycle.
  for (std::size_t steps = 0; steps <= lineage.size(); ++steps) {
    auto it = lineage.find(id);
    if (it == lineage.end() || it->second == id) return id;
    id = it->second;
  }
  throw std::invalid_argument("theme lineage has a cycle through '" + theme_id + "'");
}

std::vector<ReportFacts> apply_lineage(std::vector<ReportFacts> reports,
                                       const ThemeLineage& lineage) {
  if (lineage.empty()) return reports;
  for (ReportFacts& r : reports)
    for (auto& [heading, themes] : r.themes_by_heading) {
      std::set<std::string> current;
      for (const std::string& t : themes) current.insert(current_theme_id(t, lineage));
      themes = std::move(current);
    }
  return reports;
}

namespace {

// The columns a report belongs to under `by` (several for headings).
std::vector<std::string> columns_of(const ReportFacts& r, Dimension by) {
  switch (by) {
    case Dimension::organisation:
      return {r.organisation};
    case Dimension::service_area:
      return {r.service_area};
    case Dimension::year:
      return {std::to_string(r.year)};
    case Dimension::heading:
      break;
  }
  std::vector<std::string> headings;
  for (const auto& [heading, themes] : r.themes_by_heading) headings.push_back(heading);
  return headings;
}

std::vector<std::string> ordered_columns(const std::set<std::string>& found, Dimension by) {
  std::vector<std::string> columns(found.begin(), found.end());
  if (by == Dimension::year) {
    std::sort(columns.begin(), columns.end(), [](const std::string& a, const std::string& b) {
      return std::stoll(a) < std::stoll(b);
    });
  } else if (by == Dimension::heading) {
    // Known headings in writing order, anything unrecognised after them by name.
    auto rank = [](const std::string& id) {
      auto h = parse_heading_id(id);
      return h ? static_cast<int>(*h) : 100;
    };
    std::stable_sort(columns.begin(), columns.end(),
                     [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
  }
  return columns;
}

Cell make_cell(std::vector<std::int64_t> ids, std::size_t denominator, bool may_suppress,
               const SuppressionRule& rule) {
  Cell c;
  if (may_suppress && denominator < rule.min_reports) {
    c.suppressed = true;
    return c;
  }
  c.reports_with_theme = ids.size();
  c.reports_in_cell = denominator;
  if (denominator > 0) c.share = static_cast<double>(ids.size()) / static_cast<double>(denominator);
  c.report_ids = std::move(ids);
  return c;
}

}  // namespace

Matrix prevalence(const std::vector<ReportFacts>& reports, Dimension by,
                  const std::vector<std::string>& themes, const SuppressionRule& rule,
                  const ThemeLineage& lineage) {
  Matrix m;
  m.by = by;

  // One pass over the reports: denominators per column, and for each theme the reports
  // raising it per column and overall. Theme ids are mapped to their current ids first.
  std::map<std::string, std::size_t> in_column;
  std::map<std::string, std::map<std::string, std::vector<std::int64_t>>> raising;  // theme->col
  std::map<std::string, std::vector<std::int64_t>> raising_anywhere;
  std::set<std::string> found;  // every column, even one whose reports are all left out
  const auto left_out = left_out_reports(reports, rule);
  m.left_out = !left_out.empty();
  std::size_t counted = 0;
  for (const ReportFacts& r : reports) {
    if (left_out.count(r.id)) {
      for (const std::string& column : columns_of(r, by)) found.insert(column);
      continue;
    }
    ++counted;
    std::map<std::string, std::set<std::string>> by_heading;
    std::set<std::string> anywhere;
    for (const auto& [heading, ts] : r.themes_by_heading) {
      auto& current = by_heading[heading];
      for (const std::string& t : ts) current.insert(current_theme_id(t, lineage));
      anywhere.insert(current.begin(), current.end());
    }
    for (const std::string& theme : anywhere) raising_anywhere[theme].push_back(r.id);
    for (const std::string& column : columns_of(r, by)) {
      ++in_column[column];
      // Under a heading only what was raised there counts; elsewhere, anything raised.
      const std::set<std::string>& here = by == Dimension::heading ? by_heading[column] : anywhere;
      for (const std::string& theme : here) raising[theme][column].push_back(r.id);
    }
  }

  // Rows: the requested themes under their current ids, without repeats; or every theme.
  if (themes.empty()) {
    for (const auto& [theme, ids] : raising_anywhere) m.themes.push_back(theme);
  } else {
    std::set<std::string> seen;
    for (const std::string& t : themes) {
      std::string current = current_theme_id(t, lineage);
      if (seen.insert(current).second) m.themes.push_back(current);
    }
  }

  for (const auto& [column, n] : in_column) found.insert(column);
  m.columns = ordered_columns(found, by);

  const bool column_names_organisation = by == Dimension::organisation;
  const bool suppress_columns = column_names_organisation || !rule.only_when_naming_organisation;
  // A column whose reports are all left out has nothing to show, and says why.
  auto may_suppress = [&](const std::string& column) {
    return suppress_columns || in_column[column] == 0;
  };
  // With every report left out there is no total to show, only a reason.
  const bool suppress_overall = !rule.only_when_naming_organisation || (counted == 0 && m.left_out);

  for (const std::string& theme : m.themes) {
    auto& row = m.cells[theme];
    auto& theme_raising = raising[theme];
    for (const std::string& column : m.columns)
      row.emplace(column, make_cell(std::move(theme_raising[column]), in_column[column],
                                    may_suppress(column), rule));
    m.overall.emplace(
        theme, make_cell(std::move(raising_anywhere[theme]), counted, suppress_overall, rule));
  }
  return m;
}

Matrix trends(const std::vector<ReportFacts>& reports, const std::vector<std::string>& themes,
              const ThemeLineage& theme_lineage, const SuppressionRule& rule) {
  return prevalence(reports, Dimension::year, themes, rule, theme_lineage);
}

}  // namespace sgwrs::analysis
