#pragma once
// Decoding what arrives: cookies, query strings and url-encoded forms.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "domain/organisation/organisation.hpp"
#include "http/core/types.hpp"

namespace sgwrs::http {

// Percent-decoding with '+' as space (application/x-www-form-urlencoded).
std::string form_decode(std::string_view s);
// name=value pairs separated by '&'; a repeated name keeps its first value.
std::map<std::string, std::string> parse_form(std::string_view body);
// Every name=value pair in order, repeated names kept.
std::vector<std::pair<std::string, std::string>> parse_form_values(std::string_view body);

// Parts in order, or nullopt when the content type has no boundary or the body is not
// well-formed multipart.
std::optional<std::vector<FormPart>> parse_multipart(std::string_view body,
                                                     std::string_view content_type);
std::optional<std::string> cookie(const RequestHead& req, std::string_view name);
std::string header(const RequestHead& req, bhttp::field f);
std::string header(const RequestHead& req, std::string_view name);
std::optional<Id> parse_id(std::string_view s);

}  // namespace sgwrs::http
