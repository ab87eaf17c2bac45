#include "http/core/request.hpp"

#include <boost/url/pct_string_view.hpp>

#include <cctype>
#include <charconv>

#include "domain/core/numbers.hpp"

namespace sgwrs::http {
namespace {

// A '%' that starts no escape is kept as typed (what the WHATWG URL parser and every
// browser do); Boost.URL refuses such a string, so it is escaped as %25 first.
std::string escape_stray_percents(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if (s[i] == '%' && !(i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
                         std::isxdigit(static_cast<unsigned char>(s[i + 2]))))
      out += "25";
  }
  return out;
}

}  // namespace

std::string form_decode(std::string_view s) {
  const auto escaped = boost::urls::make_pct_string_view(s);
  if (escaped) return escaped->decode(boost::urls::encoding_opts(/*space_as_plus=*/true));
  return boost::urls::make_pct_string_view(escape_stray_percents(s))
      ->decode(boost::urls::encoding_opts(/*space_as_plus=*/true));
}

std::vector<std::pair<std::string, std::string>> parse_form_values(std::string_view body) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!body.empty()) {
    const auto amp = body.find('&');
    const auto pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view{} : body.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    auto name = form_decode(pair.substr(0, eq));
    auto value = eq == std::string_view::npos ? std::string{} : form_decode(pair.substr(eq + 1));
    out.emplace_back(std::move(name), std::move(value));
  }
  return out;
}

std::map<std::string, std::string> parse_form(std::string_view body) {
  std::map<std::string, std::string> out;
  for (auto& [name, value] : parse_form_values(body))
    out.emplace(std::move(name), std::move(value));
  return out;
}

namespace {

// The value of `key` in a header's parameters (`; key=value` or `; key="value"`).
std::string header_param(std::string_view header, std::string_view key) {
  std::size_t at = 0;
  while ((at = header.find(';', at)) != std::string_view::npos) {
    auto rest = header.substr(++at);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.size() > key.size() && rest.substr(0, key.size()) == key && rest[key.size()] == '=') {
      rest.remove_prefix(key.size() + 1);
      if (!rest.empty() && rest.front() == '"') {
        const auto close = rest.find('"', 1);
        return std::string(
            rest.substr(1, close == std::string_view::npos ? rest.size() - 1 : close - 1));
      }
      return std::string(rest.substr(0, rest.find(';')));
    }
  }
  return {};
}

}  // namespace

std::optional<std::vector<FormPart>> parse_multipart(std::string_view body,
                                                     std::string_view content_type) {
  const std::string boundary = header_param(content_type, "boundary");
  if (boundary.empty() || boundary.size() > 200) return std::nullopt;
  const std::string delimiter = "--" + boundary;
  std::vector<FormPart> parts;
  auto at = body.find(delimiter);
  if (at == std::string_view::npos) return std::nullopt;
  at += delimiter.size();
  while (true) {
    if (body.substr(at, 2) == "--") return parts;  // the closing delimiter
    if (body.substr(at, 2) != "\r\n") return std::nullopt;
    at += 2;
    const auto head_end = body.find("\r\n\r\n", at);
    if (head_end == std::string_view::npos) return std::nullopt;
    FormPart part;
    for (auto line_at = at; line_at < head_end;) {
      const auto eol = std::min(body.find("\r\n", line_at), head_end);
      const auto line = body.substr(line_at, eol - line_at);
      const auto colon = line.find(':');
      if (colon != std::string_view::npos) {
        std::string name(line.substr(0, colon));
        for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        auto value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        if (name == "content-disposition") {
          part.name = header_param(value, "name");
          part.filename = header_param(value, "filename");
        } else if (name == "content-type") {
          part.content_type = std::string(value);
        }
      }
      line_at = eol + 2;
    }
    const auto content_at = head_end + 4;
    const auto next = body.find("\r\n" + delimiter, content_at);
    if (next == std::string_view::npos) return std::nullopt;
    part.body = std::string(body.substr(content_at, next - content_at));
    parts.push_back(std::move(part));
    at = next + 2 + delimiter.size();
  }
}

std::optional<std::string> cookie(const RequestHead& req, std::string_view name) {
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

std::string header(const RequestHead& req, bhttp::field f) {
  auto it = req.find(f);
  return it == req.end() ? std::string{} : std::string(it->value());
}

std::string header(const RequestHead& req, std::string_view name) {
  auto it = req.find(name);
  return it == req.end() ? std::string{} : std::string(it->value());
}

std::optional<Id> parse_id(std::string_view s) {
  const auto v = parse_number<Id>(s);
  if (!v || *v <= 0) return std::nullopt;
  return v;
}

}  // namespace sgwrs::http
