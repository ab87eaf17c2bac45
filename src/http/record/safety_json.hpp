#pragma once
// Safety statements and scalings as the API sends and reads them.
#include <boost/json.hpp>

#include "http/core/json_io.hpp"
#include "service/record/safety_service.hpp"

namespace sgwrs::http::record {

boost::json::object to_json(const SafetyStatement& s);
boost::json::object to_json(const Scaling& s);

extern const std::vector<const char*> kSafetyStatementFields;
extern const std::vector<const char*> kScalingFields;
// Fields onto the value (absent ones keep theirs); an unknown closed-set id is named in `bad`.
void read_statement(JsonInput& in, SafetyStatement& s, std::string& bad);
void read_scaling(JsonInput& in, Scaling& s, std::string& bad);

}  // namespace sgwrs::http::record
