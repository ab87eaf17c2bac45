// Personal outcomes under /api/v1: a person's outcomes (GET, POST with its baseline), one
// outcome (GET, PATCH with If-Match), its reviews (POST), and the well-being frameworks
// (GET; POST for administrators loading another). Handlers decode, call OutcomeService
// (which decides access and audits) and encode.
#include "http/record/record_api_support.hpp"

namespace sgwrs::http {

using namespace api;
using namespace record_api;
namespace rj = record;

namespace {

// The gentle prompt beside a statement that reads like a service, in the caller's language;
// null when there is none.
bj::value prompt_json(Api& api, Ctx& c, const std::string& phrase) {
  if (phrase.empty()) return nullptr;
  return bj::object{{"code", "reads_like_service"},
                    {"phrase", phrase},
                    {"message", api.app.cat().format(c.lang, "record.outcome.reads_like_service",
                                                     {{"phrase", phrase}})},
                    {"question", api.app.t(c, "record.outcome.rewording_question")}};
}

Response saved(Api& api, Ctx& c, const Result<OutcomeSaved>& r, bhttp::status s) {
  if (!r) return api.app.api_error(c, r.error());
  auto o = rj::to_json(r->outcome);
  o["prompt"] = prompt_json(api, c, r->reads_like_service);
  return api.ok(c, std::move(o), r->outcome.version, s);
}

Response frameworks(Api api, Ctx& c) {
  auto r = api.app.svc().outcomes.frameworks(*c.actor);
  if (!r) return api.app.api_error(c, r.error());
  bj::array out;
  for (const auto& f : *r) out.push_back(rj::to_json(f));
  return json(c.req, bhttp::status::ok,
              bj::serialize(bj::object{{"items", std::move(out)}, {"next_cursor", nullptr}}));
}

Response load_framework(Api api, Ctx& c) {
  auto b = api.body(c, {"framework_id", "name_en", "name_cy", "current", "areas"});
  if (auto* e = std::get_if<Response>(&b)) return std::move(*e);
  auto& in = std::get<JsonInput>(b);
  WellbeingFramework f;
  f.id = in.text("framework_id").value_or("");
  f.name_en = in.text("name_en").value_or("");
  f.name_cy = in.text("name_cy").value_or("");
  std::string bad;
  for (auto& a : in.objects("areas", {"area_id", "name_en", "name_cy", "applies_to"})
                     .value_or(std::vector<JsonInput>{})) {
    WellbeingArea area{a.text("area_id").value_or(""), a.text("name_en").value_or(""),
                       a.text("name_cy").value_or("")};
    rj::read_closed(a, "applies_to", kAreaAppliesTo, area.applies_to, bad);
    if (a.problem() && bad.empty()) bad = "areas";
    f.areas.push_back(std::move(area));
  }
  const bool current = in.boolean("current").value_or(false);
  if (auto e = input_problem(api, c, in, bad)) return std::move(*e);
  auto r = api.app.svc().outcomes.load_framework(*c.actor, f, current);
  if (!r) return api.app.api_error(c, r.error());
  return api.ok(c, rj::to_json(*r), 1, bhttp::status::created);
}

Response outcomes_of(Api api, Ctx& c, Id person) {
  return items(api, c, api.app.svc().outcomes.of_person(*c.actor, person));
}

Response create_outcome(Api api, Ctx& c, Id person) {
  auto b = api.body(c, rj::kOutcomeFields);
  if (auto* e = std::get_if<Response>(&b)) return std::move(*e);
  auto& in = std::get<JsonInput>(b);
  Outcome o;
  std::string bad;
  rj::read_outcome(in, o, bad);
  NewOutcome n{person, o.statement, o.importance, o.areas, o.scale, {}};
  rj::read_review(in, n.baseline);
  if (auto e = input_problem(api, c, in, bad)) return std::move(*e);
  return saved(api, c, api.app.svc().outcomes.create(*c.actor, n), bhttp::status::created);
}

Response get_outcome(Api api, Ctx& c, Id id) {
  auto r = api.app.svc().outcomes.get(*c.actor, id);
  return one(api, c, r, r ? r->version : 0);
}

Response update_outcome(Api api, Ctx& c, Id id) {
  auto v = api.if_match(c);
  if (auto* e = std::get_if<Response>(&v)) return std::move(*e);
  auto b = api.body(c, rj::kOutcomeEditFields);
  if (auto* e = std::get_if<Response>(&b)) return std::move(*e);
  auto& in = std::get<JsonInput>(b);
  auto& outcomes = api.app.svc().outcomes;
  auto current = outcomes.get(*c.actor, id);
  if (!current) return api.app.api_error(c, current.error());
  Outcome o = *current;
  std::string bad;
  rj::read_outcome(in, o, bad);
  if (auto e = input_problem(api, c, in, bad)) return std::move(*e);
  o.version = std::get<std::int64_t>(v);
  return saved(api, c, outcomes.update(*c.actor, o), bhttp::status::ok);
}

Response add_review(Api api, Ctx& c, Id id) {
  auto b = api.body(c, rj::kReviewFields);
  if (auto* e = std::get_if<Response>(&b)) return std::move(*e);
  auto& in = std::get<JsonInput>(b);
  OutcomeReview r;
  r.outcome_id = id;
  rj::read_review(in, r);
  std::optional<OutcomeStatus> status;
  std::string bad;
  if (auto s = in.text("status")) {
    status = kOutcomeStatuses.parse(*s);
    if (!status) bad = "status";
  }
  if (auto e = input_problem(api, c, in, bad)) return std::move(*e);
  auto saved = api.app.svc().outcomes.review(*c.actor, r, status);
  return one(api, c, saved, saved ? saved->version : 0, bhttp::status::created);
}

}  // namespace

void register_outcome_api(Router& r, App& app) {
  Api api{app};
  using bhttp::verb;
  r.add(verb::get, "/api/v1/frameworks", signed_in(api, frameworks));
  r.add(verb::post, "/api/v1/frameworks", signed_in(api, load_framework));
  r.add(verb::get, "/api/v1/people/{id}/outcomes", with_id(api, outcomes_of));
  r.add(verb::post, "/api/v1/people/{id}/outcomes", with_id(api, create_outcome));
  r.add(verb::get, "/api/v1/outcomes/{id}", with_id(api, get_outcome));
  r.add(verb::patch, "/api/v1/outcomes/{id}", with_id(api, update_outcome));
  r.add(verb::post, "/api/v1/outcomes/{id}/reviews", with_id(api, add_review));
}

}  // namespace sgwrs::http
