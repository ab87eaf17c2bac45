// The periods of work with a family through InvolvementService: a dated status change on the
// open period (never dated before the last), closing it with its history kept, reopening as a
// new period (never two open, never before the last ended), stale changes refused, and the
// record's access rule. On both engines.
#include <gtest/gtest.h>

#include "service/record/involvement_service.hpp"
#include "service/record/record_fixture.hpp"

namespace sgwrs::test {
namespace {

std::vector<std::string> field_keys(const Error& e) {
  std::vector<std::string> out;
  for (const auto& f : e.fields) out.push_back(f.field + ":" + f.key);
  return out;
}

class InvolvementServiceTest : public RecordServiceTest {
 protected:
  void SetUp() override {
    RecordServiceTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    involvements_ = std::make_unique<InvolvementService>(db(), *audit_, clock());
    family_ = make_family(lead_);
  }
  void TearDown() override {
    involvements_.reset();
    RecordServiceTest::TearDown();
  }
  Involvement current() {
    return must(involvements_->of_family(actor(lead_), family_.family.id)).back();
  }

  std::unique_ptr<InvolvementService> involvements_;
  FamilyRecord family_;
};

TEST_P(InvolvementServiceTest, AStatusMovesOnFromADayAndNeverBeforeTheLast) {
  const auto before = current();
  ASSERT_TRUE(before.open());
  StatusMove m{before.id, before.version, InvolvementStatus::child_protection_plan, "2023-09-01",
               "Agreed at conference"};
  const auto moved = must(involvements_->change_status(actor(lead_), m));
  ASSERT_EQ(moved.history.size(), before.history.size() + 1);
  EXPECT_EQ(moved.history.back().status, InvolvementStatus::child_protection_plan);
  EXPECT_EQ(moved.history.back().note, "Agreed at conference");
  EXPECT_GT(moved.version, before.version);
  EXPECT_EQ(last_audit().action, "involvement.status");
  // The same change again from the version read before it is stale; nothing is added.
  EXPECT_EQ(involvements_->change_status(actor(podmate_), m).error().code, Errc::stale);
  StatusMove early{moved.id, moved.version, InvolvementStatus::early_help, "2000-01-01", ""};
  EXPECT_EQ(field_keys(involvements_->change_status(actor(lead_), early).error()),
            (std::vector<std::string>{"from:before_last_status"}));
  StatusMove future{moved.id, moved.version, InvolvementStatus::early_help, "2999-01-01", ""};
  EXPECT_EQ(field_keys(involvements_->change_status(actor(lead_), future).error()),
            (std::vector<std::string>{"from:date_in_future"}));
  EXPECT_EQ(current().history.size(), moved.history.size());
}

TEST_P(InvolvementServiceTest, ClosingKeepsTheHistoryAndReopeningStartsANewPeriod) {
  const auto open = current();
  const auto closed =
      must(involvements_->close(actor(lead_), {open.id, open.version, "2023-10-01", "Goals met"}));
  EXPECT_FALSE(closed.open());
  EXPECT_EQ(closed.closed_on, "2023-10-01");
  EXPECT_EQ(closed.history.back().status, InvolvementStatus::none);
  EXPECT_EQ(closed.history.back().note, "Goals met");
  EXPECT_EQ(closed.history.size(), open.history.size() + 1);
  // A closed period takes no more statuses and cannot close twice.
  EXPECT_EQ(involvements_
                ->change_status(actor(lead_), {closed.id, closed.version,
                                               InvolvementStatus::early_help, "2023-10-02", ""})
                .error()
                .code,
            Errc::conflict);
  EXPECT_EQ(involvements_->close(actor(lead_), {closed.id, closed.version, "2023-10-02", ""})
                .error()
                .code,
            Errc::conflict);
  Reopening r{family_.family.id, "2023-09-01", InvolvementStatus::early_help, std::nullopt};
  EXPECT_EQ(field_keys(involvements_->reopen(actor(lead_), r).error()),
            (std::vector<std::string>{"opened_on:before_closed"}));
  r.opened_on = "2023-11-01";
  const auto again = must(involvements_->reopen(actor(podmate_), r));
  EXPECT_TRUE(again.open());
  EXPECT_NE(again.id, closed.id);
  EXPECT_EQ(again.lead_worker_id, podmate_.id);
  EXPECT_EQ(last_audit().action, "involvement.reopen");
  const auto all = must(involvements_->of_family(actor(manager_), family_.family.id));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].closed_on, "2023-10-01");
  EXPECT_EQ(all[0].history.back().note, "Goals met");
  // Never two open periods.
  r.opened_on = "2023-11-02";
  EXPECT_EQ(involvements_->reopen(actor(lead_), r).error().code, Errc::conflict);
}

TEST_P(InvolvementServiceTest, OutsideTheRelationshipThereIsNoWorkToChange) {
  const auto open = current();
  for (const User* u : {&outsider_, &stranger_}) {
    const auto a = actor(*u);
    EXPECT_EQ(involvements_->get(a, open.id).error().code, Errc::not_found);
    EXPECT_EQ(involvements_->of_family(a, family_.family.id).error().code, Errc::not_found);
    EXPECT_EQ(involvements_
                  ->change_status(
                      a, {open.id, open.version, InvolvementStatus::early_help, "2023-09-01", ""})
                  .error()
                  .code,
              Errc::not_found);
    EXPECT_EQ(involvements_->close(a, {open.id, open.version, "2023-09-01", ""}).error().code,
              Errc::not_found);
    EXPECT_EQ(involvements_
                  ->reopen(a, {family_.family.id, "2023-09-01", InvolvementStatus::early_help,
                               std::nullopt})
                  .error()
                  .code,
              Errc::not_found);
    EXPECT_EQ(last_audit().action, "access.refuse");
  }
  EXPECT_TRUE(current().open());
}

INSTANTIATE_TEST_SUITE_P(Engines, InvolvementServiceTest, kBothEngines, EngineName());

}  // namespace
}  // namespace sgwrs::test
