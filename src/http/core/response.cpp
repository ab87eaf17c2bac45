#include "http/core/response.hpp"

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

Response redirect(const Request& req, const boost::urls::url& target) {
  Response res{bhttp::status::see_other, req.version()};
  res.set(bhttp::field::location, target.buffer());
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

void add_retry_after(Response& res) {
  if (res.count(bhttp::field::retry_after)) return;
  if (res.result() == bhttp::status::too_many_requests) res.set(bhttp::field::retry_after, "60");
  if (res.result() == bhttp::status::service_unavailable) res.set(bhttp::field::retry_after, "5");
}

bool sets_cookie(const Response& res, std::string_view name) {
  for (auto it = res.find(bhttp::field::set_cookie);
       it != res.end() && it->name() == bhttp::field::set_cookie; ++it) {
    const std::string_view v = it->value();
    if (v.size() > name.size() && v.substr(0, name.size()) == name && v[name.size()] == '=')
      return true;
  }
  return false;
}

namespace {
bool allowed_in_header(char ch, bool in_value) {
  const auto u = static_cast<unsigned char>(ch);
  if (u == 0x7f) return false;
  if (u >= 0x20) return true;
  return in_value && ch == '\t';
}
}  // namespace

std::optional<std::string> unsafe_header(const Response& res) {
  for (const auto& f : res) {
    for (const char ch : f.name_string())
      if (!allowed_in_header(ch, false) || ch == ':' || ch == ' ')
        return std::string("(a field name)");
    for (const char ch : f.value())
      if (!allowed_in_header(ch, true)) return std::string(f.name_string());
  }
  return std::nullopt;
}

}  // namespace sgwrs::http
