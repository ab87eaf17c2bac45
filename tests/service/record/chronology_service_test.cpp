// A family's chronology through ChronologyService: built from the record (conversations,
// statuses, outcome scores, action checks, support decisions) and events entered by hand,
// in time order, filtered by kind and by person, and under the record's access rule. On both
// engines.
#include <gtest/gtest.h>

#include "service/record/chronology_service.hpp"
#include "service/record/outcome_service.hpp"
#include "service/record/plan_service.hpp"
#include "service/record/record_fixture.hpp"

namespace sgwrs::test {
namespace {

class ChronologyServiceTest : public RecordServiceTest {
 protected:
  void SetUp() override {
    RecordServiceTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    chronologies_ = std::make_unique<ChronologyService>(db(), *audit_, clock());
    outcomes_ = std::make_unique<OutcomeService>(db(), *audit_, clock());
    plans_ = std::make_unique<PlanService>(db(), *audit_, clock());
    family_ = make_family(lead_);
  }
  void TearDown() override {
    chronologies_.reset();
    outcomes_.reset();
    plans_.reset();
    RecordServiceTest::TearDown();
  }
  std::vector<std::string> lines(const ChronologyFilter& f = {}) {
    std::vector<std::string> out;
    for (const auto& e : must(chronologies_->chronology(actor(podmate_), family_.family.id, f)))
      out.push_back(e.on + " " + std::string(kChronologyKinds.id(e.kind)) + " " + e.code);
    return out;
  }

  std::unique_ptr<ChronologyService> chronologies_;
  std::unique_ptr<OutcomeService> outcomes_;
  std::unique_ptr<PlanService> plans_;
  FamilyRecord family_;
};

TEST_P(ChronologyServiceTest, EverythingTheRecordSaysHappenedInTimeOrder) {
  const Id gwen = family_.people[1].id;
  Conversation v;
  v.family_id = family_.family.id;
  v.held_on = "2023-07-10";
  v.present = {gwen};
  v.what_matters = {{"Aros yn fy ysgol", gwen, ""}};
  v.led_to = ConversationOutcome::plan;
  v.state = ConversationState::finished;
  ASSERT_TRUE(records_->save_conversation(actor(lead_), v).ok());
  Conversation draft = v;
  draft.held_on = "2023-07-11";
  draft.state = ConversationState::draft;
  ASSERT_TRUE(records_->save_conversation(actor(lead_), draft).ok());  // the lead's, unfinished
  NewOutcome n;
  n.person_id = gwen;
  n.statement = "Staying at my school";
  n.areas = {{"", "education"}};
  n.baseline.reviewed_on = "2023-06-01";
  n.baseline.person_view = {3, ""};
  n.baseline.worker_view = {3, ""};
  const Id outcome = must(outcomes_->create(actor(lead_), n)).outcome.id;
  SupportDecision d;
  d.family_id = family_.family.id;
  d.person_id = gwen;
  d.decided_on = "2023-09-01";
  d.kind = DecisionKind::escalation_avoided;
  d.outcome_ids = {outcome};
  d.reason = "Nain walks her to school";
  ASSERT_TRUE(plans_->record_decision(actor(lead_), d).ok());
  SignificantEvent e;
  e.family_id = family_.family.id;
  e.happened_on = "2023-08-15";
  e.what = "Moved to a flat in Ystalyfera";
  ASSERT_TRUE(chronologies_->add_event(actor(lead_), e).ok());
  EXPECT_EQ(last_audit().action, "event.create");

  // The colleague does not see the lead's draft; the opening status comes first.
  EXPECT_EQ(lines(),
            (std::vector<std::string>{"2023-05-01 status early_help", "2023-06-01 review baseline",
                                      "2023-07-10 conversation plan", "2023-08-15 event ",
                                      "2023-09-01 decision escalation_avoided"}));
  EXPECT_EQ(last_audit().action, "chronology.view");
  EXPECT_EQ(lines({ChronologyKind::decision, std::nullopt}),
            (std::vector<std::string>{"2023-09-01 decision escalation_avoided"}));
  EXPECT_EQ(lines({std::nullopt, gwen}),
            (std::vector<std::string>{"2023-06-01 review baseline", "2023-07-10 conversation plan",
                                      "2023-09-01 decision escalation_avoided"}));
}

TEST_P(ChronologyServiceTest, BadEventsAndOutsidersAreRefused) {
  const auto other = make_family(lead_, "The Hughes family");
  SignificantEvent e;
  e.family_id = family_.family.id;
  e.happened_on = "2999-01-01";
  e.person_id = other.people[0].id;
  const auto r = chronologies_->add_event(actor(lead_), e);
  std::vector<std::string> fields;
  for (const auto& f : r.error().fields) fields.push_back(f.field + ":" + f.key);
  EXPECT_EQ(fields, (std::vector<std::string>{"happened_on:date_in_future", "what:required",
                                              "person_id:not_a_member"}));
  EXPECT_EQ(count_rows("significant_events"), 0);
  for (const User* u : {&outsider_, &stranger_})
    EXPECT_EQ(chronologies_->chronology(actor(*u), family_.family.id).error().code,
              Errc::not_found);
}

INSTANTIATE_TEST_SUITE_P(Engines, ChronologyServiceTest, kBothEngines, EngineName());

}  // namespace
}  // namespace sgwrs::test
