#pragma once
// The request context every handler receives, and the Beast message types.
#include <boost/beast/http.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/organisation/organisation.hpp"
#include "service/core/context.hpp"
#include "service/identity/auth_service.hpp"

namespace sgwrs::http {

namespace bhttp = boost::beast::http;
using Request = bhttp::request<bhttp::string_body>;
using Response = bhttp::response<bhttp::string_body>;
using RequestHead = bhttp::request_header<>;  // a request's line and fields, no body

// One part of a multipart/form-data body (RFC 7578).
struct FormPart {
  std::string name;
  std::string filename;  // empty for an ordinary field
  std::string content_type;
  std::string body;
};

struct Ctx {
  const Request& req;
  std::string path = {};                           // decoded path, no query
  std::map<std::string, std::string> query = {};   // decoded query parameters
  std::map<std::string, std::string> params = {};  // route parameters ("{id}")
  std::string address = {};                        // client address, for audit only
  bool tls = false;
  Language lang = Language::en;
  std::optional<SessionCtx> session = {};  // signed in with a cookie
  std::optional<Actor> actor = {};         // signed in by cookie or token
  bool via_token = false;
  bool session_ended = false;    // a session cookie came but its session is over
  std::string route = {};        // the matched pattern, for the access log
  std::string csrf = {};         // the token forms must carry back
  bool new_csrf_cookie = false;  // signed out and no CSRF cookie yet
  std::optional<std::map<std::string, std::string>> form = {};  // decoded POST body
  // Every field in order, repeated names kept (checkboxes), and any uploaded files.
  std::vector<std::pair<std::string, std::string>> form_values = {};
  std::vector<FormPart> files = {};

  bool signed_in() const { return actor.has_value(); }
};

}  // namespace sgwrs::http
