#pragma once
// The record's resources as the API sends them and reads them. One field name per concept,
// the same as the domain's (given_name, date_of_birth, held_on, what_matters…).
#include <boost/json.hpp>

#include "http/core/json_io.hpp"
#include "service/record/record_service.hpp"

namespace sgwrs::http::record {

boost::json::object to_json(const Person& p);
boost::json::object to_json(const FamilyRecord& f);
boost::json::object to_json(const PersonRecord& p);
boost::json::object to_json(const Conversation& v);
boost::json::object to_json(const StoryVersion& s);
boost::json::object to_json(const AuditEvent& e);
boost::json::object to_json(const BreakGlassNotice& b);

// The fields each is written with, and reading them onto a value (absent fields keep what
// it holds). A closed-set field holding an id Sgwrs does not know is named in `bad`.
extern const std::vector<const char*> kPersonFields;
void read_person(JsonInput& in, Person& p, std::string& bad);
extern const std::vector<const char*> kConversationFields;
void read_conversation(JsonInput& in, Conversation& v, std::string& bad);

}  // namespace sgwrs::http::record
