// The record under /api/v1: people (with ?q= as the search), families, conversations,
// stories, break-glass and the record's trail. Handlers decode, call RecordService (which
// decides access and audits) and encode; versions travel as ETag and If-Match.
#include "http/core/api_support.hpp"
#include "http/record/record_api_support.hpp"
#include "http/record/record_json.hpp"

namespace sgwrs::http {

using namespace api;
namespace rj = record;
using namespace record_api;

namespace {

Response search_people(Api api, Ctx& c) {
  const auto q = c.query.find("q");
  if (q == c.query.end()) return api.app.api_error(c, bhttp::status::bad_request, "q_required");
  return items(api, c, api.app.svc().records.search_people(*c.actor, q->second));
}

Response get_person(Api api, Ctx& c, Id id) {
  auto r = api.app.svc().records.view_person(*c.actor, id);
  return one(api, c, r, r ? r->person.version : 0);
}

Response update_person(Api api, Ctx& c, Id id) {
  auto v = api.if_match(c);
  if (auto* e = std::get_if<Response>(&v)) return std::move(*e);
  auto b = api.body(c, rj::kPersonFields);
  if (auto* e = std::get_if<Response>(&b)) return std::move(*e);
  auto& in = std::get<JsonInput>(b);
  auto& records = api.app.svc().records;
  auto current = records.view_person(*c.actor, id);
  if (!current) return api.app.api_error(c, current.error());
  Person p = current->person;
  std::string bad;
  rj::read_person(in, p, bad);
  if (auto e = input_problem(api, c, in, bad)) return std::move(*e);
  p.version = std::get<std::int64_t>(v);
  auto r = records.update_person(*c.actor, p);
  return one(api, c, r, r ? r->version : 0);
}

Response create_family(Api api, Ctx& c) {
  auto b = api.body(c, {"name", "opened_on", "status", "lead_worker_id", "members"});
  if (auto* e = std::get_if<Response>(&b)) return std::move(*e);
  auto& in = std::get<JsonInput>(b);
  NewFamily f;
  f.name = in.text("name").value_or("");
  f.opened_on = in.text("opened_on").value_or("");
  f.lead_worker_id = in.integer("lead_worker_id");
  std::string bad;
  if (auto s = in.text("status")) {
    if (auto st = kInvolvementStatuses.parse(*s))
      f.status = *st;
    else
      bad = "status";
  }
  for (auto& m : in.objects("members", rj::kPersonFields).value_or(std::vector<JsonInput>{})) {
    NewMember nm;
    rj::read_person(m, nm.person, bad);
    if (auto role = m.text("role")) {
      if (auto r = kMemberRoles.parse(*role))
        nm.role = *r;
      else
        bad = "members.role";
    }
    if (m.problem() && bad.empty()) bad = "members";
    f.members.push_back(std::move(nm));
  }
  if (auto e = input_problem(api, c, in, bad)) return std::move(*e);
  auto r = api.app.svc().records.create_family(*c.actor, f);
  return one(api, c, r, r ? r->family.version : 0, bhttp::status::created);
}

Response get_family(Api api, Ctx& c, Id id) {
  auto r = api.app.svc().records.view_family(*c.actor, id);
  return one(api, c, r, r ? r->family.version : 0);
}

Response break_glass(Api api, Ctx& c, Id id) {
  auto b = api.body(c, {"reason", "minutes"});
  if (auto* e = std::get_if<Response>(&b)) return std::move(*e);
  auto& in = std::get<JsonInput>(b);
  BreakGlassRequest r{id, in.text("reason").value_or(""),
                      static_cast<int>(in.integer("minutes").value_or(60))};
  if (auto e = api.type_problem(c, in)) return std::move(*e);
  return one(api, c, api.app.svc().records.break_glass(*c.actor, r), 1, bhttp::status::created);
}

Response record_trail(Api api, Ctx& c, Id id) {
  return items(api, c, api.app.svc().records.record_trail(*c.actor, id));
}

Response save_conversation(Api api, Ctx& c, std::optional<Id> id) {
  std::optional<std::int64_t> version;
  if (id) {
    auto v = api.if_match(c);
    if (auto* e = std::get_if<Response>(&v)) return std::move(*e);
    version = std::get<std::int64_t>(v);
  }
  auto b = api.body(c, rj::kConversationFields);
  if (auto* e = std::get_if<Response>(&b)) return std::move(*e);
  auto& in = std::get<JsonInput>(b);
  auto& records = api.app.svc().records;
  Conversation v;
  if (id) {
    auto current = records.get_conversation(*c.actor, *id);
    if (!current) return api.app.api_error(c, current.error());
    v = *current;
    v.version = *version;
  }
  std::string bad;
  rj::read_conversation(in, v, bad);
  const auto client_key = in.text("client_key").value_or("");
  if (auto e = input_problem(api, c, in, bad)) return std::move(*e);
  auto r = records.save_conversation(*c.actor, v, client_key);
  return one(api, c, r, r ? r->version : 0, id ? bhttp::status::ok : bhttp::status::created);
}

Response get_conversation(Api api, Ctx& c, Id id) {
  auto r = api.app.svc().records.get_conversation(*c.actor, id);
  return one(api, c, r, r ? r->version : 0);
}

Response story_of(Api api, Ctx& c, StorySubject subject, Id id) {
  return items(api, c, api.app.svc().records.story_history(*c.actor, subject, id));
}

// The story's version is the ETag: If-Match "0" writes the first one.
Response save_story(Api api, Ctx& c, StorySubject subject, Id id) {
  auto v = api.if_match(c);
  if (auto* e = std::get_if<Response>(&v)) return std::move(*e);
  auto b = api.body(c, {"text"});
  if (auto* e = std::get_if<Response>(&b)) return std::move(*e);
  auto& in = std::get<JsonInput>(b);
  auto text = in.text("text").value_or("");
  if (auto e = api.type_problem(c, in)) return std::move(*e);
  auto r = api.app.svc().records.save_story(*c.actor, subject, id, text, std::get<std::int64_t>(v));
  return one(api, c, r, r ? r->version : 0);
}

}  // namespace

void register_record_api(Router& r, App& app) {
  Api api{app};
  using bhttp::verb;
  const auto family_story = [](Api a, Ctx& c, Id id) {
    return story_of(a, c, StorySubject::family, id);
  };
  const auto person_story = [](Api a, Ctx& c, Id id) {
    return story_of(a, c, StorySubject::person, id);
  };
  r.add(verb::get, "/api/v1/people", signed_in(api, search_people));
  r.add(verb::get, "/api/v1/people/{id}", with_id(api, get_person));
  r.add(verb::patch, "/api/v1/people/{id}", with_id(api, update_person));
  r.add(verb::get, "/api/v1/people/{id}/story", with_id(api, person_story));
  r.add(verb::put, "/api/v1/people/{id}/story", with_id(api, [](Api a, Ctx& c, Id id) {
          return save_story(a, c, StorySubject::person, id);
        }));
  r.add(verb::post, "/api/v1/families", signed_in(api, create_family));
  r.add(verb::get, "/api/v1/families/{id}", with_id(api, get_family));
  r.add(verb::get, "/api/v1/families/{id}/story", with_id(api, family_story));
  r.add(verb::put, "/api/v1/families/{id}/story", with_id(api, [](Api a, Ctx& c, Id id) {
          return save_story(a, c, StorySubject::family, id);
        }));
  r.add(verb::post, "/api/v1/families/{id}/break-glass", with_id(api, break_glass));
  r.add(verb::get, "/api/v1/families/{id}/trail", with_id(api, record_trail));
  r.add(verb::post, "/api/v1/conversations",
        signed_in(api, [](Api a, Ctx& c) { return save_conversation(a, c, std::nullopt); }));
  r.add(verb::get, "/api/v1/conversations/{id}", with_id(api, get_conversation));
  r.add(verb::put, "/api/v1/conversations/{id}",
        with_id(api, [](Api a, Ctx& c, Id id) { return save_conversation(a, c, id); }));
}

}  // namespace sgwrs::http
