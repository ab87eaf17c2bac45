#include "http/record/outcome_json.hpp"

#include <algorithm>

#include "http/record/record_json.hpp"

namespace sgwrs::http::record {
namespace bj = boost::json;

const std::vector<const char*> kOutcomeFields = {"statement",     "importance",   "areas",
                                                 "scale",         "reviewed_on",  "person_score",
                                                 "person_reason", "worker_score", "worker_reason"};
const std::vector<const char*> kOutcomeEditFields = {"statement", "importance", "areas", "status"};
const std::vector<const char*> kReviewFields = {"reviewed_on",  "person_score",  "person_reason",
                                                "worker_score", "worker_reason", "status"};

bj::object to_json(const WellbeingFramework& f) {
  bj::array areas;
  for (const auto& a : f.areas)
    areas.push_back({{"area_id", a.id},
                     {"name_en", a.name_en},
                     {"name_cy", a.name_cy},
                     {"applies_to", kAreaAppliesTo.id(a.applies_to)}});
  return {{"framework_id", f.id},
          {"name_en", f.name_en},
          {"name_cy", f.name_cy},
          {"current", f.current},
          {"areas", std::move(areas)}};
}

bj::object to_json(const OutcomeReview& r) {
  return {{"id", r.id},
          {"reviewed_on", r.reviewed_on},
          {"person_score", r.person_view.score},
          {"person_reason", r.person_view.reason},
          {"worker_score", r.worker_view.score},
          {"worker_reason", r.worker_view.reason},
          {"recorded_by", r.recorded_by},
          {"recorded_by_name", r.recorded_by_name},
          {"recorded_at", r.recorded_at}};
}

bj::object to_json(const Outcome& o) {
  bj::array areas, reviews;
  for (const auto& l : o.areas)
    areas.push_back({{"framework_id", l.framework_id}, {"area_id", l.area_id}});
  for (const auto& r : o.reviews) reviews.push_back(to_json(r));
  const auto range = range_of(o.scale);
  return {{"id", o.id},
          {"person_id", o.person_id},
          {"statement", o.statement},
          {"importance", kImportance.id(o.importance)},
          {"areas", std::move(areas)},
          {"scale", kOutcomeScales.id(o.scale)},
          {"scale_low", range.low},
          {"scale_high", range.high},
          {"status", kOutcomeStatuses.id(o.status)},
          {"reviews", std::move(reviews)},
          {"created_by", o.created_by},
          {"created_at", o.created_at},
          {"version", o.version}};
}

void read_outcome(JsonInput& in, Outcome& o, std::string& bad) {
  if (auto v = in.text("statement")) o.statement = *v;
  read_closed(in, "importance", kImportance, o.importance, bad);
  read_closed(in, "status", kOutcomeStatuses, o.status, bad);
  read_closed(in, "scale", kOutcomeScales, o.scale, bad);
  if (auto links = in.objects("areas", {"framework_id", "area_id"})) {
    o.areas.clear();
    for (auto& l : *links) {
      o.areas.push_back({l.text("framework_id").value_or(""), l.text("area_id").value_or("")});
      if (l.problem() && bad.empty()) bad = "areas";
    }
  }
}

void read_review(JsonInput& in, OutcomeReview& r) {
  const auto score = [&](const char* f, int& into) {
    // Clamped, so a huge number stays out of every scale instead of wrapping into one.
    if (auto v = in.integer(f)) into = static_cast<int>(std::clamp<std::int64_t>(*v, -1000, 1000));
  };
  if (auto v = in.text("reviewed_on")) r.reviewed_on = *v;
  score("person_score", r.person_view.score);
  score("worker_score", r.worker_view.score);
  if (auto v = in.text("person_reason")) r.person_view.reason = *v;
  if (auto v = in.text("worker_reason")) r.worker_view.reason = *v;
}

}  // namespace sgwrs::http::record
