#pragma once
// Building responses: HTML, JSON errors in the one API shape, redirects, cookies, and the
// security headers every response carries.
#include <string>
#include <string_view>

#include "http/types.hpp"

namespace sgwrs::http {

Response html(const Request& req, bhttp::status s, std::string body);
Response json(const Request& req, bhttp::status s, std::string body);
Response redirect(const Request& req, std::string_view location);
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

}  // namespace sgwrs::http
