#include "analysis/report/matrix_tables.hpp"

#include <cmath>

#include <fmt/format.h>

#include "analysis/model.hpp"
#include "analysis/report/findings.hpp"

namespace sgwrs::analysis {

namespace {

std::string name_of(const std::string& theme, const std::map<std::string, std::string>& names) {
  auto it = names.find(theme);
  return it != names.end() ? it->second : theme;
}

std::string percent_text(const Cell& c) {
  if (!c.share) return {};
  return fmt::format("{:.1f}", *c.share * 100.0);
}

// Heading columns are shown by their label, others as they are.
std::string column_label(const Matrix& m, const std::string& column, Language lang) {
  if (m.by == Dimension::heading)
    if (auto h = parse_heading_id(column)) return std::string(heading_label(*h, lang));
  return column;
}

std::string wide_cell(const Cell& c, Language lang) {
  if (c.suppressed)
    return lang == Language::cy ? "wedi’i atal (llai na’r lleiafswm)"
                                : "suppressed (too few reports)";
  if (!c.share) return "";
  const long pct = static_cast<long>(std::floor(*c.share * 100.0 + 0.5));
  return fmt::format(fmt::runtime(lang == Language::cy ? "{} o {} ({}%)" : "{} of {} ({}%)"),
                     c.reports_with_theme, c.reports_in_cell, pct);
}

}  // namespace

Table matrix_long_table(const Matrix& m, const std::map<std::string, std::string>& theme_names,
                        Language lang) {
  Table t;
  t.header = {"dimension",          "column",          "theme_id", "theme",
              "reports_with_theme", "reports_in_cell", "percent",  "note"};
  auto add = [&](const std::string& column, const std::string& theme, const Cell& c) {
    t.rows.push_back({std::string(dimension_id(m.by)), column, theme, name_of(theme, theme_names),
                      c.suppressed ? "" : std::to_string(c.reports_with_theme),
                      c.suppressed ? "" : std::to_string(c.reports_in_cell), percent_text(c),
                      c.suppressed ? (lang == Language::cy ? "wedi’i atal" : "suppressed") : ""});
  };
  for (const std::string& theme : m.themes) {
    auto row = m.cells.find(theme);
    for (const std::string& column : m.columns)
      if (row != m.cells.end())
        if (auto c = row->second.find(column); c != row->second.end())
          add(column, theme, c->second);
    if (auto o = m.overall.find(theme); o != m.overall.end()) add("all", theme, o->second);
  }
  return t;
}

Table matrix_wide_table(const Matrix& m, const std::map<std::string, std::string>& theme_names,
                        Language lang) {
  Table t;
  t.header.push_back(lang == Language::cy ? "Thema" : "Theme");
  for (const std::string& column : m.columns) t.header.push_back(column_label(m, column, lang));
  t.header.push_back(lang == Language::cy ? "Pob adroddiad" : "All reports");
  for (const std::string& theme : m.themes) {
    std::vector<std::string> r{name_of(theme, theme_names)};
    auto row = m.cells.find(theme);
    for (const std::string& column : m.columns) {
      const Cell* c = nullptr;
      if (row != m.cells.end())
        if (auto it = row->second.find(column); it != row->second.end()) c = &it->second;
      r.push_back(c ? wide_cell(*c, lang) : "");
    }
    auto o = m.overall.find(theme);
    r.push_back(o != m.overall.end() ? wide_cell(o->second, lang) : "");
    t.rows.push_back(std::move(r));
  }
  return t;
}

}  // namespace sgwrs::analysis
