#pragma once
// What the record's API handlers share: answering one resource or a list of them, refusing
// a closed-set id Sgwrs does not know before any service is called, and the signed-in and
// numeric-id guards every route starts with.
#include <optional>
#include <string>
#include <vector>

#include "http/core/api_support.hpp"
#include "http/record/chronology_json.hpp"
#include "http/record/outcome_json.hpp"
#include "http/record/plan_json.hpp"
#include "http/record/record_json.hpp"

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
