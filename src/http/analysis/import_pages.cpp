// Importing follow-up reports: files, with a reports.csv of their details or details typed
// for the whole upload.
#include <boost/json.hpp>

#include <algorithm>
#include <set>

#include "analysis/model.hpp"
#include "analysis/text/codebook.hpp"
#include "domain/core/numbers.hpp"
#include "domain/core/validation.hpp"
#include "http/analysis/analysis_pages.hpp"
#include "http/analysis/analysis_view.hpp"
#include "http/core/app.hpp"
#include "http/core/local_url.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"

namespace sgwrs::http::analysis_ui {

namespace bj = boost::json;

// ---- import ---------------------------------------------------------------------------

std::vector<Field> import_fields(App& app, const Ctx& c, const ReportDetails& d) {
  return {
      {"organisation_name", "core.fields.organisation_name", "core.hints.organisation_name", "text",
       d.organisation_name},
      {"organisation_ons", "core.fields.organisation_ons", "core.hints.ons_code", "text",
       d.organisation_ons},
      {"service_area", "core.fields.service_area", "", "select", d.service_area,
       area_options(app, c)},
      {"report_date", "core.fields.report_date", "core.hints.report_date", "text", d.report_date},
      {"group_size", "core.fields.group_size", "", "text",
       d.group_size ? std::to_string(d.group_size) : ""},
      {"title", "core.fields.report_title", "core.hints.report_title", "text", d.title}};
}

Response import_page(App& app, Ctx& c, const ReportDetails& details, const Error* error,
                     const std::vector<ImportOutcome>* outcomes) {
  Data d =
      app.form_data(c, app.t(c, "analysis.import.title"), "/analysis/import",
                    import_fields(app, c, details), "analysis.import.submit", "/analysis", error);
  d.set("analysis_nav", analysis_nav(app, c, "/analysis"));
  if (outcomes) {
    Data l = list();
    std::size_t imported = 0;
    for (const auto& o : *outcomes) {
      Data x = obj();
      x.set("file_name", o.file_name);
      if (o.report_id) {
        ++imported;
        x.set("ok", true);
        x.set("href", "/analysis/reports/" + std::to_string(*o.report_id));
        std::string note =
            app.t(c, "analysis.import.suggestions") + ": " + std::to_string(o.suggestions);
        for (const auto& w : o.warnings) note += " · " + app.t(c, "analysis.import_warnings." + w);
        x.set("message", note);
      } else {
        const std::string key = "analysis.import_errors." + o.error_code;
        x.set("message", app.cat().has(c.lang, key) ? app.t(c, key) : o.detail);
      }
      l.push_back(x);
    }
    d.set("outcomes", l);
    d.set("has_outcomes", true);
    d.set("imported", std::to_string(imported));
    d.set("total", std::to_string(outcomes->size()));
  }
  return app.page(c, "analysis_import", d,
                  error ? App::status_for(error->code) : bhttp::status::ok);
}

Response do_import(App& app, Ctx& c) {
  const auto& f = form_of(c);
  ReportDetails base{
      field(f, "title"),        field(f, "organisation_name"), field(f, "organisation_ons"),
      field(f, "service_area"), field(f, "report_date"),       0};
  // Empty: not given (0); anything but a number: -1, which the service refuses.
  const std::string group = field(f, "group_size");
  base.group_size = group.empty() ? 0 : parse_number<int>(group).value_or(-1);
  ReportsCsv csv;
  std::vector<ImportInput> inputs;
  for (const auto& part : c.files) {
    if (part.body.empty() && part.filename.empty()) continue;
    if (part.name == "metadata") {
      csv = AnalysisService::read_reports_csv(part.body);
      continue;
    }
    // Browsers send only the name; some send a path. Keep the last part.
    std::string name = part.filename.substr(part.filename.find_last_of("/\\") + 1);
    inputs.push_back({name, part.body, base});
  }
  if (inputs.empty()) {
    Validator v;
    v.fail("files", "files_required");
    return import_page(app, c, base, &v.status().error(), nullptr);
  }
  for (auto& in : inputs)
    in.details = AnalysisService::details_for(in.file_name, base, csv, inputs.size() == 1);
  auto out = app.svc().analysis.import(*c.actor, inputs);
  if (!out) return failure(app, c, out.error());
  for (auto& p : csv.problems) out->push_back(std::move(p));
  return import_page(app, c, base, nullptr, &*out);
}

}  // namespace sgwrs::http::analysis_ui
