// Search filters by the record's access rule inside its store query (RecordGate::reach), and
// the record pages check it one family at a time (RecordGate::to_person). This holds the two
// to one answer: for every kind of caller, at every step (allocation, a second family,
// break-glass running and ended, a disabled account), search finds exactly the people
// to_person would open. On both engines.
#include <gtest/gtest.h>

#include <set>

#include "service/record/record_fixture.hpp"
#include "service/record/record_gate.hpp"
#include "store/record/family_store.hpp"

namespace sgwrs::test {
namespace {

class ReachTest : public RecordServiceTest {
 protected:
  void SetUp() override {
    RecordServiceTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    gate_ = std::make_unique<RecordGate>(db(), *audit_, clock());
    ours_ = make_family(lead_);
    theirs_ = make_family(outsider_, "The Prys family of Nedd");
    // A child who lives in both households: on the other pod's family too.
    moved_ = ours_.people[2].id;
    write([&](store::Conn& c) {
      store::record::put_member(c, theirs_.family.id, moved_, MemberRole::child);
      return 0;
    });
    for (const auto& f : {ours_, theirs_})
      for (const auto& p : f.people) everyone_.insert(p.id);
  }
  void TearDown() override {
    gate_.reset();
    RecordServiceTest::TearDown();
  }

  std::set<Id> searched(const Actor& a, const std::string& q) {
    std::set<Id> out;
    for (const auto& p : must(records_->search_people(a, q))) out.insert(p.id);
    return out;
  }
  std::set<Id> openable(const Actor& a) {
    std::set<Id> out;
    read([&](store::Conn& c) {
      for (Id id : everyone_)
        if (gate_->to_person(c, a, id) != RecordAccess::none) out.insert(id);
      return 0;
    });
    return out;
  }
  // Every caller, searching a name all of the people share.
  void expect_search_matches_the_gate(const std::string& step) {
    User disabled = lead_;
    disabled.disabled = true;
    for (const auto& u : {lead_, podmate_, manager_, outsider_, leader_, stranger_, disabled}) {
      const auto a = actor(u);
      EXPECT_EQ(searched(a, "prys"), openable(a)) << step << ": " << u.display_name;
    }
  }

  std::unique_ptr<RecordGate> gate_;
  FamilyRecord ours_, theirs_;
  Id moved_ = 0;
  std::set<Id> everyone_;
};

TEST_P(ReachTest, SearchFindsExactlyThePeopleTheGateOpens) {
  expect_search_matches_the_gate("allocated");
  // Not vacuous: the pods see their own family and the child who lives in both.
  const std::set<Id> ours = openable(actor(lead_));
  EXPECT_EQ(ours.size(), 3u);
  EXPECT_EQ(searched(actor(outsider_), "prys").size(), 4u);
  EXPECT_TRUE(searched(actor(outsider_), "prys").count(moved_));
  EXPECT_EQ(searched(actor(leader_), "prys").size(), 6u);
  EXPECT_TRUE(searched(actor(stranger_), "prys").empty());

  // Break-glass opens the other pod's family while it runs, and only then.
  must(records_->break_glass(actor(lead_),
                             {theirs_.family.id, "Police call out of hours, need contacts", 30}));
  expect_search_matches_the_gate("break-glass running");
  EXPECT_EQ(searched(actor(lead_), "prys").size(), 6u);
  advance(31 * 60);
  expect_search_matches_the_gate("break-glass ended");
  EXPECT_EQ(searched(actor(lead_), "prys").size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Engines, ReachTest, kBothEngines, EngineName());

}  // namespace
}  // namespace sgwrs::test
