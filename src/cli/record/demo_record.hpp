#pragma once
// Adds families to the demo pods: people with Welsh and English names (Siôn, Gwenllïan,
// Llŷr…), each family allocated to a practitioner of a pod, with its story written in
// English or Welsh, conversations over the last two years in the family's own words, and
// personal outcomes with their baselines and reviews, agreed actions checked together, and
// support decisions, strengths linked to outcomes, eco-maps with the children's own words,
// worries beside what is working well, and scaling from each perspective.
#include "service/organisation/user_service.hpp"
#include "service/record/involvement_service.hpp"
#include "service/record/network_service.hpp"
#include "service/record/outcome_service.hpp"
#include "service/record/plan_service.hpp"
#include "service/record/record_service.hpp"
#include "service/record/safety_service.hpp"

namespace sgwrs::cli {

struct DemoRecordResult {
  std::size_t families = 0;
  std::size_t people = 0;
  std::size_t conversations = 0;
  std::size_t outcomes = 0;
  std::size_t actions = 0;
  std::size_t decisions = 0;
  std::size_t strengths = 0;
  std::size_t network_members = 0;
  std::size_t reopened = 0;  // families whose work was closed and opened again
  std::size_t safety_statements = 0;
  std::size_t scalings = 0;
  std::string lead_email;  // who to sign in as to see them
};

DemoRecordResult build_demo_record(RecordService& records, OutcomeService& outcomes,
                                   PlanService& plans, NetworkService& networks,
                                   SafetyService& safety, InvolvementService& involvements,
                                   UserService& users);

}  // namespace sgwrs::cli
