#pragma once
// JSON in and out for the API. Input is strict: a JSON object, only known fields, each of
// the right type; anything else is refused before a service is called.
#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/identity/access_token.hpp"
#include "domain/organisation/organisation.hpp"

namespace sgwrs::http {

boost::json::object to_json(const Organisation& o);
boost::json::object to_json(const Service& s);
boost::json::object to_json(const Pod& p);
boost::json::object to_json(const User& u);
boost::json::object to_json(const AccessToken& t);

// A structural problem with the body: the API answers 400 with this code and detail.
struct InputProblem {
  std::string code;    // invalid_json, unknown_field, wrong_type
  std::string detail;  // which field
};

class JsonInput {
 public:
  // Parses body as a JSON object whose keys are all in `allowed`.
  static std::variant<JsonInput, InputProblem> parse(const std::string& body,
                                                     const std::vector<const char*>& allowed);
  bool has(const char* name) const { return obj_.contains(name); }
  // The field's value, or nullopt if absent; a wrong type is recorded as a problem.
  std::optional<std::string> text(const char* name);
  std::optional<std::int64_t> integer(const char* name);
  std::optional<bool> boolean(const char* name);
  // A list of objects, each read with the same strictness (only `allowed` keys).
  std::optional<std::vector<JsonInput>> objects(const char* name,
                                                const std::vector<const char*>& allowed);
  std::optional<std::vector<std::int64_t>> integers(const char* name);
  // For fields that may be null to clear them (e.g. pod_id).
  bool is_null(const char* name) const;
  const std::optional<InputProblem>& problem() const { return problem_; }

 private:
  boost::json::object obj_;
  std::optional<InputProblem> problem_;
};

}  // namespace sgwrs::http
