#include "http/response.hpp"

#include <fmt/format.h>
#include <boost/json.hpp>

namespace sgwrs::http {

namespace {
Response make(const Request& req, bhttp::status s, std::string body, std::string_view type) {
  Response res{s, req.version()};
  res.set(bhttp::field::content_type, type);
  res.keep_alive(req.keep_alive());
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}
}  // namespace

Response html(const Request& req, bhttp::status s, std::string body) {
  return make(req, s, std::move(body), "text/html; charset=utf-8");
}

Response json(const Request& req, bhttp::status s, std::string body) {
  return make(req, s, std::move(body), "application/json");
}

Response download(const Request& req, std::string body, std::string_view content_type,
                  std::string_view file_name) {
  auto res = make(req, bhttp::status::ok, std::move(body), content_type);
  // File names are chosen by the code, never by input, so they need no escaping.
  res.set(bhttp::field::content_disposition,
          "attachment; filename=\"" + std::string(file_name) + "\"");
  return res;
}

Response redirect(const Request& req, std::string_view location) {
  Response res{bhttp::status::see_other, req.version()};
  res.set(bhttp::field::location, location);
  res.keep_alive(req.keep_alive());
  res.prepare_payload();
  return res;
}

Response json_error(const Request& req, bhttp::status s, std::string_view code,
                    std::string_view message, std::string_view detail, std::string_view hint) {
  boost::json::object o;
  o["code"] = code;
  o["message"] = message;
  o["detail"] = detail;
  o["hint"] = hint;
  return json(req, s, boost::json::serialize(o));
}

void set_cookie(Response& res, std::string_view name, std::string_view value,
                const CookieOptions& o) {
  std::string c = fmt::format("{}={}; Path=/; SameSite=Lax", name, value);
  if (o.secure) c += "; Secure";
  if (o.http_only) c += "; HttpOnly";
  if (o.max_age >= 0) c += fmt::format("; Max-Age={}", o.max_age);
  res.insert(bhttp::field::set_cookie, c);
}

void add_security_headers(Response& res, bool cacheable_asset) {
  res.set("Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
          "form-action 'self'; frame-ancestors 'none'");
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "same-origin");
  res.set("X-Frame-Options", "DENY");
  res.set("Cross-Origin-Opener-Policy", "same-origin");
  res.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (cacheable_asset)
    res.set(bhttp::field::cache_control, "public, max-age=3600");
  else
    res.set(bhttp::field::cache_control, "no-store");
}

}  // namespace sgwrs::http
