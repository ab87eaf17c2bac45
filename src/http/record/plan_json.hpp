#pragma once
// Agreed actions and support decisions as the API sends and reads them.
#include <boost/json.hpp>

#include "http/core/json_io.hpp"
#include "service/record/plan_service.hpp"

namespace sgwrs::http::record {

boost::json::object to_json(const AgreedAction& a);
boost::json::object to_json(const SupportDecision& d);

extern const std::vector<const char*> kActionFields;
extern const std::vector<const char*> kProgressFields;
extern const std::vector<const char*> kDecisionFields;
// Fields onto the value (absent ones keep theirs); an unknown closed-set id is named in `bad`.
void read_action(JsonInput& in, AgreedAction& a, std::string& bad);
void read_progress(JsonInput& in, ActionProgress& p, std::string& bad);
void read_decision(JsonInput& in, SupportDecision& d, std::string& bad);

}  // namespace sgwrs::http::record
