#pragma once
// A family's chronology and its significant events as the API sends them.
#include <boost/json.hpp>

#include "service/record/chronology_service.hpp"

namespace sgwrs::http::record {

boost::json::object to_json(const ChronologyEntry& e);
boost::json::object to_json(const SignificantEvent& e);

}  // namespace sgwrs::http::record
