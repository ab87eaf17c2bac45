#pragma once
// Personal outcomes and well-being frameworks as the API sends and reads them. Scores are
// person_score / worker_score with their reasons, the same names as the review form's fields.
#include <boost/json.hpp>

#include "http/core/json_io.hpp"
#include "service/record/outcome_service.hpp"

namespace sgwrs::http::record {

boost::json::object to_json(const WellbeingFramework& f);
boost::json::object to_json(const Outcome& o);
boost::json::object to_json(const OutcomeReview& r);

extern const std::vector<const char*> kOutcomeFields;  // a new outcome and its baseline
extern const std::vector<const char*> kOutcomeEditFields;
extern const std::vector<const char*> kReviewFields;
// The outcome's own fields onto `o`, and a review's onto `r` (absent fields keep their value).
void read_outcome(JsonInput& in, Outcome& o, std::string& bad);
void read_review(JsonInput& in, OutcomeReview& r);

}  // namespace sgwrs::http::record
