#pragma once
// What the analysis pages share: reading the request (language, query values), the
// navigation and shell of every analysis page, labels, and the page handlers the route
// table (analysis_routes.cpp) calls. One file per resource group beside this one.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "analysis/model.hpp"
#include "analysis/text/codebook.hpp"
#include "http/core/app.hpp"

namespace sgwrs::http::analysis_ui {

using web::Data;
using web::list;
using web::obj;

std::string q(const Ctx& c, const std::string& name);
std::vector<std::string> all_values(const Ctx& c, const std::string& name);
Response failure(App& app, const Ctx& c, const Error& e);
std::string service_area_label(App& app, const Ctx& c, const std::string& id);
std::string heading_label(App& app, const Ctx& c, const std::string& id);
std::string theme_label(const std::map<std::string, std::string>& names, const std::string& id);
std::string percent(double share);
std::string fixed(std::optional<double> v, int places = 2);
analysis::Dimension dimension_from(const std::string& s);
CodingView view_from(const std::string& s);
std::string column_label(App& app, const Ctx& c, analysis::Dimension by, const std::string& col);
Data analysis_nav(App& app, const Ctx& c, const std::string& current);
Data analysis_shell(App& app, const Ctx& c, const std::string& title, const std::string& current);
Data options(const std::vector<std::pair<std::string, std::string>>& opts,
             const std::string& selected);
std::vector<std::pair<std::string, std::string>> area_options(App& app, const Ctx& c);
// The notes a matrix or findings file starts with, in the reader's language.
AnalysisResultsService::CountNotes count_notes(App& app, const Ctx& c);
Data theme_choices(const analysis::Codebook& cb, Language lang,
                   const std::set<std::string>& chosen);

// report pages
Response reports_page(App& app, Ctx& c);
Response report_page(App& app, Ctx& c, Id id, const Error* error = nullptr,
                     const std::string& memo = {}, const std::set<std::string>& chosen = {});
Response add_codings(App& app, Ctx& c);

// results pages
Response matrix_page(App& app, Ctx& c);
Response quotes_page(App& app, Ctx& c);
Response framework_page(App& app, Ctx& c);
Response agreement_page(App& app, Ctx& c);
Response quality_page(App& app, Ctx& c);
// The learned model's part of the quality page (model_view.cpp), and its retrain button.
void add_model_section(App& app, const Ctx& c, web::Data& d);
Response train_model(App& app, Ctx& c);

// findings pages
Response findings_page(App& app, Ctx& c);
std::vector<Field> finding_fields(const FindingRow& f);

// codebook pages
Response codebook_page(App& app, Ctx& c, const Error* error = nullptr,
                       const std::string& typed = {});

// import pages
std::vector<Field> import_fields(App& app, const Ctx& c, const ReportDetails& d);
Response import_page(App& app, Ctx& c, const ReportDetails& details, const Error* error,
                     const std::vector<ImportOutcome>* outcomes);
Response do_import(App& app, Ctx& c);

}  // namespace sgwrs::http::analysis_ui
