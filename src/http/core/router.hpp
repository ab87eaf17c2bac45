#pragma once
// Maps a method and path to a handler. Patterns are literal segments and "{name}" captures.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "http/core/types.hpp"

namespace sgwrs::http {

using Handler = std::function<Response(Ctx&)>;

struct RouteOptions {
  // Set on routes that take uploads: whether this person may send a large body (up to
  // AppConfig::large_body_limit). Everyone else, and every other route, gets the small one.
  std::function<bool(const Actor&)> large_body_for;
};

class Router {
 public:
  void add(bhttp::verb method, std::string pattern, Handler h, RouteOptions options = {});

  struct Match {
    const Handler* handler = nullptr;  // null: no route for this method
    bool path_known = false;           // some method matches: answer 405, not 404
    std::string pattern;
    const RouteOptions* options = nullptr;  // with the handler
  };
  Match match(bhttp::verb method, const std::string& path,
              std::map<std::string, std::string>& params) const;

 private:
  struct Route {
    bhttp::verb method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
    RouteOptions options;
  };
  std::vector<Route> routes_;
};

}  // namespace sgwrs::http
