// Agreed actions and support decisions through PlanService: who does what by when, progress
// checked together in the family's words, decisions with the outcomes they serve, only the
// family's own people and outcomes, stale changes refused, and the record's access rule. On
// both engines.
#include <gtest/gtest.h>

#include "service/record/outcome_service.hpp"
#include "service/record/plan_service.hpp"
#include "service/record/record_fixture.hpp"

namespace sgwrs::test {
namespace {

ActionProgress progress(std::string on, ActionState state, std::string words) {
  ActionProgress p;
  p.on = std::move(on);
  p.state = state;
  p.their_words = std::move(words);
  return p;
}

class PlanServiceTest : public RecordServiceTest {
 protected:
  void SetUp() override {
    RecordServiceTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    plans_ = std::make_unique<PlanService>(db(), *audit_, clock());
    outcomes_ = std::make_unique<OutcomeService>(db(), *audit_, clock());
    family_ = make_family(lead_);
    NewOutcome n;
    n.person_id = family_.people[1].id;
    n.statement = "Staying at my school with my friends";
    n.areas = {{"", "education"}};
    n.baseline.reviewed_on = "2023-06-01";
    n.baseline.person_view = {3, ""};
    n.baseline.worker_view = {4, ""};
    outcome_ = must(outcomes_->create(actor(lead_), n)).outcome.id;
  }
  void TearDown() override {
    plans_.reset();
    outcomes_.reset();
    RecordServiceTest::TearDown();
  }
  AgreedAction walk_to_school() {
    AgreedAction a;
    a.family_id = family_.family.id;
    a.what = "Nain walks Gwen to school on Mondays and Thursdays";
    a.owner = ActionOwner::network;
    a.who = "Nain";
    a.by_when = "2023-12-01";
    a.outcome_id = outcome_;
    return a;
  }

  std::unique_ptr<PlanService> plans_;
  std::unique_ptr<OutcomeService> outcomes_;
  FamilyRecord family_;
  Id outcome_ = 0;
};

TEST_P(PlanServiceTest, AnActionIsCheckedTogetherInTheFamilysWords) {
  const auto a = must(plans_->save_action(actor(lead_), walk_to_school()));
  EXPECT_EQ(a.state(), ActionState::not_yet);
  EXPECT_EQ(last_audit().action, "action.create");
  const auto checked = must(plans_->check_action(
      actor(podmate_), a.id,
      progress("2023-10-02", ActionState::partly, "Mondays yes, Thursdays hard")));
  ASSERT_EQ(checked.progress.size(), 1u);
  EXPECT_EQ(checked.state(), ActionState::partly);
  EXPECT_EQ(checked.progress[0].their_words, "Mondays yes, Thursdays hard");
  EXPECT_EQ(checked.progress[0].recorded_by_name, "Ifan Mate");
  EXPECT_GT(checked.version, a.version);
  // A change against the version read before the check is stale and loses nothing.
  auto stale = a;
  stale.what = "Overwrite";
  EXPECT_EQ(plans_->save_action(actor(lead_), stale).error().code, Errc::stale);
  const auto listed = must(plans_->actions_of(actor(manager_), family_.family.id));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].what, "Nain walks Gwen to school on Mondays and Thursdays");
}

TEST_P(PlanServiceTest, OnlyTheFamilysOwnPeopleAndOutcomesAreNamed) {
  const auto other = make_family(lead_, "The Hughes family");
  auto a = walk_to_school();
  a.person_id = other.people[0].id;
  a.outcome_id = 999999;
  a.what = "";
  a.by_when = "2023-02-30";
  const auto r = plans_->save_action(actor(lead_), a);
  std::vector<std::string> fields;
  for (const auto& f : r.error().fields) fields.push_back(f.field + ":" + f.key);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"what:required", "by_when:date_format",
                                      "person_id:not_a_member", "outcome_id:not_a_member"}));
  SupportDecision d;
  d.family_id = family_.family.id;
  d.decided_on = "2023-09-01";
  d.kind = DecisionKind::escalation_avoided;
  d.reason = "x";
  d.outcome_ids = {outcome_, 999999};
  EXPECT_EQ(plans_->record_decision(actor(lead_), d).error().fields.at(0).field, "outcome_ids");
  EXPECT_EQ(count_rows("agreed_actions"), 0);
  EXPECT_EQ(count_rows("support_decisions"), 0);
}

TEST_P(PlanServiceTest, ASupportDecisionIsKeptStructuredWithTheOutcomesItServes) {
  SupportDecision d;
  d.family_id = family_.family.id;
  d.person_id = family_.people[1].id;
  d.decided_on = "2023-09-01";
  d.kind = DecisionKind::escalation_avoided;
  d.outcome_ids = {outcome_};
  d.reason = "With Nain's walks Gwen can stay at her school; no move to a placement is needed.";
  const auto saved = must(plans_->record_decision(actor(lead_), d));
  EXPECT_EQ(last_audit().action, "decision.create");
  const auto all = must(plans_->decisions_of(actor(leader_), family_.family.id));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].id, saved.id);
  EXPECT_EQ(all[0].kind, DecisionKind::escalation_avoided);
  EXPECT_EQ(all[0].outcome_ids, (std::vector<Id>{outcome_}));
  EXPECT_EQ(all[0].recorded_by_name, "Nia Lead");
}

TEST_P(PlanServiceTest, OutsideTheRelationshipActionsAndDecisionsDoNotExist) {
  const auto a = must(plans_->save_action(actor(lead_), walk_to_school()));
  for (const User* u : {&outsider_, &stranger_}) {
    EXPECT_EQ(plans_->get_action(actor(*u), a.id).error().code, Errc::not_found);
    EXPECT_EQ(plans_->actions_of(actor(*u), family_.family.id).error().code, Errc::not_found);
    EXPECT_EQ(plans_->check_action(actor(*u), a.id, progress("2023-10-02", ActionState::done, ""))
                  .error()
                  .code,
              Errc::not_found);
    EXPECT_EQ(plans_->decisions_of(actor(*u), family_.family.id).error().code, Errc::not_found);
    EXPECT_EQ(last_audit().action, "access.refuse");
  }
  EXPECT_EQ(count_rows("action_progress"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, PlanServiceTest, kBothEngines, EngineName());

}  // namespace
}  // namespace sgwrs::test
