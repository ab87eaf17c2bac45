#include "http/core/local_url.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/pct_string_view.hpp>

namespace sgwrs::http {

boost::urls::url local_url(std::string_view path, std::initializer_list<QueryParam> query,
                           std::string_view fragment) {
  // A path of ours never starts "//" (which a browser reads as another host), nor lacks
  // its leading slash; make sure of both.
  std::string p(path.empty() || path.front() != '/' ? "/" : "");
  p += path;
  while (p.size() > 1 && p[1] == '/') p.erase(0, 1);
  boost::urls::url u("/");
  // Boost.URL 1.81's set_path("/") writes "/./", so the root is left as parsed.
  if (p != "/") u.set_path(p);
  for (const auto& [k, v] : query) u.params().append({k, v});
  if (!fragment.empty()) u.set_fragment(fragment);
  return u;
}

namespace {

bool is_c0_or_space(char ch) {
  return static_cast<unsigned char>(ch) <= 0x20;
}

// A target that a browser would send somewhere else: not a path, or "//host" (the network-
// path reference), which browsers also reach from "/\host".
bool leaves_site(std::string_view s) {
  return s.empty() || s.front() != '/' || (s.size() > 1 && (s[1] == '/' || s[1] == '\\'));
}

bool has_control(std::string_view s) {
  for (const char ch : s)
    if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) return true;
  return false;
}

}  // namespace

boost::urls::url safe_return(std::string_view raw) {
  const auto home = [] { return local_url("/"); };
  // As a browser does before parsing: trim C0 controls and spaces, drop tabs and newlines,
  // read backslashes as slashes.
  while (!raw.empty() && is_c0_or_space(raw.front())) raw.remove_prefix(1);
  while (!raw.empty() && is_c0_or_space(raw.back())) raw.remove_suffix(1);
  std::string s;
  s.reserve(raw.size());
  for (const char ch : raw) {
    if (ch == '\t' || ch == '\n' || ch == '\r') continue;
    s += ch == '\\' ? '/' : ch;
  }
  if (leaves_site(s)) return home();
  auto ref = boost::urls::parse_relative_ref(s);
  if (!ref || ref->has_authority() || !ref->is_path_absolute()) return home();
  // Percent-decoded, the path must still be ours and free of control characters: "/%2F/x"
  // is a path here, but some clients and proxies decode before they route.
  const std::string decoded = ref->path();
  if (leaves_site(decoded) || has_control(decoded)) return home();
  boost::urls::url out(*ref);
  out.remove_fragment();
  if (leaves_site(out.buffer())) return home();
  return out;
}

}  // namespace sgwrs::http
