#include "http/analysis/findings_api.hpp"

#include <boost/json.hpp>

#include "domain/core/numbers.hpp"
#include "domain/core/validation.hpp"
#include "http/core/api_support.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"

namespace sgwrs::http {

namespace bj = boost::json;

namespace {

// A finding with its quotes numbered by `position`, the number the swap and pin paths take.
bj::object finding_json(const FindingRow& f) {
  bj::array quotes;
  std::int64_t position = 0;
  const bj::value parsed = bj::parse(f.quotes_json);
  for (const auto& v : parsed.as_array()) {
    bj::object q = v.as_object();
    q["position"] = position++;
    // Quotes drafted before they named their passage: shown, not choosable until redrafted.
    if (!q.contains("report_id")) {
      q["report_id"] = nullptr;
      q["pinned"] = false;
    }
    quotes.push_back(q);
  }
  return {{"id", f.id},
          {"theme", f.theme_id},
          {"ordinal", f.ordinal},
          {"what_data_shows", f.what_data_shows},
          {"why_it_matters", f.why_it_matters},
          {"year", f.drafted_year ? bj::value(*f.drafted_year) : bj::value(nullptr)},
          {"version", f.version},
          {"quotes", quotes}};
}

}  // namespace

void register_findings_api_routes(Router& r, App& app) {
  api::Api rest{app};
  r.add(bhttp::verb::get, "/api/v1/analysis/findings", [rest](Ctx& c) mutable {
    if (auto e = rest.need_actor(c)) return std::move(*e);
    auto rows = rest.app.svc().results.findings(*c.actor);
    if (!rows) return rest.app.api_error(c, rows.error());
    bj::array items;
    for (const auto& f : *rows) items.push_back(finding_json(f));
    return json(c.req, bhttp::status::ok, bj::serialize(bj::object{{"items", items}}));
  });

  // Each needs If-Match with the finding's version (428 without, 412 when stale) and answers
  // with the finding as it now is.
  enum class Act { swap, pin, unpin };
  auto route = [&r, rest](bhttp::verb verb, const char* path, Act act) {
    r.add(verb, path, [rest, act](Ctx& c) mutable {
      if (auto e = rest.need_actor(c)) return std::move(*e);
      auto id = rest.path_id(c);
      auto position = parse_number<std::size_t>(c.params["position"]);
      if (!id || !position) return rest.app.api_error(c, bhttp::status::not_found, "not_found");
      auto v = rest.if_match(c);
      if (auto* e = std::get_if<Response>(&v)) return std::move(*e);
      const auto version = std::get<std::int64_t>(v);
      auto& results = rest.app.svc().results;
      auto done = act == Act::swap
                      ? results.swap_quote(*c.actor, *id, *position, version)
                      : results.pin_quote(*c.actor, *id, *position, act == Act::pin, version);
      if (!done) return rest.app.api_error(c, done.error());
      return rest.ok(c, finding_json(*done), done->version);
    });
  };
  route(bhttp::verb::post, "/api/v1/analysis/findings/{id}/quotes/{position}/swap", Act::swap);
  route(bhttp::verb::put, "/api/v1/analysis/findings/{id}/quotes/{position}/pin", Act::pin);
  route(bhttp::verb::delete_, "/api/v1/analysis/findings/{id}/quotes/{position}/pin", Act::unpin);
}

}  // namespace sgwrs::http
