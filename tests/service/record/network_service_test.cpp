// Strengths and the family's network through NetworkService, and worries, safety and
// scaling through SafetyService: the family's own people and outcomes only, every field
// refused at once, stale changes refused with nothing lost, a change log of what changed,
// and the record's access rule (outside the relationship nothing exists). On both engines.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "service/record/network_service.hpp"
#include "service/record/outcome_service.hpp"
#include "service/record/record_fixture.hpp"
#include "service/record/safety_service.hpp"

namespace sgwrs::test {
namespace {

// One field of an audit line's detail (stored as JSON).
std::string detail_of(const AuditEvent& e, const char* key) {
  const auto d = boost::json::parse(e.detail).as_object();
  return d.contains(key) ? std::string(d.at(key).as_string()) : "(absent)";
}

std::vector<std::string> field_keys(const Error& e) {
  std::vector<std::string> out;
  for (const auto& f : e.fields) out.push_back(f.field + ":" + f.key);
  return out;
}

class NetworkServiceTest : public RecordServiceTest {
 protected:
  void SetUp() override {
    RecordServiceTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    networks_ = std::make_unique<NetworkService>(db(), *audit_, clock());
    safety_ = std::make_unique<SafetyService>(db(), *audit_, clock());
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
    networks_.reset();
    safety_.reset();
    outcomes_.reset();
    RecordServiceTest::TearDown();
  }
  NetworkMember nain() const {
    NetworkMember m;
    m.family_id = family_.family.id;
    m.person_id = family_.people[1].id;
    m.name = "Nain";
    m.role = NetworkRole::relative;
    m.tie = TieQuality::strong;
    m.flow = SupportFlow::to_family;
    m.support = "Walks Gwen to school";
    m.how_often = "Mondays and Thursdays";
    m.their_words = "Nain always has biscuits and she listens";
    return m;
  }
  SafetyStatement worry() const {
    SafetyStatement s;
    s.family_id = family_.family.id;
    s.kind = SafetyKind::worry;
    s.text = "When Dad drinks, the children are frightened of the shouting";
    s.safety_goal = "The children sleep at Nain's on any night Dad has been drinking";
    s.said_by = "Mam";
    return s;
  }

  std::unique_ptr<NetworkService> networks_;
  std::unique_ptr<SafetyService> safety_;
  std::unique_ptr<OutcomeService> outcomes_;
  FamilyRecord family_;
  Id outcome_ = 0;
};

TEST_P(NetworkServiceTest, AStrengthIsLinkedToTheOutcomesItSupports) {
  Strength s;
  s.family_id = family_.family.id;
  s.person_id = family_.people[1].id;
  s.kind = StrengthKind::own;
  s.text = "Gwen is brave about saying when she is sad";
  s.outcome_ids = {outcome_};
  const auto saved = must(networks_->save_strength(actor(lead_), s));
  EXPECT_EQ(last_audit().action, "strength.create");
  EXPECT_EQ(saved.outcome_ids, (std::vector<Id>{outcome_}));
  auto changed = saved;
  changed.text = "Gwen is brave about saying when she is sad or cross";
  changed.outcome_ids = {};
  const auto now = must(networks_->save_strength(actor(podmate_), changed));
  EXPECT_TRUE(now.outcome_ids.empty());
  EXPECT_GT(now.version, saved.version);
  EXPECT_EQ(last_audit().action, "strength.update");
  EXPECT_EQ(detail_of(last_audit(), "text"),
            "Gwen is brave about saying when she is sad → Gwen is brave about saying when she is "
            "sad or cross");
  // The version read before that change is stale: refused, and the newer words stay.
  auto stale = saved;
  stale.text = "Overwrite";
  EXPECT_EQ(networks_->save_strength(actor(lead_), stale).error().code, Errc::stale);
  const auto listed = must(networks_->strengths_of(actor(manager_), family_.family.id));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].text, "Gwen is brave about saying when she is sad or cross");
}

TEST_P(NetworkServiceTest, OnlyTheFamilysOwnPeopleAndOutcomesAreLinked) {
  const auto other = make_family(lead_, "The Hughes family");
  Strength s;
  s.family_id = family_.family.id;
  s.person_id = other.people[0].id;
  s.outcome_ids = {outcome_, 999999};
  const auto r = networks_->save_strength(actor(lead_), s);
  EXPECT_EQ(field_keys(r.error()),
            (std::vector<std::string>{"text:required", "person_id:not_a_member",
                                      "outcome_ids:not_a_member"}));
  auto m = nain();
  m.name = "";
  m.person_id = other.people[0].id;
  m.how_often = std::string(201, 'x');
  EXPECT_EQ(
      field_keys(networks_->save_member(actor(lead_), m).error()),
      (std::vector<std::string>{"name:required", "how_often:too_long", "person_id:not_a_member"}));
  EXPECT_EQ(count_rows("strengths"), 0);
  EXPECT_EQ(count_rows("strength_outcomes"), 0);
  EXPECT_EQ(count_rows("network_members"), 0);
}

TEST_P(NetworkServiceTest, ANetworkMemberKeepsTheChildsWordsAndAStaleChangeLosesNothing) {
  const auto saved = must(networks_->save_member(actor(lead_), nain()));
  EXPECT_EQ(saved.their_words, "Nain always has biscuits and she listens");
  auto first = saved, second = saved;
  first.tie = TieQuality::stressful;
  first.support = "Walks Gwen to school, but argues with Dad";
  second.support = "Overwrite from another tab";
  must(networks_->save_member(actor(lead_), first));
  EXPECT_EQ(detail_of(last_audit(), "tie"), "strong → stressful");
  EXPECT_EQ(networks_->save_member(actor(podmate_), second).error().code, Errc::stale);
  const auto now = must(networks_->get_member(actor(leader_), saved.id));
  EXPECT_EQ(now.support, "Walks Gwen to school, but argues with Dad");
  EXPECT_EQ(now.tie, TieQuality::stressful);
  EXPECT_EQ(last_audit().action, "network_member.view");
  EXPECT_EQ(detail_of(last_audit(), "access"), "leader");
}

TEST_P(NetworkServiceTest, AWorryNeedsItsSafetyGoalAndDisagreementIsKept) {
  auto w = worry();
  w.safety_goal = "";
  EXPECT_EQ(field_keys(safety_->save_statement(actor(lead_), w).error()),
            (std::vector<std::string>{"safety_goal:required"}));
  SafetyStatement well;
  well.family_id = family_.family.id;
  well.kind = SafetyKind::working_well;
  well.text = "Nain has the children every Friday and they come home happy";
  EXPECT_TRUE(safety_->save_statement(actor(lead_), well).ok());  // no goal needed
  w = worry();
  w.disagreement = "Dad says he never shouts in front of the children";
  const auto saved = must(safety_->save_statement(actor(lead_), w));
  EXPECT_EQ(saved.disagreement, "Dad says he never shouts in front of the children");
  EXPECT_EQ(last_audit().action, "safety_statement.create");
  auto stale = saved;
  auto changed = saved;
  changed.safety_goal = "Dad goes to his brother's on nights he has been drinking";
  must(safety_->save_statement(actor(podmate_), changed));
  stale.text = "Overwrite";
  EXPECT_EQ(safety_->save_statement(actor(lead_), stale).error().code, Errc::stale);
  const auto all = must(safety_->statements_of(actor(manager_), family_.family.id));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].text, "When Dad drinks, the children are frightened of the shouting");
  EXPECT_EQ(all[1].safety_goal, "Dad goes to his brother's on nights he has been drinking");
}

TEST_P(NetworkServiceTest, ScalingIsZeroToTenDatedAndKeptPerPerspective) {
  Scaling s;
  s.family_id = family_.family.id;
  s.on = "2023-09-01";
  s.perspective = Perspective::family;
  s.who = "Mam";
  s.score = 0;  // the bottom of the scale is an answer, not a missing one
  s.reason = "It has been a very bad week";
  must(safety_->record_scaling(actor(lead_), s));
  EXPECT_EQ(last_audit().action, "scaling.create");
  EXPECT_EQ(detail_of(last_audit(), "score"), "0");
  s.on = "2023-10-01";
  s.perspective = Perspective::worker;
  s.score = 4;
  must(safety_->record_scaling(actor(lead_), s));
  s.score = 11;
  s.on = "2099-01-01";
  EXPECT_EQ(field_keys(safety_->record_scaling(actor(lead_), s).error()),
            (std::vector<std::string>{"on:date_in_future", "score:scaling_out_of_range"}));
  s.score = -1;
  s.on = "2023-10-02";
  EXPECT_EQ(field_keys(safety_->record_scaling(actor(lead_), s).error()),
            (std::vector<std::string>{"score:scaling_out_of_range"}));
  const auto all = must(safety_->scalings_of(actor(podmate_), family_.family.id));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].score, 0);
  EXPECT_EQ(all[0].perspective, Perspective::family);
  EXPECT_EQ(all[1].perspective, Perspective::worker);
  EXPECT_EQ(all[1].recorded_by_name, "Nia Lead");
}

TEST_P(NetworkServiceTest, OutsideTheRelationshipNothingOfTheNetworkOrSafetyExists) {
  const auto m = must(networks_->save_member(actor(lead_), nain()));
  const auto w = must(safety_->save_statement(actor(lead_), worry()));
  Strength s;
  s.family_id = family_.family.id;
  s.text = "Mam sings in the chapel choir";
  const auto st = must(networks_->save_strength(actor(lead_), s));
  const Id family = family_.family.id;
  for (const User* u : {&outsider_, &stranger_}) {
    const auto a = actor(*u);
    EXPECT_EQ(networks_->get_member(a, m.id).error().code, Errc::not_found);
    EXPECT_EQ(networks_->network_of(a, family).error().code, Errc::not_found);
    EXPECT_EQ(networks_->get_strength(a, st.id).error().code, Errc::not_found);
    EXPECT_EQ(networks_->strengths_of(a, family).error().code, Errc::not_found);
    EXPECT_EQ(safety_->get_statement(a, w.id).error().code, Errc::not_found);
    EXPECT_EQ(safety_->statements_of(a, family).error().code, Errc::not_found);
    EXPECT_EQ(safety_->scalings_of(a, family).error().code, Errc::not_found);
    auto change = m;
    change.name = "Someone else";
    EXPECT_EQ(networks_->save_member(a, change).error().code, Errc::not_found);
    auto fresh = nain();
    EXPECT_EQ(networks_->save_member(a, fresh).error().code, Errc::not_found);
    Scaling sc;
    sc.family_id = family;
    sc.on = "2023-09-01";
    sc.score = 5;
    EXPECT_EQ(safety_->record_scaling(a, sc).error().code, Errc::not_found);
    EXPECT_EQ(last_audit().action, "access.refuse");
  }
  EXPECT_EQ(count_rows("network_members"), 1);
  EXPECT_EQ(count_rows("scalings"), 0);
  EXPECT_EQ(must(networks_->get_member(actor(lead_), m.id)).name, "Nain");
}

TEST_P(NetworkServiceTest, ASensitiveItemIsHeldBackFromBreakGlassUntilShownAndNeverChangedUnseen) {
  auto secret = nain();
  secret.name = "Gareth (Mam's new partner)";
  secret.marking.sensitive_reason = "Dad must not learn of him";
  const auto m = must(networks_->save_member(actor(lead_), secret));
  EXPECT_EQ(m.marking.sensitive_reason, "Dad must not learn of him");
  auto w = worry();
  w.marking.sensitive_reason = "Mam told us in confidence";
  const auto saved_worry = must(safety_->save_statement(actor(lead_), w));
  Strength open;
  open.family_id = family_.family.id;
  open.text = "Mam sings in the chapel choir";
  const auto st = must(networks_->save_strength(actor(lead_), open));
  const Id family = family_.family.id;

  // The family's own workers read everything, mark and all.
  const auto mine = must(networks_->network_of(actor(podmate_), family));
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].name, "Gareth (Mam's new partner)");
  EXPECT_FALSE(mine[0].marking.withheld);
  EXPECT_EQ(mine[0].marking.sensitive_reason, "Dad must not learn of him");

  // Someone who broke the glass sees that it is there and why, nothing of what it says.
  must(records_->break_glass(actor(outsider_), {family, "Police called about a disturbance", 30}));
  const auto a = actor(outsider_);
  const auto held = must(networks_->network_of(a, family));
  ASSERT_EQ(held.size(), 1u);
  EXPECT_TRUE(held[0].marking.withheld);
  EXPECT_EQ(held[0].name, "");
  EXPECT_EQ(held[0].their_words, "");
  EXPECT_EQ(held[0].marking.sensitive_reason, "Dad must not learn of him");
  const auto held_worry = must(safety_->get_statement(a, saved_worry.id));
  EXPECT_TRUE(held_worry.marking.withheld);
  EXPECT_EQ(held_worry.text, "");
  EXPECT_EQ(held_worry.safety_goal, "");
  // What is not sensitive reads as it is.
  EXPECT_EQ(must(networks_->get_strength(a, st.id)).text, "Mam sings in the chapel choir");
  // What they were never shown, they cannot change.
  auto blind = held[0];
  blind.name = "Someone";
  EXPECT_EQ(networks_->save_member(a, blind).error().code, Errc::forbidden);
  EXPECT_EQ(must(networks_->get_member(actor(lead_), m.id)).name, "Gareth (Mam's new partner)");

  // Asking to see them shows them, and says so in the trail.
  const auto shown = must(networks_->network_of(a, family, true));
  EXPECT_EQ(shown[0].name, "Gareth (Mam's new partner)");
  EXPECT_FALSE(shown[0].marking.withheld);
  bool revealed = false;
  for (const auto& e : audit_rows(5))
    if (e.action == "sensitive.reveal") {
      revealed = true;
      EXPECT_EQ(detail_of(e, "item_type"), "network_member");
      EXPECT_EQ(detail_of(e, "access"), "break_glass");
    }
  EXPECT_TRUE(revealed);

  // Clearing the mark is a change like any other, in the change log.
  auto cleared = must(networks_->get_member(actor(lead_), m.id));
  cleared.marking.sensitive_reason = "";
  const auto after = must(networks_->save_member(actor(lead_), cleared));
  EXPECT_FALSE(after.marking.sensitive());
  EXPECT_EQ(detail_of(last_audit(), "sensitive_reason"), "Dad must not learn of him → ");
  EXPECT_FALSE(must(networks_->network_of(a, family))[0].marking.withheld);
  // A reason too long to be a reason is refused with the field named.
  auto rambling = nain();
  rambling.marking.sensitive_reason = std::string(2001, 'x');
  EXPECT_EQ(field_keys(networks_->save_member(actor(lead_), rambling).error()),
            (std::vector<std::string>{"sensitive_reason:too_long"}));
}

INSTANTIATE_TEST_SUITE_P(Engines, NetworkServiceTest, kBothEngines, EngineName());

}  // namespace
}  // namespace sgwrs::test
