#pragma once
// What the JSON API's handlers share: answers with an ETag, lists with cursor pagination,
// JSON bodies, If-Match, and the list/create/read/update shape every resource takes.
#include <boost/json.hpp>
#include <charconv>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/core/paging.hpp"
#include "http/core/app.hpp"
#include "http/core/json_io.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"

namespace sgwrs::http::api {

namespace bj = boost::json;

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;

inline std::string etag(std::int64_t version) {
  return "\"" + std::to_string(version) + "\"";
}

// The version a client read, from If-Match: "7" (W/"7" accepted too).
inline std::optional<std::int64_t> parse_if_match(std::string v) {
  if (v.rfind("W/", 0) == 0) v = v.substr(2);
  if (v.size() < 3 || v.front() != '"' || v.back() != '"') return std::nullopt;
  std::int64_t n = 0;
  auto [p, ec] = std::from_chars(v.data() + 1, v.data() + v.size() - 1, n);
  if (ec != std::errc{} || p != v.data() + v.size() - 1) return std::nullopt;
  return n;
}

struct Api {
  App& app;

  Response ok(Ctx& c, bj::object o, std::int64_t version, bhttp::status s = bhttp::status::ok) {
    auto res = json(c.req, s, bj::serialize(o));
    res.set(bhttp::field::etag, etag(version));
    return res;
  }

  template <typename T>
  Response one(Ctx& c, const Result<T>& r, bhttp::status s = bhttp::status::ok) {
    if (!r) return app.api_error(c, r.error());
    return ok(c, to_json(*r), r->version, s);
  }

  template <typename T>
  Response many(Ctx& c, const Result<std::vector<T>>& r, int limit) {
    if (!r) return app.api_error(c, r.error());
    bj::array items;
    for (const auto& x : *r) items.push_back(to_json(x));
    bj::object o{{"items", std::move(items)}};
    o["next_cursor"] = static_cast<int>(r->size()) == limit && !r->empty()
                           ? bj::value(std::to_string(r->back().id))
                           : bj::value(nullptr);
    return json(c.req, bhttp::status::ok, bj::serialize(o));
  }

  std::optional<Response> need_actor(Ctx& c) {
    if (c.signed_in()) return std::nullopt;
    return app.api_error(c, bhttp::status::unauthorized, "unauthenticated");
  }

  std::variant<PageRequest, Response> page(Ctx& c) {
    PageRequest p{0, kDefaultLimit};
    if (auto l = c.query.find("limit"); l != c.query.end()) {
      auto n = parse_id(l->second);
      if (!n || *n > kMaxLimit)
        return app.api_error(c, bhttp::status::bad_request, "bad_limit", l->second);
      p.limit = static_cast<int>(*n);
    }
    if (auto cur = c.query.find("cursor"); cur != c.query.end()) {
      auto n = parse_id(cur->second);
      if (!n) return app.api_error(c, bhttp::status::bad_request, "bad_cursor");
      p.after = *n;
    }
    return p;
  }

  std::optional<Id> query_id(Ctx& c, const char* name) {
    auto it = c.query.find(name);
    return it == c.query.end() ? std::nullopt : parse_id(it->second);
  }

  std::variant<JsonInput, Response> body(Ctx& c, const std::vector<const char*>& allowed) {
    return app.json_body(c, allowed);
  }

  std::optional<Response> type_problem(Ctx& c, const JsonInput& in) {
    if (!in.problem()) return std::nullopt;
    return app.api_error(c, bhttp::status::bad_request, in.problem()->code, in.problem()->detail);
  }

  // Updates need the version the client read: 428 without it, 412 when it is not current.
  std::variant<std::int64_t, Response> if_match(Ctx& c) {
    const auto v = header(c.req, bhttp::field::if_match);
    if (v.empty())
      return app.api_error(c, bhttp::status::precondition_required, "precondition_required");
    auto n = parse_if_match(v);
    if (!n) return app.api_error(c, bhttp::status::precondition_failed, "stale", v);
    return *n;
  }

  std::optional<Id> path_id(Ctx& c) { return parse_id(c.params["id"]); }
};

// Each resource's routes share this shape: list, create, read, update.
template <typename T>
struct Resource {
  std::string path;
  std::function<Result<std::vector<T>>(Ctx&, PageRequest)> list;
  std::vector<const char*> create_fields;
  std::function<Result<T>(Ctx&, JsonInput&)> create;
  std::function<Result<T>(Ctx&, Id)> get;
  std::vector<const char*> update_fields;
  std::function<void(JsonInput&, T&)> apply;
  std::function<Result<T>(Ctx&, T)> update;
};

template <typename T>
void add_resource(Router& r, Api api, Resource<T> res) {
  r.add(bhttp::verb::get, res.path, [api, res](Ctx& c) mutable {
    if (auto e = api.need_actor(c)) return std::move(*e);
    auto p = api.page(c);
    if (auto* e = std::get_if<Response>(&p)) return std::move(*e);
    const auto pg = std::get<PageRequest>(p);
    return api.many(c, res.list(c, pg), pg.limit);
  });
  r.add(bhttp::verb::post, res.path, [api, res](Ctx& c) mutable {
    if (auto e = api.need_actor(c)) return std::move(*e);
    auto b = api.body(c, res.create_fields);
    if (auto* e = std::get_if<Response>(&b)) return std::move(*e);
    auto& in = std::get<JsonInput>(b);
    auto created = res.create(c, in);
    if (auto e = api.type_problem(c, in)) return std::move(*e);
    return api.one(c, created, bhttp::status::created);
  });
  r.add(bhttp::verb::get, res.path + "/{id}", [api, res](Ctx& c) mutable {
    if (auto e = api.need_actor(c)) return std::move(*e);
    auto id = api.path_id(c);
    if (!id) return api.app.api_error(c, bhttp::status::not_found, "not_found");
    return api.one(c, res.get(c, *id));
  });
  r.add(bhttp::verb::patch, res.path + "/{id}", [api, res](Ctx& c) mutable {
    if (auto e = api.need_actor(c)) return std::move(*e);
    auto id = api.path_id(c);
    if (!id) return api.app.api_error(c, bhttp::status::not_found, "not_found");
    auto v = api.if_match(c);
    if (auto* e = std::get_if<Response>(&v)) return std::move(*e);
    auto b = api.body(c, res.update_fields);
    if (auto* e = std::get_if<Response>(&b)) return std::move(*e);
    auto& in = std::get<JsonInput>(b);
    auto current = res.get(c, *id);
    if (!current) return api.app.api_error(c, current.error());
    T changed = *current;
    res.apply(in, changed);
    if (auto e = api.type_problem(c, in)) return std::move(*e);
    changed.version = std::get<std::int64_t>(v);
    return api.one(c, res.update(c, changed));
  });
}

template <typename T>
void set_if(std::optional<T> v, T& into) {
  if (v) into = std::move(*v);
}

}  // namespace sgwrs::http::api
