#pragma once
// What the record's page handlers share: labels of the record's closed sets in the reader's
// language, the options of a select built from one, and the signed-in guard that sends a
// visitor to sign in and back.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/core/app.hpp"

namespace sgwrs::http::record_pages {

using web::Data;
using web::list;
using web::obj;

// "record.<group>.<id>" in the reader's language.
inline std::string label(App& app, const Ctx& c, std::string_view group, std::string_view id) {
  return app.t(c, "record." + std::string(group) + "." + std::string(id));
}

template <typename Set>
std::vector<std::pair<std::string, std::string>> options(App& app, const Ctx& c,
                                                         std::string_view group, const Set& set) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto v : set.values())
    out.emplace_back(std::string(set.id(v)), label(app, c, group, set.id(v)));
  return out;
}

// Signed in, or to the sign-in page and back here afterwards.
template <Response (*F)(App&, Ctx&)>
Handler signed_in(App& app) {
  return [&app](Ctx& c) { return c.signed_in() ? F(app, c) : app.require_sign_in(c); };
}

}  // namespace sgwrs::http::record_pages
