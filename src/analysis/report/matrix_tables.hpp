#pragma once
// Prevalence matrices as plain tables, for CSV and XLSX export: a tidy "long" table (one
// row per theme and cell, numbers in their own columns, good for further analysis) and a
// "wide" one laid out like the page (themes down, cells across).
#include <map>
#include <string>

#include "analysis/report/prevalence.hpp"
#include "analysis/report/table.hpp"
#include "domain/core/language.hpp"

namespace sgwrs::analysis {

// Header: dimension, column, theme_id, theme, reports_with_theme, reports_in_cell,
// percent, note. Columns and themes appear by id (headings as "getting-in-the-way"). Suppressed
// cells have empty numbers and the note "suppressed". The overall figures come last per theme,
// under the column "all".
Table matrix_long_table(const Matrix& m, const std::map<std::string, std::string>& theme_names,
                        Language lang = Language::en);

// Header: Theme, then each column, then "All reports"; cells read "34 of 52 (65%)".
Table matrix_wide_table(const Matrix& m, const std::map<std::string, std::string>& theme_names,
                        Language lang = Language::en);

}  // namespace sgwrs::analysis
