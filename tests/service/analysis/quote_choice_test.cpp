// Findings quotes chosen by evidence, swapped and pinned, through AnalysisResultsService on
// both engines. A corpus built so the old rule (the first coded passages in report order)
// and the new one give different quotes:
//
//   RESPITE "Managers arranged a tailored care package and flexible support."
//           coded to leadership, but it carries right support far more (three indicators
//           against one): the issue's "Leadership quoted with a paragraph about
//           replacement care".
//   LEAD    "Our senior leaders are visible and supportive."  leadership and nothing else.
//   LONG    six sentences about leadership, coded as one paragraph.
//   RAIN    "It rains most days."  no theme.
//
//   Cyngor Alpha (adult_social_care):   A1 RESPITE, A2 LEAD, A3 LONG, A4 RAIN, A5 RAIN
//   Cyngor Gamma (childrens_services):  G1 LEAD, G2-G5 RAIN
//   Cyngor Beta (adult_social_care):    B1 LEAD, B2 RAIN — two reports, below the threshold
//                                       of five, so left out of every count and every quote.
//
// Ana codes every passage named above (but RAIN) to leadership.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>
#include <sstream>

#include "domain/core/utf8.hpp"
#include "domain/core/validation.hpp"
#include "service/analysis/analysis_service.hpp"
#include "service/analysis/coding_support.hpp"
#include "service/analysis/results_service.hpp"
#include "service/core/service_fixture.hpp"

namespace sgwrs::test {
namespace {

namespace bj = boost::json;

constexpr const char* RESPITE = "Managers arranged a tailored care package and flexible support.";
constexpr const char* LEAD = "Our senior leaders are visible and supportive.";
constexpr const char* LONG =
    "Leadership is strong here. Leaders come to our meetings. The leadership team is "
    "visible. Leaders back our decisions. Senior managers know our names. Leadership has "
    "changed for the better.";
constexpr const char* RAIN = "It rains most days.";
constexpr const char* kLeadership = "leadership";

std::string default_codebook_json() {
  std::ifstream in(SGWRS_SOURCE_DIR "/data/codebook/default.json", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Quote {
  std::string text, organisation;
  bool pinned = false;
};

std::vector<Quote> quotes_of(const FindingRow& f) {
  std::vector<Quote> out;
  const bj::value parsed = bj::parse(f.quotes_json);
  for (const auto& v : parsed.as_array())
    out.push_back({std::string(v.at("text").as_string()),
                   std::string(v.at("organisation").as_string()), v.at("pinned").as_bool()});
  return out;
}

std::vector<std::string> texts(const std::vector<Quote>& qs) {
  std::vector<std::string> out;
  for (const auto& q : qs) out.push_back(q.text);
  return out;
}

class QuoteChoiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    static const std::string json = default_codebook_json();
    analysis_ = std::make_unique<AnalysisService>(db(), *audit_, clock(), json);
    results_ = std::make_unique<AnalysisResultsService>(db(), *audit_, *analysis_, clock());
    static const std::string hash = "$argon2id$not-a-real-hash";
    ana_ = add_user_with_hash(org_.id, "ana@example.org", "Ana Analyst", Role::analyst, hash);
    leader_ =
        add_user_with_hash(org_.id, "lead@example.org", "Lowri Leader", Role::senior_leader, hash);

    struct Spec {
      std::string title, org, area, text;
    };
    const std::vector<Spec> specs = {{"A1", "Cyngor Alpha", "adult_social_care", RESPITE},
                                     {"A2", "Cyngor Alpha", "adult_social_care", LEAD},
                                     {"A3", "Cyngor Alpha", "adult_social_care", LONG},
                                     {"A4", "Cyngor Alpha", "adult_social_care", RAIN},
                                     {"A5", "Cyngor Alpha", "adult_social_care", RAIN},
                                     {"G1", "Cyngor Gamma", "childrens_services", LEAD},
                                     {"G2", "Cyngor Gamma", "childrens_services", RAIN},
                                     {"G3", "Cyngor Gamma", "childrens_services", RAIN},
                                     {"G4", "Cyngor Gamma", "childrens_services", RAIN},
                                     {"G5", "Cyngor Gamma", "childrens_services", RAIN},
                                     {"B1", "Cyngor Beta", "adult_social_care", LEAD},
                                     {"B2", "Cyngor Beta", "adult_social_care", RAIN}};
    std::vector<ImportInput> files;
    for (const auto& s : specs)
      files.push_back({s.title + ".txt",
                       "What is working well\n" + s.text + "\n",
                       {s.title, s.org, "", s.area, "2025-05-10", 10}});
    for (const auto& o : must(analysis_->import(actor(admin_), files))) {
      ASSERT_TRUE(o.report_id.has_value()) << o.file_name << ": " << o.error_code;
      id_[o.file_name.substr(0, 2)] = *o.report_id;
    }
    for (const auto& [report, text] : std::vector<std::pair<std::string, std::string>>{
             {"A1", RESPITE}, {"A2", LEAD}, {"A3", LONG}, {"G1", LEAD}, {"B1", LEAD}})
      code(report, text);
  }
  void TearDown() override {
    results_.reset();
    analysis_.reset();
    ServiceTest::TearDown();
  }

  // Codes the passage `text` of a report (a sentence or the whole paragraph) to leadership.
  void code(const std::string& report, const std::string& text) {
    code_passage(*analysis_, actor(ana_), id_.at(report), text, kLeadership);
  }

  FindingRow leadership() {
    for (const auto& f : must(results_->findings(actor(leader_))))
      if (f.theme_id == kLeadership) return f;
    throw std::runtime_error("no leadership finding");
  }
  FindingRow draft() {
    must(results_->draft_findings(actor(ana_), std::nullopt, Language::en));
    return leadership();
  }
  std::size_t count_action(const std::string& action) {
    std::size_t n = 0;
    for (const auto& e : audit_rows(1000)) n += e.action == action;
    return n;
  }

  std::unique_ptr<AnalysisService> analysis_;
  std::unique_ptr<AnalysisResultsService> results_;
  User ana_, leader_;
  std::map<std::string, Id> id_;
};

TEST_P(QuoteChoiceTest, TheQuotesShowTheirThemeFromDifferentPlacesAndNeverALeftOutGroup) {
  const auto qs = quotes_of(draft());
  // The specific short passages first, one per organisation (Alpha's, then Gamma's, a new
  // organisation and service area), then the long paragraph; the passage about something
  // else, which the old rule quoted first (A1 comes first), is not quoted; nor is Beta.
  ASSERT_EQ(qs.size(), 3u);
  EXPECT_EQ(texts(qs), (std::vector<std::string>{LEAD, LEAD, LONG}));
  EXPECT_EQ(qs[0].organisation, "Cyngor Alpha");
  EXPECT_EQ(qs[1].organisation, "Cyngor Gamma");
  EXPECT_EQ(qs[2].organisation, "Cyngor Alpha");
  for (const auto& q : qs) EXPECT_NE(q.organisation, "Cyngor Beta");
}

TEST_P(QuoteChoiceTest, SwapMovesToTheNextCandidateAndNeverToALeftOutOrganisation) {
  auto f = draft();
  const auto before = count_action("findings.quote_swap");
  auto swapped = results_->swap_quote(actor(ana_), f.id, 2, f.version);
  ASSERT_TRUE(swapped.ok()) << swapped.error().key;
  EXPECT_EQ(swapped->version, f.version + 1);
  // The long paragraph gives way to the next candidate; the other two stay where they were.
  EXPECT_EQ(texts(quotes_of(*swapped)), (std::vector<std::string>{LEAD, LEAD, RESPITE}));
  EXPECT_EQ(count_action("findings.quote_swap"), before + 1);
  EXPECT_EQ(last_audit().action, "findings.quote_swap");
  EXPECT_EQ(last_audit().actor_user_id, ana_.id);

  // Swapped again, there is no candidate left but Beta's, which is never quoted: the quote
  // goes.
  swapped = results_->swap_quote(actor(ana_), f.id, 2, swapped->version);
  ASSERT_TRUE(swapped.ok()) << swapped.error().key;
  const auto qs = quotes_of(*swapped);
  EXPECT_EQ(texts(qs), (std::vector<std::string>{LEAD, LEAD}));
  for (const auto& q : qs) EXPECT_NE(q.organisation, "Cyngor Beta");

  // Swapped-out passages stay set aside when the findings are drafted again.
  EXPECT_EQ(texts(quotes_of(draft())), (std::vector<std::string>{LEAD, LEAD}));
}

TEST_P(QuoteChoiceTest, APinnedQuoteSurvivesARedraft) {
  auto f = draft();
  f = must(results_->swap_quote(actor(ana_), f.id, 2, f.version));  // LONG -> RESPITE
  auto pinned = results_->pin_quote(actor(ana_), f.id, 2, true, f.version);
  ASSERT_TRUE(pinned.ok()) << pinned.error().key;
  EXPECT_TRUE(quotes_of(*pinned)[2].pinned);
  EXPECT_EQ(last_audit().action, "findings.quote_pin");

  // A redraft replaces every finding; the pinned passage is kept, first, and marked pinned,
  // though on its own it would not be chosen; the set-aside one does not come back.
  const auto qs = quotes_of(draft());
  ASSERT_EQ(qs.size(), 3u);
  EXPECT_EQ(qs[0].text, RESPITE);
  EXPECT_TRUE(qs[0].pinned);
  EXPECT_EQ(texts(qs), (std::vector<std::string>{RESPITE, LEAD, LEAD}));

  // Unpinned, it is ranked like any other again.
  f = leadership();
  auto unpinned = results_->pin_quote(actor(ana_), f.id, 0, false, f.version);
  ASSERT_TRUE(unpinned.ok()) << unpinned.error().key;
  EXPECT_FALSE(quotes_of(*unpinned)[0].pinned);
  EXPECT_EQ(last_audit().action, "findings.quote_unpin");
  const auto again = quotes_of(draft());
  EXPECT_EQ(texts(again), (std::vector<std::string>{LEAD, LEAD, RESPITE}));
  for (const auto& q : again) EXPECT_FALSE(q.pinned);
}

TEST_P(QuoteChoiceTest, AStaleOrUnknownQuoteIsRefused) {
  const auto f = draft();
  must(results_->pin_quote(actor(ana_), f.id, 0, true, f.version));
  EXPECT_EQ(results_->swap_quote(actor(ana_), f.id, 1, f.version).error().code, Errc::stale);
  EXPECT_EQ(results_->swap_quote(actor(ana_), f.id, 9, f.version + 1).error().code,
            Errc::not_found);
  EXPECT_EQ(results_->pin_quote(actor(ana_), f.id + 1000, 0, true, 1).error().code,
            Errc::not_found);
}

TEST_P(QuoteChoiceTest, OnlyAnalystsSwapOrPinAndEachRefusalIsAudited) {
  const auto f = draft();
  const auto before = count_action("access.refuse");
  for (const User& u : {leader_, sam_}) {
    EXPECT_EQ(results_->swap_quote(actor(u), f.id, 0, f.version).error().code, Errc::forbidden);
    EXPECT_EQ(results_->pin_quote(actor(u), f.id, 0, true, f.version).error().code,
              Errc::forbidden);
  }
  EXPECT_EQ(count_action("access.refuse"), before + 4);
  EXPECT_EQ(last_audit().actor_user_id, sam_.id);
  EXPECT_EQ(leadership().version, f.version) << "nothing changed";
}

INSTANTIATE_TEST_SUITE_P(Engines, QuoteChoiceTest, test::kBothEngines, test::EngineName());

}  // namespace
}  // namespace sgwrs::test
