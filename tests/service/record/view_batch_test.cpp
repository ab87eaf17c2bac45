// A page's views audited together (RecordGate::Batch, RecordService::views_together): their
// lines are written once the page has read everything, all of them, in one go; a page that
// never finishes (it showed nothing) writes none; a refusal is audited at once all the same.
// On both engines.
#include <gtest/gtest.h>

#include "service/record/record_fixture.hpp"

namespace sgwrs::test {
namespace {

class ViewBatchTest : public RecordServiceTest {
 protected:
  std::vector<std::string> actions_since(Id after) {
    std::vector<std::string> out;
    for (const auto& e : audit_rows())
      if (e.id > after) out.insert(out.begin(), e.action);
    return out;
  }
  Id last_id() { return last_audit().id; }
};

TEST_P(ViewBatchTest, APagesViewsAreAuditedTogetherWhenItFinishes) {
  const auto f = make_family(lead_);
  const Id before = last_id();
  {
    auto views = records_->views_together();
    must(records_->view_family(actor(lead_), f.family.id));
    must(records_->view_person(actor(lead_), f.people[1].id));
    // A view that fails leaves nothing of its own in the batch, and is refused at once.
    EXPECT_EQ(records_->view_family(actor(outsider_), f.family.id).error().code, Errc::not_found);
    EXPECT_EQ(actions_since(before), (std::vector<std::string>{"access.refuse"}));
    ASSERT_TRUE(views.finish().ok());
  }
  EXPECT_EQ(actions_since(before),
            (std::vector<std::string>{"access.refuse", "family.view", "person.view"}));
  // Once finished, views audit on their own again.
  must(records_->view_person(actor(lead_), f.people[0].id));
  EXPECT_EQ(last_audit().action, "person.view");
}

TEST_P(ViewBatchTest, APageThatNeverFinishesShowedNothingAndWritesNothing) {
  const auto f = make_family(lead_);
  const Id before = last_id();
  {
    auto views = records_->views_together();
    must(records_->view_family(actor(lead_), f.family.id));
  }
  EXPECT_TRUE(actions_since(before).empty());
  must(records_->view_family(actor(lead_), f.family.id));
  EXPECT_EQ(actions_since(before), (std::vector<std::string>{"family.view"}));
}

INSTANTIATE_TEST_SUITE_P(Engines, ViewBatchTest, kBothEngines, EngineName());

}  // namespace
}  // namespace sgwrs::test
