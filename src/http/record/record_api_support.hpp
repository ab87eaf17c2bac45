#pragma once
// What the record's API handlers share: answering one resource or a list of them, refusing
// a closed-set id Sgwrs does not know before any service is called, and the signed-in and
// numeric-id guards every route starts with.
#include <optional>
#include <string>
#include <vector>

#include "http/core/api_support.hpp"
#include "http/record/chronology_json.hpp"
#include "http/record/network_json.hpp"
#include "http/record/outcome_json.hpp"
#include "http/record/plan_json.hpp"
#include "http/record/record_json.hpp"
#include "http/record/safety_json.hpp"

namespace sgwrs::http::record_api {

using namespace api;

// A closed-set field with an unknown id, or a structural problem: answered before any
// service is called.
inline std::optional<Response> input_problem(Api& api, Ctx& c, JsonInput& in,
                                             const std::string& bad) {
  if (auto e = api.type_problem(c, in)) return e;
  if (bad.empty()) return std::nullopt;
  return api.app.api_error(c, Error{Errc::invalid, "invalid_input", "", {{bad, "unknown_value"}}});
}

template <typename T>
Response one(Api& api, Ctx& c, const Result<T>& r, std::int64_t version,
             bhttp::status s = bhttp::status::ok) {
  if (!r) return api.app.api_error(c, r.error());
  return api.ok(c, record::to_json(*r), version, s);
}

template <typename T>
Response items(Api& api, Ctx& c, const Result<std::vector<T>>& r) {
  if (!r) return api.app.api_error(c, r.error());
  bj::array out;
  for (const auto& x : *r) out.push_back(record::to_json(x));
  return json(c.req, bhttp::status::ok,
              bj::serialize(bj::object{{"items", std::move(out)}, {"next_cursor", nullptr}}));
}

// POST of a new item into a family: `read(in, item, bad)` decodes it, `save(actor, item)`
// is the service's use case; answered 201 with the item and its ETag.
template <typename T, typename Read, typename Save>
Response create_in_family(Api& api, Ctx& c, Id family, const std::vector<const char*>& fields,
                          Read read, Save save) {
  auto b = api.body(c, fields);
  if (auto* e = std::get_if<Response>(&b)) return std::move(*e);
  auto& in = std::get<JsonInput>(b);
  T item;
  item.family_id = family;
  std::string bad;
  read(in, item, bad);
  if (auto e = input_problem(api, c, in, bad)) return std::move(*e);
  auto r = save(*c.actor, item);
  return one(api, c, r, r ? r->version : 0, bhttp::status::created);
}

// PATCH of a versioned item with If-Match: the fields sent change the item as read by `get`,
// and `save` refuses a stale version (412 with the current one).
template <typename T, typename Read, typename Get, typename Save>
Response update_item(Api& api, Ctx& c, Id id, const std::vector<const char*>& fields, Read read,
                     Get get, Save save) {
  auto v = api.if_match(c);
  if (auto* e = std::get_if<Response>(&v)) return std::move(*e);
  auto b = api.body(c, fields);
  if (auto* e = std::get_if<Response>(&b)) return std::move(*e);
  auto& in = std::get<JsonInput>(b);
  auto current = get(*c.actor, id);
  if (!current) return api.app.api_error(c, current.error());
  T item = *current;
  std::string bad;
  read(in, item, bad);
  if (auto e = input_problem(api, c, in, bad)) return std::move(*e);
  item.version = std::get<std::int64_t>(v);
  auto r = save(*c.actor, item);
  return one(api, c, r, r ? r->version : 0);
}

// Signed in, and the id a number (anything else is a record that does not exist).
template <typename F>
Handler with_id(Api api, F f) {
  return [api, f](Ctx& c) mutable {
    if (auto e = api.need_actor(c)) return std::move(*e);
    auto id = api.path_id(c);
    if (!id) return api.app.api_error(c, bhttp::status::not_found, "not_found");
    return f(api, c, *id);
  };
}
template <typename F>
Handler signed_in(Api api, F f) {
  return [api, f](Ctx& c) mutable {
    if (auto e = api.need_actor(c)) return std::move(*e);
    return f(api, c);
  };
}

}  // namespace sgwrs::http::record_api
