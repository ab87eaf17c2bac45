// The analysis pages' route table: every URL under /analysis and the handler it calls.
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

namespace sgwrs::http {

using namespace analysis_ui;

void register_analysis_routes(Router& r, App& app) {
  auto signed_in = [&app](auto handler) {
    return [handler, &app](Ctx& c) {
      if (!c.signed_in()) return app.require_sign_in(c);
      return handler(c);
    };
  };
  // A page that needs only the request: signed in, then the handler.
  auto page = [&r, &app, signed_in](bhttp::verb v, const char* path,
                                    Response (*handler)(App&, Ctx&)) {
    r.add(v, path, signed_in([&app, handler](Ctx& c) { return handler(app, c); }));
  };
  page(bhttp::verb::get, "/analysis", reports_page);
  r.add(bhttp::verb::get, "/analysis/reports/{id}", signed_in([&app](Ctx& c) {
          auto id = parse_id(c.params["id"]);
          if (!id) return app.error_page(c, bhttp::status::not_found);
          return report_page(app, c, *id);
        }));
  page(bhttp::verb::post, "/analysis/reports/{id}/codings", add_codings);
  r.add(bhttp::verb::post, "/analysis/reports/{id}/codings/{coding}/delete",
        signed_in([&app](Ctx& c) {
          auto id = parse_id(c.params["id"]);
          auto coding = parse_id(c.params["coding"]);
          if (!id || !coding) return app.error_page(c, bhttp::status::not_found);
          auto s = app.svc().analysis.delete_coding(*c.actor, *id, *coding);
          if (!s) return failure(app, c, s.error());
          return redirect(c.req, local_url("/analysis/reports/" + std::to_string(*id),
                                           {{"done", "uncoded"}}, "codings"));
        }));
  for (const char* decision : {"accept", "reject"})
    r.add(bhttp::verb::post, std::string("/analysis/suggestions/{id}/") + decision,
          signed_in([&app, accept = std::string(decision) == "accept"](Ctx& c) {
            auto id = parse_id(c.params["id"]);
            if (!id) return app.error_page(c, bhttp::status::not_found);
            auto s = app.svc().analysis.decide_suggestion(*c.actor, *id, accept);
            if (!s) return failure(app, c, s.error());
            return redirect(c.req,
                            local_url("/analysis/reports/" + std::to_string(s->report_id),
                                      {{"done", std::string(kSuggestionStatuses.id(s->status))}},
                                      "suggestions"));
          }));
  r.add(bhttp::verb::post, "/analysis/suggestions/refresh", signed_in([&app](Ctx& c) {
          auto n = app.svc().analysis.resuggest_all(*c.actor);
          if (!n) return failure(app, c, n.error());
          return redirect(c.req, local_url("/analysis/codebook", {{"done", "resuggested"}}));
        }));
  r.add(bhttp::verb::get, "/analysis/import", signed_in([&app](Ctx& c) {
          if (auto s = app.svc().analysis.may_write(*c.actor); !s)
            return failure(app, c, s.error());
          return import_page(app, c, {}, nullptr, nullptr);
        }));
  r.add(bhttp::verb::post, "/analysis/import",
        signed_in([&app](Ctx& c) { return do_import(app, c); }),
        {[&app](const Actor& a) { return app.svc().analysis.can_write(a); }});
  page(bhttp::verb::get, "/analysis/matrix", matrix_page);
  page(bhttp::verb::get, "/analysis/framework", framework_page);
  page(bhttp::verb::get, "/analysis/quotes", quotes_page);
  page(bhttp::verb::get, "/analysis/agreement", agreement_page);
  page(bhttp::verb::get, "/analysis/quality", quality_page);
  page(bhttp::verb::post, "/analysis/quality/train", train_model);
  page(bhttp::verb::get, "/analysis/findings", findings_page);
  r.add(bhttp::verb::post, "/analysis/findings/draft", signed_in([&app](Ctx& c) {
          std::optional<int> year;
          if (auto y = parse_number<int>(field(form_of(c), "year"))) year = *y;
          auto rows = app.svc().results.draft_findings(*c.actor, year, c.lang);
          if (!rows) return failure(app, c, rows.error());
          return redirect(c.req, local_url("/analysis/findings", {{"done", "drafted"}}));
        }));
  r.add(bhttp::verb::get, "/analysis/findings/{id}/edit", signed_in([&app](Ctx& c) {
          auto id = parse_id(c.params["id"]);
          if (!id) return app.error_page(c, bhttp::status::not_found);
          auto f = app.svc().results.finding_for_edit(*c.actor, *id);
          if (!f) return failure(app, c, f.error());
          return app.form_page(c, app.t(c, "analysis.findings.edit"), c.path, finding_fields(*f),
                               "core.common.save", "/analysis/findings", nullptr, f->version);
        }));
  r.add(bhttp::verb::post, "/analysis/findings/{id}/edit", signed_in([&app](Ctx& c) {
          const auto& f = form_of(c);
          auto id = parse_id(c.params["id"]);
          if (!id) return app.error_page(c, bhttp::status::not_found);
          FindingRow row;
          row.id = *id;
          row.what_data_shows = field(f, "what_data_shows");
          row.why_it_matters = field(f, "why_it_matters");
          row.version = parse_number(field(f, "version")).value_or(0);  // 0: stale
          auto saved = app.svc().results.update_finding(*c.actor, row);
          if (saved) return redirect(c.req, local_url("/analysis/findings", {{"done", "saved"}}));
          if (saved.error().code == Errc::forbidden || saved.error().code == Errc::not_found)
            return failure(app, c, saved.error());
          // What was typed is shown again, stale or invalid, so nothing is lost.
          return app.form_page(c, app.t(c, "analysis.findings.edit"), c.path, finding_fields(row),
                               "core.common.save", "/analysis/findings", &saved.error(),
                               row.version);
        }));
  // Swap a quote for the next candidate, pin or unpin it: forms with the finding's version.
  for (const char* act : {"swap", "pin", "unpin"})
    r.add(bhttp::verb::post, std::string("/analysis/findings/{id}/quotes/{n}/") + act,
          signed_in([&app, action = std::string(act)](Ctx& c) {
            auto id = parse_id(c.params["id"]);
            auto n = parse_number<std::size_t>(c.params["n"]);
            if (!id || !n) return app.error_page(c, bhttp::status::not_found);
            const auto version = parse_number(field(form_of(c), "version")).value_or(0);
            auto& results = app.svc().results;
            auto done = action == "swap"
                            ? results.swap_quote(*c.actor, *id, *n, version)
                            : results.pin_quote(*c.actor, *id, *n, action == "pin", version);
            if (done)
              return redirect(c.req, local_url("/analysis/findings",
                                               {{"done", action == "swap"  ? "swapped"
                                                         : action == "pin" ? "pinned"
                                                                           : "unpinned"}}));
            // Someone else changed the finding first: show it as it is now, and say so.
            if (done.error().code == Errc::stale)
              return redirect(c.req, local_url("/analysis/findings", {{"done", "quote_stale"}}));
            return failure(app, c, done.error());
          }));
  for (const char* fmt : {"md", "html"})
    r.add(bhttp::verb::get, std::string("/analysis/findings.") + fmt,
          signed_in([&app, format = std::string(fmt)](Ctx& c) {
            AnalysisResultsService::AreaNames areas;
            for (const auto& [id, label] : area_options(app, c)) areas[id] = label;
            auto doc = app.svc().results.findings_document(*c.actor, format, c.lang, areas,
                                                           count_notes(app, c));
            if (!doc) return failure(app, c, doc.error());
            return download(
                c.req, std::move(*doc),
                format == "md" ? "text/markdown; charset=utf-8" : "text/html; charset=utf-8",
                "findings." + format);
          }));
  r.add(bhttp::verb::get, "/analysis/codebook",
        signed_in([&app](Ctx& c) { return codebook_page(app, c); }));
  r.add(bhttp::verb::get, "/analysis/codebook.json", signed_in([&app](Ctx& c) {
          auto v = app.svc().analysis.codebook(*c.actor);
          if (!v) return failure(app, c, v.error());
          return download(c.req, v->body_json, "application/json", "codebook.json");
        }));
  r.add(bhttp::verb::post, "/analysis/codebook", signed_in([&app](Ctx& c) {
          const auto& f = form_of(c);
          std::string json = field(f, "codebook");
          for (const auto& part : c.files)
            if (part.name == "codebook_file" && !part.body.empty()) json = part.body;
          const int based_on = parse_number<int>(field(f, "version")).value_or(-1);
          auto saved = app.svc().analysis.save_codebook(*c.actor, json, field(f, "note"), based_on);
          if (saved)
            return redirect(c.req, local_url("/analysis/codebook", {{"done", "codebook_saved"}}));
          if (saved.error().code == Errc::forbidden) return failure(app, c, saved.error());
          return codebook_page(app, c, &saved.error(), json);
        }));
  r.add(bhttp::verb::get, "/analysis/export", signed_in([&app](Ctx& c) {
          if (auto s = app.svc().analysis.may_read(*c.actor); !s) return failure(app, c, s.error());
          Data d = analysis_shell(app, c, app.t(c, "analysis.export.title"), "/analysis/export");
          return app.page(c, "analysis_export", d);
        }));
  r.add(bhttp::verb::get, "/analysis/export/{name}", signed_in([&app](Ctx& c) {
          const std::string name = c.params["name"];
          auto bytes = app.svc().results.export_file(*c.actor, name, c.lang, CodingView::coded,
                                                     count_notes(app, c));
          if (!bytes) return failure(app, c, bytes.error());
          std::string type = "application/octet-stream";
          if (name.ends_with(".csv")) type = "text/csv; charset=utf-8";
          if (name.ends_with(".xlsx"))
            type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
          if (name.ends_with(".qdpx")) type = "application/zip";
          return download(c.req, std::move(*bytes), type, name);
        }));
}

}  // namespace sgwrs::http
