#pragma once
// The record's resources as the API sends them and reads them. One field name per concept,
// the same as the domain's (given_name, date_of_birth, held_on, what_matters…).
#include <boost/json.hpp>

#include "domain/record/marking.hpp"
#include "http/core/json_io.hpp"
#include "service/record/record_service.hpp"

namespace sgwrs::http::record {

boost::json::object to_json(const Person& p);
boost::json::object to_json(const Involvement& v);
boost::json::object to_json(const FamilyRecord& f);
boost::json::object to_json(const PersonRecord& p);
boost::json::object to_json(const Conversation& v);
boost::json::object to_json(const StoryVersion& s);
boost::json::object to_json(const TrailEntry& t);
boost::json::object to_json(const BreakGlassNotice& b);

// Reads a closed-set field by its id; an id Sgwrs does not know is named in `bad` (the
// first such field only) and leaves `into` as it was.
template <typename Set, typename E>
void read_closed(JsonInput& in, const char* name, const Set& set, E& into, std::string& bad) {
  if (auto id = in.text(name)) {
    if (auto v = set.parse(*id))
      into = *v;
    else if (bad.empty())
      bad = name;
  }
}

inline boost::json::value id_or_null(const std::optional<Id>& id) {
  return id ? boost::json::value(*id) : boost::json::value(nullptr);
}
// An id field: a number, null to clear it, absent to keep it.
inline void read_optional_id(JsonInput& in, const char* name, std::optional<Id>& into) {
  if (in.is_null(name))
    into.reset();
  else if (auto v = in.integer(name))
    into = *v;
}

// The fields each is written with, and reading them onto a value (absent fields keep what
// it holds). A closed-set field holding an id Sgwrs does not know is named in `bad`.
extern const std::vector<const char*> kPersonFields;
// An item's sensitive mark in its JSON ("sensitive_reason", "withheld"), and read back.
inline boost::json::object with_marking(boost::json::object o, const Marking& m) {
  o["sensitive_reason"] = m.sensitive_reason;
  o["withheld"] = m.withheld;
  return o;
}
inline void read_marking(JsonInput& in, Marking& m) {
  if (auto r = in.text("sensitive_reason")) m.sensitive_reason = *r;
}

void read_person(JsonInput& in, Person& p, std::string& bad);
extern const std::vector<const char*> kConversationFields;
void read_conversation(JsonInput& in, Conversation& v, std::string& bad);

}  // namespace sgwrs::http::record
