// The JSON API under /api/v1: the same services as the pages, for integrations. Handlers
// decode, call one service and encode; errors take the one shape {code,message,detail,hint}.
#include <boost/json.hpp>
#include <charconv>

#include "http/core/app.hpp"
#include "http/core/json_io.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"

namespace sgwrs::http {

namespace bj = boost::json;

namespace {

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;

std::string etag(std::int64_t version) {
  return "\"" + std::to_string(version) + "\"";
}

// The version a client read, from If-Match: "7" (W/"7" accepted too).
std::optional<std::int64_t> parse_if_match(std::string v) {
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

}  // namespace

void register_api_routes(Router& r, App& app) {
  Api api{app};
  auto& orgs = app.svc().orgs;
  auto& users = app.svc().users;

  r.add(bhttp::verb::get, "/api/v1/me", [api](Ctx& c) mutable {
    if (auto e = api.need_actor(c)) return std::move(*e);
    return api.ok(c, to_json(c.actor->user), c.actor->user.version);
  });

  add_resource<Organisation>(
      r, api,
      {"/api/v1/organisations",
       [&orgs](Ctx& c, PageRequest p) { return orgs.list_organisations(*c.actor, p); },
       {"name_en", "name_cy", "ons_code"},
       [&orgs](Ctx& c, JsonInput& in) {
         Organisation o{0, in.text("name_en").value_or(""), in.text("name_cy").value_or(""),
                        in.text("ons_code").value_or("")};
         if (in.problem()) return Result<Organisation>(Error::of(Errc::invalid, "wrong_type"));
         return orgs.create_organisation(*c.actor, o);
       },
       [&orgs](Ctx& c, Id id) { return orgs.get_organisation(*c.actor, id); },
       {"name_en", "name_cy", "ons_code"},
       [](JsonInput& in, Organisation& o) {
         set_if(in.text("name_en"), o.name_en);
         set_if(in.text("name_cy"), o.name_cy);
         set_if(in.text("ons_code"), o.ons_code);
       },
       [&orgs](Ctx& c, Organisation o) { return orgs.update_organisation(*c.actor, o); }});

  add_resource<Service>(r, api,
                        {"/api/v1/services",
                         [&orgs, api](Ctx& c, PageRequest p) mutable {
                           return orgs.list_services(*c.actor, api.query_id(c, "organisation_id"),
                                                     p);
                         },
                         {"organisation_id", "kind", "name_en", "name_cy"},
                         [&orgs](Ctx& c, JsonInput& in) {
                           Service s;
                           s.organisation_id = in.integer("organisation_id").value_or(0);
                           s.name_en = in.text("name_en").value_or("");
                           s.name_cy = in.text("name_cy").value_or("");
                           auto kind = in.text("kind");
                           if (in.problem())
                             return Result<Service>(Error::of(Errc::invalid, "wrong_type"));
                           auto k = parse_service_kind(kind.value_or(""));
                           if (!k)
                             return Result<Service>(
                                 Error{Errc::invalid, "invalid_input", "", {{"kind", "required"}}});
                           s.kind = *k;
                           return orgs.create_service(*c.actor, s);
                         },
                         [&orgs](Ctx& c, Id id) { return orgs.get_service(*c.actor, id); },
                         {"kind", "name_en", "name_cy"},
                         [](JsonInput& in, Service& s) {
                           set_if(in.text("name_en"), s.name_en);
                           set_if(in.text("name_cy"), s.name_cy);
                           if (auto k = in.text("kind"); k && parse_service_kind(*k))
                             s.kind = *parse_service_kind(*k);
                         },
                         [&orgs](Ctx& c, Service s) { return orgs.update_service(*c.actor, s); }});

  add_resource<Pod>(r, api,
                    {"/api/v1/pods",
                     [&orgs, api](Ctx& c, PageRequest p) mutable {
                       return orgs.list_pods(*c.actor, api.query_id(c, "service_id"),
                                             api.query_id(c, "organisation_id"), p);
                     },
                     {"service_id", "name_en", "name_cy"},
                     [&orgs](Ctx& c, JsonInput& in) {
                       Pod p;
                       p.service_id = in.integer("service_id").value_or(0);
                       p.name_en = in.text("name_en").value_or("");
                       p.name_cy = in.text("name_cy").value_or("");
                       if (in.problem()) return Result<Pod>(Error::of(Errc::invalid, "wrong_type"));
                       return orgs.create_pod(*c.actor, p);
                     },
                     [&orgs](Ctx& c, Id id) { return orgs.get_pod(*c.actor, id); },
                     {"name_en", "name_cy"},
                     [](JsonInput& in, Pod& p) {
                       set_if(in.text("name_en"), p.name_en);
                       set_if(in.text("name_cy"), p.name_cy);
                     },
                     [&orgs](Ctx& c, Pod p) { return orgs.update_pod(*c.actor, p); }});

  add_resource<User>(
      r, api,
      {"/api/v1/users",
       [&users, api](Ctx& c, PageRequest p) mutable {
         return users.list(*c.actor, api.query_id(c, "organisation_id"), p);
       },
       {"email", "display_name", "role", "organisation_id", "pod_id", "password"},
       [&users](Ctx& c, JsonInput& in) {
         User u;
         u.email = in.text("email").value_or("");
         u.display_name = in.text("display_name").value_or("");
         u.organisation_id = in.integer("organisation_id").value_or(0);
         u.pod_id = in.integer("pod_id");
         auto role = in.text("role");
         auto password = in.text("password").value_or("");
         if (in.problem()) return Result<User>(Error::of(Errc::invalid, "wrong_type"));
         auto r = parse_role(role.value_or(""));
         if (!r)
           return Result<User>(Error{Errc::invalid, "invalid_input", "", {{"role", "required"}}});
         u.role = *r;
         return users.create(*c.actor, {u, password});
       },
       [&users](Ctx& c, Id id) { return users.get(*c.actor, id); },
       {"email", "display_name", "role", "pod_id", "disabled"},
       [](JsonInput& in, User& u) {
         set_if(in.text("email"), u.email);
         set_if(in.text("display_name"), u.display_name);
         if (auto r = in.text("role"); r && parse_role(*r)) u.role = *parse_role(*r);
         if (in.is_null("pod_id"))
           u.pod_id.reset();
         else if (auto p = in.integer("pod_id"))
           u.pod_id = *p;
         set_if(in.boolean("disabled"), u.disabled);
       },
       [&users](Ctx& c, User u) { return users.update(*c.actor, u); }});

  // Personal access tokens: made with a signed-in browser session, shown once.
  auto& tokens = app.svc().tokens;
  r.add(bhttp::verb::get, "/api/v1/tokens", [api, &tokens](Ctx& c) mutable {
    if (auto e = api.need_actor(c)) return std::move(*e);
    auto list = tokens.list(*c.actor);
    if (!list) return api.app.api_error(c, list.error());
    bj::array items;
    for (const auto& t : *list) items.push_back(to_json(t));
    return json(c.req, bhttp::status::ok,
                bj::serialize(bj::object{{"items", items}, {"next_cursor", nullptr}}));
  });
  r.add(bhttp::verb::post, "/api/v1/tokens", [api, &tokens](Ctx& c) mutable {
    if (auto e = api.need_actor(c)) return std::move(*e);
    auto b = api.body(c, {"name", "expires_in_days"});
    if (auto* e = std::get_if<Response>(&b)) return std::move(*e);
    auto& in = std::get<JsonInput>(b);
    auto name = in.text("name");
    auto days = in.integer("expires_in_days");
    if (auto e = api.type_problem(c, in)) return std::move(*e);
    auto t = tokens.create(*c.actor, {name.value_or(""), days});
    if (!t) return api.app.api_error(c, t.error());
    auto o = to_json(t->row);
    o["token"] = t->secret;
    return json(c.req, bhttp::status::created, bj::serialize(o));
  });
  r.add(bhttp::verb::delete_, "/api/v1/tokens/{id}", [api, &tokens](Ctx& c) mutable {
    if (auto e = api.need_actor(c)) return std::move(*e);
    auto id = api.path_id(c);
    if (!id) return api.app.api_error(c, bhttp::status::not_found, "not_found");
    auto s = tokens.revoke(*c.actor, *id);
    if (!s) return api.app.api_error(c, s.error());
    Response res{bhttp::status::no_content, c.req.version()};
    res.keep_alive(c.req.keep_alive());
    return res;
  });
}

}  // namespace sgwrs::http
