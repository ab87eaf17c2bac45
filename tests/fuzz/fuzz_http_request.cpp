// libFuzzer: bytes off the wire, through Beast's request parser (with the server's limits)
// and everything Sgwrs decodes from a request before a handler runs: the target, cookies
// and the body as a form or as multipart.
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <cstdint>
#include <string_view>

#include "http/core/request.hpp"

using namespace sgwrs::http;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(1024 * 1024);
  parser.eager(true);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(data, size), ec);
  if (ec || !parser.is_header_done()) return 0;
  const auto& req = parser.get();
  if (auto t = boost::urls::parse_origin_form(req.target())) {
    for (auto p : t->params()) (void)p.value.size();
    (void)std::string(t->path());
  }
  (void)cookie(req, "__Host-sgwrs-session");
  (void)header(req, bhttp::field::content_type);
  if (!parser.is_done()) return 0;
  const std::string type = header(req, bhttp::field::content_type);
  (void)parse_form_values(req.body());
  (void)parse_multipart(req.body(), type);
  return 0;
}
