// The identity API under /api/v1: who is asking (/me) and personal access tokens, which are
// made only from a signed-in browser session and shown once.
#include "http/core/api_support.hpp"

namespace sgwrs::http {

using namespace api;

void register_identity_api(Router& r, App& app) {
  Api api{app};
  r.add(bhttp::verb::get, "/api/v1/me", [api](Ctx& c) mutable {
    if (auto e = api.need_actor(c)) return std::move(*e);
    return api.ok(c, to_json(c.actor->user), c.actor->user.version);
  });

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
