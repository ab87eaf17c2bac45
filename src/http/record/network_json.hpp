#pragma once
// Strengths and network members as the API sends and reads them.
#include <boost/json.hpp>

#include "http/core/json_io.hpp"
#include "service/record/network_service.hpp"

namespace sgwrs::http::record {

boost::json::object to_json(const Strength& s);
boost::json::object to_json(const NetworkMember& m);

extern const std::vector<const char*> kStrengthFields;
extern const std::vector<const char*> kNetworkMemberFields;
// Fields onto the value (absent ones keep theirs); an unknown closed-set id is named in `bad`.
void read_strength(JsonInput& in, Strength& s, std::string& bad);
void read_network_member(JsonInput& in, NetworkMember& m, std::string& bad);

}  // namespace sgwrs::http::record
