// The JSON API for follow-up reports: list and read reports, code passages, decide
// suggestions, and read the prevalence matrix. Same services and rules as the pages.
#include <boost/json.hpp>

#include "domain/core/validation.hpp"
#include "http/analysis/findings_api.hpp"
#include "http/analysis/model_api.hpp"
#include "http/core/app.hpp"
#include "http/core/json_io.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"

namespace sgwrs::http {

namespace bj = boost::json;

namespace {

bj::object report_json(const FollowupReport& r) {
  return {{"id", r.id},
          {"title", r.title},
          {"file_name", r.file_name},
          {"format", r.format},
          {"language", r.language},
          {"organisation", r.organisation_name},
          {"organisation_ons", r.organisation_ons},
          {"service_area", r.service_area},
          {"date", r.report_date},
          {"year", r.year},
          {"group_size", r.group_size}};
}

bj::object coding_json(const Coding& k) {
  return {{"id", k.id},           {"theme", k.theme_id},
          {"start", k.start},     {"end", k.end},
          {"heading", k.heading}, {"coder", k.coder_name},
          {"memo", k.memo},       {"origin", kCodingOrigins.id(k.origin)}};
}

Response answer(App& app, Ctx& c, const Error& e) {
  return app.api_error(c, e);
}

}  // namespace

void register_analysis_api_routes(Router& r, App& app) {
  register_findings_api_routes(r, app);
  register_model_api_routes(r, app);
  r.add(bhttp::verb::get, "/api/v1/followup-reports", [&app](Ctx& c) {
    auto list = app.svc().analysis.list_reports(*c.actor, {});
    if (!list) return answer(app, c, list.error());
    bj::array items;
    for (const auto& s : *list) {
      auto o = report_json(s.report);
      o["codings"] = s.codings;
      o["pending_suggestions"] = s.pending_suggestions;
      items.push_back(o);
    }
    return json(c.req, bhttp::status::ok, bj::serialize(bj::object{{"items", items}}));
  });

  r.add(bhttp::verb::get, "/api/v1/followup-reports/{id}", [&app](Ctx& c) {
    auto id = parse_id(c.params["id"]);
    if (!id) return app.api_error(c, bhttp::status::not_found, "not_found");
    auto v = app.svc().analysis.view_report(*c.actor, *id);
    if (!v) return answer(app, c, v.error());
    auto o = report_json(v->report);
    o["text"] = v->report.body;
    bj::array sections, codings, suggestions;
    for (const auto& s : v->sections)
      sections.push_back(bj::object{{"heading", s.heading},
                                    {"heading_text", s.heading_text},
                                    {"start", s.start},
                                    {"end", s.end}});
    for (const auto& k : v->codings) codings.push_back(coding_json(k));
    for (const auto& s : v->suggestions)
      suggestions.push_back(bj::object{{"id", s.id},
                                       {"theme", s.theme_id},
                                       {"kind", kSegmentKinds.id(s.kind)},
                                       {"start", s.start},
                                       {"end", s.end},
                                       {"score", s.score_permille / 1000.0},
                                       {"status", kSuggestionStatuses.id(s.status)},
                                       {"model", s.model},
                                       {"evidence", bj::parse(s.evidence_json)}});
    o["sections"] = sections;
    o["codings"] = codings;
    o["suggestions"] = suggestions;
    return json(c.req, bhttp::status::ok, bj::serialize(o));
  });

  r.add(bhttp::verb::post, "/api/v1/followup-reports/{id}/codings", [&app](Ctx& c) {
    auto id = parse_id(c.params["id"]);
    if (!id) return app.api_error(c, bhttp::status::not_found, "not_found");
    auto parsed = app.json_body(c, {"theme", "start", "end", "memo"});
    if (auto* e = std::get_if<Response>(&parsed)) return std::move(*e);
    auto& in = std::get<JsonInput>(parsed);
    CodingRequest req{*id, {}, -1, -1, ""};
    if (auto t = in.text("theme")) req.theme_ids.push_back(*t);
    req.start = in.integer("start").value_or(-1);
    req.end = in.integer("end").value_or(-1);
    req.memo = in.text("memo").value_or("");
    if (in.problem())
      return app.api_error(c, bhttp::status::bad_request, in.problem()->code, in.problem()->detail);
    auto made = app.svc().analysis.add_coding(*c.actor, req);
    if (!made) return answer(app, c, made.error());
    bj::array items;
    for (const auto& k : *made) items.push_back(coding_json(k));
    return json(c.req, bhttp::status::created, bj::serialize(bj::object{{"items", items}}));
  });

  r.add(bhttp::verb::delete_, "/api/v1/followup-reports/{id}/codings/{coding}", [&app](Ctx& c) {
    auto id = parse_id(c.params["id"]);
    auto coding = parse_id(c.params["coding"]);
    if (!id || !coding) return app.api_error(c, bhttp::status::not_found, "not_found");
    auto s = app.svc().analysis.delete_coding(*c.actor, *id, *coding);
    if (!s) return answer(app, c, s.error());
    Response res{bhttp::status::no_content, c.req.version()};
    res.keep_alive(c.req.keep_alive());
    res.prepare_payload();
    return res;
  });

  r.add(bhttp::verb::post, "/api/v1/suggestions/{id}/decision", [&app](Ctx& c) {
    auto id = parse_id(c.params["id"]);
    if (!id) return app.api_error(c, bhttp::status::not_found, "not_found");
    auto parsed = app.json_body(c, {"accept"});
    if (auto* e = std::get_if<Response>(&parsed)) return std::move(*e);
    auto& in = std::get<JsonInput>(parsed);
    auto accept = in.boolean("accept");
    if (in.problem() || !accept)
      return app.api_error(c, bhttp::status::bad_request, "wrong_type", "accept");
    auto s = app.svc().analysis.decide_suggestion(*c.actor, *id, *accept);
    if (!s) return answer(app, c, s.error());
    return json(
        c.req, bhttp::status::ok,
        bj::serialize(bj::object{{"id", s->id}, {"status", kSuggestionStatuses.id(s->status)}}));
  });

  r.add(bhttp::verb::get, "/api/v1/analysis/matrix", [&app](Ctx& c) {
    auto by_it = c.query.find("by");
    const std::string by_id = by_it == c.query.end() ? "organisation" : by_it->second;
    analysis::Dimension by = analysis::Dimension::organisation;
    if (by_id == "service-area")
      by = analysis::Dimension::service_area;
    else if (by_id == "year")
      by = analysis::Dimension::year;
    else if (by_id == "heading")
      by = analysis::Dimension::heading;
    else if (by_id != "organisation")
      return app.api_error(c, bhttp::status::bad_request, "bad_dimension", by_id);
    auto view_it = c.query.find("view");
    const bool suggested = view_it != c.query.end() && view_it->second == "suggested";
    auto m = app.svc().results.matrix(*c.actor, by,
                                      suggested ? CodingView::suggested : CodingView::coded);
    if (!m) return answer(app, c, m.error());
    auto cell_json = [](const analysis::Cell& cell) {
      bj::object o{{"suppressed", cell.suppressed}};
      if (!cell.suppressed) {
        o["reports_with_theme"] = cell.reports_with_theme;
        o["reports_in_cell"] = cell.reports_in_cell;
        o["share"] = cell.share ? bj::value(*cell.share) : bj::value(nullptr);
      }
      return o;
    };
    bj::object themes;
    for (const auto& t : m->themes) {
      bj::object cols;
      for (const auto& col : m->columns) cols[col] = cell_json(m->cells[t][col]);
      themes[t] = bj::object{{"columns", cols}, {"overall", cell_json(m->overall[t])}};
    }
    bj::array columns;
    for (const auto& col : m->columns) columns.push_back(bj::value(col));
    return json(
        c.req, bhttp::status::ok,
        bj::serialize(bj::object{{"by", by_id},
                                 {"view", suggested ? "suggested" : "coded"},
                                 {"left_out", m->left_out},
                                 {"min_reports", app.svc().results.suppression().min_reports},
                                 {"columns", columns},
                                 {"themes", themes}}));
  });
}

}  // namespace sgwrs::http
