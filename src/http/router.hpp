#pragma once
// Maps a method and path to a handler. Patterns are literal segments and "{name}" captures.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "http/types.hpp"

namespace sgwrs::http {

using Handler = std::function<Response(Ctx&)>;

class Router {
 public:
  void add(bhttp::verb method, std::string pattern, Handler h);

  struct Match {
    const Handler* handler = nullptr;  // null: no route for this method
    bool path_known = false;           // some method matches: answer 405, not 404
    std::string pattern;
  };
  Match match(bhttp::verb method, const std::string& path,
              std::map<std::string, std::string>& params) const;

 private:
  struct Route {
    bhttp::verb method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace sgwrs::http
