#pragma once
// Places on this site to send a browser to. Every redirect target is built here from
// decoded parts and serialised by Boost.URL, so a byte that may not appear in a URL (CR, LF,
// NUL, a space) is percent-encoded and can never reach a Location header as itself.
#include <boost/url/url.hpp>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace sgwrs::http {

using QueryParam = std::pair<std::string_view, std::string_view>;

// A path on this site (given decoded, as handlers hold it) with query parameters and an
// optional fragment, all encoded by Boost.URL.
boost::urls::url local_url(std::string_view path, std::initializer_list<QueryParam> query = {},
                           std::string_view fragment = {});

// A place to return to after signing in or changing language, from a value a client sent.
// It is read as a browser would read it (the WHATWG URL rules: leading and trailing control
// characters and spaces dropped, tabs and newlines removed, backslashes taken as slashes) and
// kept only when it is still a path on this site after that and after percent-decoding;
// anything else gives "/". The result has been parsed and re-serialised by Boost.URL.
boost::urls::url safe_return(std::string_view raw);

}  // namespace sgwrs::http
