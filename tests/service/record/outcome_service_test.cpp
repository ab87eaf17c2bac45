// Personal outcomes through OutcomeService: the Welsh framework as data, baselines and
// reviews on the outcome's own scale, the gentle service-not-outcome prompt, versions that
// refuse a stale edit, another framework loaded without breaking old links, and the record's
// access rule. On both engines.
#include <gtest/gtest.h>

#include "service/record/outcome_service.hpp"
#include "service/record/outcome_wording.hpp"
#include "service/record/record_fixture.hpp"

namespace sgwrs::test {
namespace {

class OutcomeServiceTest : public RecordServiceTest {
 protected:
  void SetUp() override {
    RecordServiceTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    outcomes_ = std::make_unique<OutcomeService>(db(), *audit_, clock());
    family_ = make_family(lead_);
    sion_ = family_.people[0].id;
  }
  void TearDown() override {
    outcomes_.reset();
    RecordServiceTest::TearDown();
  }

  NewOutcome being_a_dad(std::string statement = "Being a dad again, having a space of my own") {
    NewOutcome n;
    n.person_id = sion_;
    n.statement = std::move(statement);
    n.areas = {{"", "relationships"}, {"", "accommodation"}};
    n.baseline.reviewed_on = "2023-06-01";
    n.baseline.person_view = {3, "I only see the children at weekends"};
    n.baseline.worker_view = {2, "No home of his own yet"};
    return n;
  }
  OutcomeReview review_on(Id outcome, std::string day, int person, int worker) {
    OutcomeReview r;
    r.outcome_id = outcome;
    r.reviewed_on = std::move(day);
    r.person_view = {person, "better"};
    r.worker_view = {worker, "flat agreed"};
    return r;
  }

  std::unique_ptr<OutcomeService> outcomes_;
  FamilyRecord family_;
  Id sion_ = 0;
};

TEST_P(OutcomeServiceTest, TheWelshFrameworkIsLoadedInBothLanguages) {
  const auto all = must(outcomes_->frameworks(actor(lead_)));
  ASSERT_FALSE(all.empty());
  const auto& wales = all.front();
  EXPECT_EQ(wales.id, "wales");
  EXPECT_TRUE(wales.current);
  ASSERT_EQ(wales.areas.size(), 12u);
  EXPECT_EQ(wales.areas[3].id, "relationships");
  EXPECT_EQ(wales.areas[3].name_cy, "Perthnasoedd domestig, teuluol a phersonol");
  EXPECT_EQ(wales.area("development")->applies_to, AreaAppliesTo::children);
  EXPECT_EQ(wales.area("work")->applies_to, AreaAppliesTo::adults);
}

TEST_P(OutcomeServiceTest, AnOutcomeStartsFromItsBaselineAndMovesWithEachReview) {
  const auto saved = must(outcomes_->create(actor(lead_), being_a_dad()));
  EXPECT_TRUE(saved.reads_like_service.empty());
  const Outcome& o = saved.outcome;
  EXPECT_EQ(o.areas,
            (std::vector<AreaLink>{{"wales", "accommodation"}, {"wales", "relationships"}}));
  ASSERT_EQ(o.reviews.size(), 1u);
  EXPECT_EQ(o.reviews[0].person_view.score, 3);
  EXPECT_EQ(o.reviews[0].recorded_by_name, "Nia Lead");
  EXPECT_EQ(last_audit().action, "outcome.create");

  const auto moved = must(outcomes_->review(actor(podmate_), review_on(o.id, "2023-09-01", 6, 5),
                                            OutcomeStatus::progressing));
  ASSERT_EQ(moved.reviews.size(), 2u);
  EXPECT_EQ(moved.reviews[1].worker_view.score, 5);
  EXPECT_EQ(moved.status, OutcomeStatus::progressing);
  EXPECT_GT(moved.version, o.version);
  const auto e = last_audit();
  EXPECT_EQ(e.action, "outcome.review");
  EXPECT_NE(e.detail.find("not_yet → progressing"), std::string::npos) << e.detail;
  const auto listed = must(outcomes_->of_person(actor(manager_), sion_));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].reviews.size(), 2u);
}

TEST_P(OutcomeServiceTest, AServiceForAnOutcomeGetsAPromptNeverARefusal) {
  for (const auto& [statement, phrase] : std::vector<std::pair<std::string, std::string>>{
           {"Needs help with washing and dressing", "needs help with"},
           {"Requires a care package", "requires a"},
           {"Respite twice a month", "respite"},
           {"Mynd i'r ganolfan ddydd", "canolfan ddydd"},
           {"Angen help gyda siopa", "angen help gyda"},
           {"Pecyn gofal", "pecyn gofal"}}) {
    const auto saved = must(outcomes_->create(actor(lead_), being_a_dad(statement)));
    EXPECT_EQ(saved.reads_like_service, phrase) << statement;
    EXPECT_EQ(saved.outcome.statement, statement);
  }
  EXPECT_EQ(reads_like_service("To go to my granddaughter's wedding and dance"), "");
  EXPECT_EQ(reads_like_service("Bod yn dad eto"), "");
}

TEST_P(OutcomeServiceTest, BadScoresDatesAndAreasAreRefusedWholeWithEveryField) {
  auto n = being_a_dad("");
  n.baseline.person_view.score = 11;
  n.baseline.worker_view.score = -1;
  n.baseline.reviewed_on = "2999-01-01";
  auto r = outcomes_->create(actor(lead_), n);
  ASSERT_FALSE(r.ok());
  std::vector<std::string> fields;
  for (const auto& f : r.error().fields) fields.push_back(f.field + ":" + f.key);
  EXPECT_EQ(fields, (std::vector<std::string>{"statement:required", "reviewed_on:date_in_future",
                                              "person_score:score_out_of_range",
                                              "worker_score:score_out_of_range"}));
  n = being_a_dad();
  n.scale = OutcomeScale::one_to_five;
  n.baseline.person_view.score = 0;  // the 1–5 ladder has no 0
  EXPECT_EQ(outcomes_->create(actor(lead_), n).error().fields.at(0).key, "score_out_of_range");
  n = being_a_dad();
  n.areas = {{"wales", "no_such_area"}};
  EXPECT_EQ(outcomes_->create(actor(lead_), n).error().fields.at(0).key, "unknown_area");
  n.areas = {};
  EXPECT_EQ(outcomes_->create(actor(lead_), n).error().fields.at(0).key, "required");
  EXPECT_EQ(count_rows("outcomes"), 0);

  const auto o = must(outcomes_->create(actor(lead_), being_a_dad())).outcome;
  const auto early = outcomes_->review(actor(lead_), review_on(o.id, "2023-05-01", 4, 4), {});
  EXPECT_EQ(early.error().fields.at(0).key, "before_baseline");
  EXPECT_EQ(count_rows("outcome_reviews"), 1);
}

TEST_P(OutcomeServiceTest, AStaleEditIsRefusedAndLosesNothing) {
  auto o = must(outcomes_->create(actor(lead_), being_a_dad())).outcome;
  auto mine = o, theirs = o;
  mine.statement = "Being a dad again";
  theirs.statement = "Having my own flat near the school";
  ASSERT_TRUE(outcomes_->update(actor(lead_), mine).ok());
  const auto stale = outcomes_->update(actor(podmate_), theirs);
  EXPECT_EQ(stale.error().code, Errc::stale);
  EXPECT_EQ(must(outcomes_->get(actor(lead_), o.id)).statement, "Being a dad again");
  const auto e = last_audit();
  EXPECT_EQ(e.action, "outcome.view");
}

TEST_P(OutcomeServiceTest, OutsideTheRelationshipAnOutcomeDoesNotExist) {
  const auto o = must(outcomes_->create(actor(lead_), being_a_dad())).outcome;
  for (const User* u : {&outsider_, &stranger_}) {
    EXPECT_EQ(outcomes_->get(actor(*u), o.id).error().code, Errc::not_found);
    EXPECT_EQ(outcomes_->of_person(actor(*u), sion_).error().code, Errc::not_found);
    EXPECT_EQ(outcomes_->create(actor(*u), being_a_dad()).error().code, Errc::not_found);
    EXPECT_EQ(outcomes_->review(actor(*u), review_on(o.id, "2023-09-01", 5, 5), {}).error().code,
              Errc::not_found);
    EXPECT_EQ(last_audit().action, "access.refuse");
  }
  EXPECT_EQ(count_rows("outcomes"), 1);
  EXPECT_TRUE(outcomes_->get(actor(leader_), o.id).ok());
}

TEST_P(OutcomeServiceTest, AnotherFrameworkCanBeLoadedAndOldLinksStay) {
  const auto o = must(outcomes_->create(actor(lead_), being_a_dad())).outcome;
  WellbeingFramework shanarri{"scotland",
                              "Wellbeing indicators (SHANARRI)",
                              "Dangosyddion llesiant (SHANARRI)",
                              {{"safe", "Safe", "Diogel"}, {"healthy", "Healthy", "Iach"}}};
  EXPECT_EQ(outcomes_->load_framework(actor(lead_), shanarri, true).error().code, Errc::forbidden);
  const auto loaded = must(outcomes_->load_framework(actor(admin_), shanarri, true));
  EXPECT_TRUE(loaded.current);
  EXPECT_EQ(last_audit().action, "framework.load");
  const auto all = must(outcomes_->frameworks(actor(lead_)));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, "scotland");
  EXPECT_FALSE(all[1].current);
  // The outcome linked to Wales keeps its links; new ones link to the current framework.
  EXPECT_EQ(must(outcomes_->get(actor(lead_), o.id)).areas.size(), 2u);
  auto n = being_a_dad();
  n.areas = {{"", "safe"}};
  EXPECT_EQ(must(outcomes_->create(actor(lead_), n)).outcome.areas,
            (std::vector<AreaLink>{{"scotland", "safe"}}));
  shanarri.areas[0].id = "Not An Id";
  EXPECT_EQ(outcomes_->load_framework(actor(admin_), shanarri, false).error().fields.at(0).field,
            "areas.0.id");
}

INSTANTIATE_TEST_SUITE_P(Engines, OutcomeServiceTest, kBothEngines, EngineName());

}  // namespace
}  // namespace sgwrs::test
