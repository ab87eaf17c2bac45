#include "http/record/chronology_json.hpp"

namespace sgwrs::http::record {
namespace bj = boost::json;

bj::object to_json(const ChronologyEntry& e) {
  bj::array people;
  for (Id p : e.people) people.push_back(p);
  return {{"on", e.on},
          {"kind", kChronologyKinds.id(e.kind)},
          {"people", std::move(people)},
          {"code", e.code},
          {"detail", e.detail},
          {"source_id", e.source_id}};
}

bj::object to_json(const SignificantEvent& e) {
  return {{"id", e.id},
          {"family_id", e.family_id},
          {"person_id", e.person_id ? bj::value(*e.person_id) : bj::value(nullptr)},
          {"happened_on", e.happened_on},
          {"what", e.what},
          {"recorded_by", e.recorded_by},
          {"recorded_at", e.recorded_at}};
}

}  // namespace sgwrs::http::record
