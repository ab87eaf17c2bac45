#include "http/core/router.hpp"

namespace sgwrs::http {
namespace {

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    while (i < path.size() && path[i] == '/') ++i;
    const auto j = path.find('/', i);
    if (i < path.size()) out.push_back(path.substr(i, j == std::string::npos ? j : j - i));
    i = j == std::string::npos ? path.size() : j;
  }
  return out;
}

bool match_segments(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
                    std::map<std::string, std::string>& params) {
  if (pattern.size() != path.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const auto& p = pattern[i];
    if (p.size() > 2 && p.front() == '{' && p.back() == '}')
      found[p.substr(1, p.size() - 2)] = path[i];
    else if (p != path[i])
      return false;
  }
  params = std::move(found);
  return true;
}

}  // namespace

void Router::add(bhttp::verb method, std::string pattern, Handler h, RouteOptions options) {
  auto segs = split(pattern);
  routes_.push_back(
      {method, std::move(pattern), std::move(segs), std::move(h), std::move(options)});
}

// The most specific route wins, so "/families/new" is never taken for a family whose id is
// "new": the one with the most literal segments, the first registered among equals.
Router::Match Router::match(bhttp::verb method, const std::string& path,
                            std::map<std::string, std::string>& params) const {
  const auto segs = split(path);
  Match m;
  int best = -1;
  for (const auto& r : routes_) {
    std::map<std::string, std::string> p;
    if (!match_segments(r.segments, segs, p)) continue;
    if (!m.path_known) m.pattern = r.pattern;
    m.path_known = true;
    if (r.method == method || (method == bhttp::verb::head && r.method == bhttp::verb::get)) {
      const int literals = static_cast<int>(r.segments.size() - p.size());
      if (literals <= best) continue;
      best = literals;
      m.pattern = r.pattern;
      m.handler = &r.handler;
      m.options = &r.options;
      params = std::move(p);
    }
  }
  return m;
}

}  // namespace sgwrs::http
