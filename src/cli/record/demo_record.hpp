#pragma once
// Adds families to the demo pods: people with Welsh and English names (Siôn, Gwenllïan,
// Llŷr…), each family allocated to a practitioner of a pod, with its story written in
// English or Welsh, conversations over the last two years in the family's own words, and
// personal outcomes with their baselines and reviews, agreed actions checked together, and
// support decisions.
#include "service/organisation/user_service.hpp"
#include "service/record/outcome_service.hpp"
#include "service/record/plan_service.hpp"
#include "service/record/record_service.hpp"

namespace sgwrs::cli {

struct DemoRecordResult {
  std::size_t families = 0;
  std::size_t people = 0;
  std::size_t conversations = 0;
  std::size_t outcomes = 0;
  std::size_t actions = 0;
  std::size_t decisions = 0;
  std::string lead_email;  // who to sign in as to see them
};

DemoRecordResult build_demo_record(RecordService& records, OutcomeService& outcomes,
                                   PlanService& plans, UserService& users);

}  // namespace sgwrs::cli
