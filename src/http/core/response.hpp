#pragma once
// Building responses: HTML, JSON errors in the one API shape, redirects, cookies, and the
// security headers every response carries.
#include <optional>
#include <string>
#include <string_view>

#include <boost/url/url.hpp>

#include "http/core/types.hpp"

namespace sgwrs::http {

Response html(const Request& req, bhttp::status s, std::string body);
Response json(const Request& req, bhttp::status s, std::string body);
// 303 See Other to a place on this site; targets come only from local_url or safe_return
// (local_url.hpp), never from a raw string.
Response redirect(const Request& req, const boost::urls::url& target);
// A file to save (Content-Disposition: attachment).
Response download(const Request& req, std::string body, std::string_view content_type,
                  std::string_view file_name);
// The one API error shape: {"code","message","detail","hint"}.
Response json_error(const Request& req, bhttp::status s, std::string_view code,
                    std::string_view message, std::string_view detail = {},
                    std::string_view hint = {});

struct CookieOptions {
  bool secure = true;
  bool http_only = true;
  long max_age = -1;  // -1: a session cookie; 0: delete
};
void set_cookie(Response& res, std::string_view name, std::string_view value,
                const CookieOptions& o);

// Content-Security-Policy (no inline script), frame-ancestors none, nosniff, referrer
// policy and, where the response is not a public asset, Cache-Control: no-store.
void add_security_headers(Response& res, bool cacheable_asset);

// 429 and 503 say when to try again (Retry-After), unless the handler already did: a
// throttled sign-in is paused for a minute at first; an overloaded server is busy for moments.
void add_retry_after(Response& res);

// True when the response already sets a cookie of this name (one answer sets a cookie once).
bool sets_cookie(const Response& res, std::string_view name);

// No header the server sends may hold a control character (CR, LF, NUL and the rest of C0,
// and DEL; a tab is allowed inside a value by RFC 9110): one would let a value end its
// header and start another. Names the first offending field, or returns nullopt.
std::optional<std::string> unsafe_header(const Response& res);

}  // namespace sgwrs::http
