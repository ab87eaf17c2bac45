#include "http/request.hpp"

#include <charconv>

namespace sgwrs::http {
namespace {

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string form_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::map<std::string, std::string> parse_form(std::string_view body) {
  std::map<std::string, std::string> out;
  while (!body.empty()) {
    const auto amp = body.find('&');
    const auto pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view{} : body.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    auto name = form_decode(pair.substr(0, eq));
    auto value = eq == std::string_view::npos ? std::string{} : form_decode(pair.substr(eq + 1));
    out.emplace(std::move(name), std::move(value));
  }
  return out;
}

std::optional<std::string> cookie(const Request& req, std::string_view name) {
  for (auto it = req.find(bhttp::field::cookie);
       it != req.end() && it->name() == bhttp::field::cookie; ++it) {
    std::string_view v = it->value();
    while (!v.empty()) {
      const auto semi = v.find(';');
      auto part = v.substr(0, semi);
      v = semi == std::string_view::npos ? std::string_view{} : v.substr(semi + 1);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      const auto eq = part.find('=');
      if (eq != std::string_view::npos && part.substr(0, eq) == name)
        return std::string(part.substr(eq + 1));
    }
  }
  return std::nullopt;
}

std::string header(const Request& req, bhttp::field f) {
  auto it = req.find(f);
  return it == req.end() ? std::string{} : std::string(it->value());
}

std::string header(const Request& req, std::string_view name) {
  auto it = req.find(name);
  return it == req.end() ? std::string{} : std::string(it->value());
}

std::optional<Id> parse_id(std::string_view s) {
  Id v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

}  // namespace sgwrs::http
