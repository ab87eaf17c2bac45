// What the coding adds up to, through AnalysisResultsService, on a small corpus built by hand so
// every figure can be worked out on paper: prevalence by organisation, service area, year
// and heading with suppression of small organisations, the coded and suggested views,
// quotes, agreement between two coders, the quality of suggestions, findings and exports,
// on both engines.
//
// The corpus: nine reports imported as plain text, seven from "Cyngor Alpha" (A1-A7) and
// two from "Cyngor Beta" (B1, B2), written from six sentences:
//
//   SUP     "Supervision happens every month."                suggests supervision
//   TIME    "Caseloads are too high and there is no time."    suggests time-and-capacity
//   FORMS   "The forms take all day."                         suggests systems-and-processes
//   TRUST   "Families trust us more."                         suggests engagement-and-trust
//   PHONES  "Nobody covers the phones."                       suggests nothing
//   RAIN    "It rains most days."                             suggests nothing
//
//   report  service area         date        working well   gets in the way
//   A1      adult_social_care    2025-05-10  SUP PHONES     TIME FORMS RAIN
//   A2      adult_social_care    2025-05-11  TRUST          TIME FORMS
//   A3      adult_social_care    2025-06-01  PHONES         TIME
//   A4      adult_social_care    2025-07-01  TRUST          TIME FORMS
//   A5      childrens_services   2025-08-01  SUP            RAIN
//   A6      childrens_services   2026-01-10  TRUST          -
//   A7      childrens_services   2026-02-10  PHONES         -
//   B1      adult_social_care    2025-09-01  SUP            TIME
//   B2      adult_social_care    2026-03-01  PHONES         FORMS
//
// Human coding (whole sentences), Ana first, then Ben:
//   Ana: A1 SUP supervision, A1 TIME time, A1 FORMS time, A2 TIME time, A3 TIME time,
//        A5 SUP supervision, B1 TIME time
//   Ben: A1 SUP supervision, A1 TIME time, A2 TIME time, A2 FORMS time, A4 TIME time
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "analysis/report/export_test_support.hpp"
#include "domain/core/validation.hpp"
#include "service/analysis/analysis_service.hpp"
#include "service/analysis/results_service.hpp"
#include "service/core/service_fixture.hpp"
#include "store/analysis/codebook_store.hpp"
#include "store/analysis/coding_store.hpp"
#include "store/analysis/finding_store.hpp"
#include "store/analysis/report_store.hpp"
#include "store/analysis/suggestion_store.hpp"

namespace sgwrs::test {
namespace {

using analysis::Dimension;
using store::Conn;
namespace bj = boost::json;

constexpr const char* SUP = "Supervision happens every month.";
constexpr const char* TIME = "Caseloads are too high and there is no time.";
constexpr const char* FORMS = "The forms take all day.";
constexpr const char* TRUST = "Families trust us more.";
constexpr const char* PHONES = "Nobody covers the phones.";
constexpr const char* RAIN = "It rains most days.";

constexpr const char* kAlpha = "Cyngor Alpha";
constexpr const char* kBeta = "Cyngor Beta";
constexpr const char* kTime = "time-and-capacity";
constexpr const char* kSupervision = "supervision";
constexpr const char* kSystems = "systems-and-processes";
constexpr const char* kEngagement = "engagement-and-trust";

std::string default_codebook_json() {
  std::ifstream in(SGWRS_SOURCE_DIR "/data/codebook/default.json", std::ios::binary);
  if (!in) throw std::runtime_error("cannot read data/codebook/default.json");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// One entry of a zip held in memory (an XLSX or QDPX export), as text.
std::string zip_text(const std::string& bytes, const std::string& entry) {
  analysis::test::ScratchDir dir("service-zip");
  analysis::test::write_file(dir / "export.zip", bytes);
  return analysis::test::zip_entry(dir / "export.zip", entry).value_or("");
}
// Every text cell of a workbook (libxlsxwriter keeps them as shared strings).
std::string xlsx_strings(const std::string& bytes) {
  return zip_text(bytes, "xl/sharedStrings.xml");
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : " ") + s;
  return out;
}

struct Spec {
  std::string title, org, area, date;
  std::vector<std::string> working_well, in_the_way;
};

const std::vector<Spec>& corpus() {
  static const std::vector<Spec> specs = {
      {"A1", kAlpha, "adult_social_care", "2025-05-10", {SUP, PHONES}, {TIME, FORMS, RAIN}},
      {"A2", kAlpha, "adult_social_care", "2025-05-11", {TRUST}, {TIME, FORMS}},
      {"A3", kAlpha, "adult_social_care", "2025-06-01", {PHONES}, {TIME}},
      {"A4", kAlpha, "adult_social_care", "2025-07-01", {TRUST}, {TIME, FORMS}},
      {"A5", kAlpha, "childrens_services", "2025-08-01", {SUP}, {RAIN}},
      {"A6", kAlpha, "childrens_services", "2026-01-10", {TRUST}, {}},
      {"A7", kAlpha, "childrens_services", "2026-02-10", {PHONES}, {}},
      {"B1", kBeta, "adult_social_care", "2025-09-01", {SUP}, {TIME}},
      {"B2", kBeta, "adult_social_care", "2026-03-01", {PHONES}, {FORMS}}};
  return specs;
}

class AnalysisResultsServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    static const std::string json = default_codebook_json();
    analysis_ = std::make_unique<AnalysisService>(db(), *audit_, clock(), json);
    results_ = std::make_unique<AnalysisResultsService>(db(), *audit_, *analysis_, clock());
    static const std::string hash = "$argon2id$not-a-real-hash";
    ana_ = add_user_with_hash(org_.id, "ana@example.org", "Ana Analyst", Role::analyst, hash);
    ben_ = add_user_with_hash(org_.id, "ben@example.org", "Ben Analyst", Role::analyst, hash);
    leader_ =
        add_user_with_hash(org_.id, "lead@example.org", "Lowri Leader", Role::senior_leader, hash);

    std::vector<ImportInput> files;
    for (const auto& s : corpus()) {
      std::string text = "What is working well\n" + join(s.working_well) + "\n";
      if (!s.in_the_way.empty()) text += "\nWhat gets in the way\n" + join(s.in_the_way) + "\n";
      files.push_back({s.title + ".txt", text, {s.title, s.org, "", s.area, s.date, 10}});
    }
    auto out = must(analysis_->import(actor(admin_), files));
    for (const auto& o : out) {
      ASSERT_TRUE(o.report_id.has_value()) << o.file_name << ": " << o.error_code;
      id_[o.file_name.substr(0, 2)] = *o.report_id;
    }

    code(ana_, "A1", SUP, kSupervision);
    code(ana_, "A1", TIME, kTime);
    code(ana_, "A1", FORMS, kTime);
    code(ana_, "A2", TIME, kTime);
    code(ana_, "A3", TIME, kTime);
    code(ana_, "A5", SUP, kSupervision);
    code(ana_, "B1", TIME, kTime);
    code(ben_, "A1", SUP, kSupervision);
    code(ben_, "A1", TIME, kTime);
    code(ben_, "A2", TIME, kTime);
    code(ben_, "A2", FORMS, kTime);
    code(ben_, "A4", TIME, kTime);
  }
  void TearDown() override {
    results_.reset();
    analysis_.reset();
    ServiceTest::TearDown();
  }

  ReportView view(const std::string& report) {
    return must(analysis_->view_report(actor(ana_), id_.at(report)));
  }
  // The sentence segment `text` of a report (each sentence appears once per report).
  ReportSegmentRow sentence(const ReportView& v, const std::string& text) {
    for (const auto& s : v.segments)
      if (s.kind == SegmentKind::sentence &&
          code_point_slice(v.report.body, s.start, s.end) == text)
        return s;
    throw std::runtime_error("no sentence \"" + text + "\" in " + v.report.title);
  }
  void code(const User& coder, const std::string& report, const std::string& text,
            const std::string& theme) {
    const auto v = view(report);
    must(analysis_->add_segment_coding(actor(coder), v.report.id, sentence(v, text).ordinal,
                                       {theme}, ""));
  }

  analysis::Matrix matrix(Dimension by, CodingView view = CodingView::coded) {
    return must(results_->matrix(actor(leader_), by, view));
  }
  std::vector<std::int64_t> ids(std::initializer_list<const char*> titles) {
    std::vector<std::int64_t> out;
    for (const char* t : titles) out.push_back(id_.at(t));
    return out;
  }
  // A cell that must show `with` of `in` reports, raised by exactly `raising`.
  void expect_cell(const analysis::Cell& c, std::size_t with, std::size_t in,
                   std::vector<std::int64_t> raising) {
    EXPECT_FALSE(c.suppressed);
    EXPECT_EQ(c.reports_with_theme, with);
    EXPECT_EQ(c.reports_in_cell, in);
    ASSERT_TRUE(c.share.has_value());
    EXPECT_DOUBLE_EQ(*c.share, static_cast<double>(with) / static_cast<double>(in));
    std::sort(raising.begin(), raising.end());
    auto got = c.report_ids;
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, raising);
  }
  void expect_suppressed(const analysis::Cell& c) {
    EXPECT_TRUE(c.suppressed);
    EXPECT_EQ(c.reports_with_theme, 0u);
    EXPECT_EQ(c.reports_in_cell, 0u);
    EXPECT_FALSE(c.share.has_value());
    EXPECT_TRUE(c.report_ids.empty());
  }
  std::size_t count_action(const std::string& action) {
    std::size_t n = 0;
    for (const auto& e : audit_rows(1000)) n += e.action == action;
    return n;
  }

  std::unique_ptr<AnalysisService> analysis_;
  std::unique_ptr<AnalysisResultsService> results_;
  User ana_, ben_, leader_;
  std::map<std::string, Id> id_;
};

// The corpus is what the header says: the suggester offers exactly the themes worked out
// for each sentence, so the figures below rest on known suggestions.
TEST_P(AnalysisResultsServiceTest, SuggestionsAreAsWorkedOut) {
  const std::map<std::string, std::set<std::string>> expected = {
      {SUP, {kSupervision}},  {TIME, {kTime}}, {FORMS, {kSystems}},
      {TRUST, {kEngagement}}, {PHONES, {}},    {RAIN, {}}};
  for (const auto& spec : corpus()) {
    const auto v = view(spec.title);
    std::map<std::string, std::set<std::string>> got;
    for (const auto& s : v.segments)
      if (s.kind == SegmentKind::sentence) got[code_point_slice(v.report.body, s.start, s.end)];
    for (const auto& s : v.suggestions) {
      EXPECT_EQ(s.status, SuggestionStatus::pending);
      if (s.kind == SegmentKind::sentence)
        got[code_point_slice(v.report.body, s.start, s.end)].insert(s.theme_id);
    }
    std::map<std::string, std::set<std::string>> want;
    for (const auto& t : spec.working_well) want[t] = expected.at(t);
    for (const auto& t : spec.in_the_way) want[t] = expected.at(t);
    EXPECT_EQ(got, want) << spec.title;
  }
  EXPECT_EQ(count_rows("codings"), 12);
}

// ---- matrices --------------------------------------------------------------------------

TEST_P(AnalysisResultsServiceTest, ByOrganisationSharesAndSuppression) {
  const auto m = matrix(Dimension::organisation);
  EXPECT_EQ(m.by, Dimension::organisation);
  EXPECT_EQ(m.columns, (std::vector<std::string>{kAlpha, kBeta}));
  // Every theme of the codebook, in its order.
  ASSERT_EQ(m.themes.size(), 20u);
  EXPECT_EQ(m.themes.front(), "listening-and-reflection");
  EXPECT_EQ(m.themes.back(), "poverty-and-context");

  // Alpha has 7 reports: time raised in A1-A4, supervision in A1 and A5.
  expect_cell(m.cells.at(kTime).at(kAlpha), 4, 7, ids({"A1", "A2", "A3", "A4"}));
  expect_cell(m.cells.at(kSupervision).at(kAlpha), 2, 7, ids({"A1", "A5"}));
  expect_cell(m.cells.at("leadership").at(kAlpha), 0, 7, {});
  // Pending suggestions do not count in the coded view.
  expect_cell(m.cells.at(kSystems).at(kAlpha), 0, 7, {});
  expect_cell(m.cells.at(kEngagement).at(kAlpha), 0, 7, {});
  // Beta has 2 reports (fewer than 5): every one of its cells is suppressed, even the one
  // where it raises time (B1).
  for (const auto& theme : m.themes) expect_suppressed(m.cells.at(theme).at(kBeta));
  // The overall figures name no organisation, but count Alpha's 7 reports only: with Beta's
  // in them, 5 of 9 less Alpha's 4 of 7 would give Beta's suppressed 1 of 2.
  EXPECT_TRUE(m.left_out);
  expect_cell(m.overall.at(kTime), 4, 7, ids({"A1", "A2", "A3", "A4"}));
  expect_cell(m.overall.at(kSupervision), 2, 7, ids({"A1", "A5"}));
  expect_cell(m.overall.at(kSystems), 0, 7, {});
}

TEST_P(AnalysisResultsServiceTest, ByHeadingTheDenominatorIsReportsWithTextUnderIt) {
  const auto m = matrix(Dimension::heading);
  // Every report writes under "working well"; A6 and A7 have nothing under "gets in the way".
  // Beta's reports are left out of every count (see ByOrganisationSharesAndSuppression).
  EXPECT_EQ(m.columns, (std::vector<std::string>{"working-well", "getting-in-the-way"}));
  expect_cell(m.cells.at(kTime).at("getting-in-the-way"), 4, 5, ids({"A1", "A2", "A3", "A4"}));
  expect_cell(m.cells.at(kTime).at("working-well"), 0, 7, {});
  expect_cell(m.cells.at(kSupervision).at("working-well"), 2, 7, ids({"A1", "A5"}));
  expect_cell(m.cells.at(kSupervision).at("getting-in-the-way"), 0, 5, {});
  expect_cell(m.overall.at(kTime), 4, 7, ids({"A1", "A2", "A3", "A4"}));
}

TEST_P(AnalysisResultsServiceTest, ByServiceAreaAndYear) {
  // adult_social_care: A1-A4 (4; B1 and B2 are left out); childrens_services: A5-A7 (3).
  // Cells that do not name an organisation are not suppressed, however small.
  const auto areas = matrix(Dimension::service_area);
  EXPECT_EQ(areas.columns, (std::vector<std::string>{"adult_social_care", "childrens_services"}));
  expect_cell(areas.cells.at(kTime).at("adult_social_care"), 4, 4, ids({"A1", "A2", "A3", "A4"}));
  expect_cell(areas.cells.at(kTime).at("childrens_services"), 0, 3, {});
  expect_cell(areas.cells.at(kSupervision).at("adult_social_care"), 1, 4, ids({"A1"}));
  expect_cell(areas.cells.at(kSupervision).at("childrens_services"), 1, 3, ids({"A5"}));

  // 2025: A1-A5 (5); 2026: A6, A7 (2).
  const auto years = matrix(Dimension::year);
  EXPECT_EQ(years.columns, (std::vector<std::string>{"2025", "2026"}));
  expect_cell(years.cells.at(kTime).at("2025"), 4, 5, ids({"A1", "A2", "A3", "A4"}));
  expect_cell(years.cells.at(kTime).at("2026"), 0, 2, {});
  expect_cell(years.cells.at(kSupervision).at("2025"), 2, 5, ids({"A1", "A5"}));
}

TEST_P(AnalysisResultsServiceTest, SuggestedViewAddsPendingSuggestions) {
  const auto coded = matrix(Dimension::organisation, CodingView::coded);
  const auto suggested = matrix(Dimension::organisation, CodingView::suggested);
  // systems-and-processes is only ever suggested (FORMS in A1, A2, A4 and B2).
  expect_cell(coded.cells.at(kSystems).at(kAlpha), 0, 7, {});
  expect_cell(suggested.cells.at(kSystems).at(kAlpha), 3, 7, ids({"A1", "A2", "A4"}));
  expect_cell(suggested.overall.at(kSystems), 3, 7, ids({"A1", "A2", "A4"}));
  // engagement-and-trust: TRUST in A2, A4 and A6.
  expect_cell(suggested.cells.at(kEngagement).at(kAlpha), 3, 7, ids({"A2", "A4", "A6"}));
  // supervision: B1's SUP is only suggested, and left out with Beta; time is suggested where
  // it is also coded.
  expect_cell(suggested.overall.at(kSupervision), 2, 7, ids({"A1", "A5"}));
  expect_cell(suggested.cells.at(kSupervision).at(kAlpha), 2, 7, ids({"A1", "A5"}));
  expect_cell(suggested.overall.at(kTime), 4, 7, ids({"A1", "A2", "A3", "A4"}));
  // Small organisations stay suppressed in either view.
  expect_suppressed(suggested.cells.at(kSystems).at(kBeta));

  const auto heading = matrix(Dimension::heading, CodingView::suggested);
  expect_cell(heading.cells.at(kSystems).at("getting-in-the-way"), 3, 5, ids({"A1", "A2", "A4"}));
  expect_cell(heading.cells.at(kEngagement).at("working-well"), 3, 7, ids({"A2", "A4", "A6"}));

  // Accepted, a suggestion counts as coded; rejected, it counts in neither view.
  const auto a6 = view("A6");
  const auto trust =
      std::find_if(a6.suggestions.begin(), a6.suggestions.end(),
                   [](const SuggestionRow& s) { return s.kind == SegmentKind::sentence; });
  ASSERT_NE(trust, a6.suggestions.end());
  must(analysis_->decide_suggestion(actor(ana_), trust->id, true));
  const auto a2 = view("A2");
  for (const auto& s : a2.suggestions)
    if (s.theme_id == kEngagement) must(analysis_->decide_suggestion(actor(ana_), s.id, false));
  expect_cell(matrix(Dimension::organisation).cells.at(kEngagement).at(kAlpha), 1, 7, ids({"A6"}));
  expect_cell(
      matrix(Dimension::organisation, CodingView::suggested).cells.at(kEngagement).at(kAlpha), 2, 7,
      ids({"A4", "A6"}));
}

TEST_P(AnalysisResultsServiceTest, SuppressionIsConfigurable) {
  AnalysisResultsService lenient(db(), *audit_, *analysis_, clock(), {2, true});
  auto m = must(lenient.matrix(actor(leader_), Dimension::organisation, CodingView::coded));
  expect_cell(m.cells.at(kTime).at(kBeta), 1, 2, ids({"B1"}));
  EXPECT_FALSE(m.left_out);
  expect_cell(m.overall.at(kTime), 5, 9, ids({"A1", "A2", "A3", "A4", "B1"}));

  // Suppressing every small cell, not only those naming an organisation, at 3: Beta (2) is
  // left out; then 2026 holds only A6 and A7, so they go; then childrens_services holds only
  // A5, so it goes. A1-A4 remain, every column they are in holding at least 3.
  AnalysisResultsService strict(db(), *audit_, *analysis_, clock(), {3, false});
  m = must(strict.matrix(actor(leader_), Dimension::service_area, CodingView::coded));
  expect_cell(m.cells.at(kTime).at("adult_social_care"), 4, 4, ids({"A1", "A2", "A3", "A4"}));
  expect_suppressed(m.cells.at(kTime).at("childrens_services"));
  expect_cell(m.overall.at(kTime), 4, 4, ids({"A1", "A2", "A3", "A4"}));
  m = must(strict.matrix(actor(leader_), Dimension::year, CodingView::coded));
  expect_suppressed(m.cells.at(kTime).at("2026"));
  expect_cell(m.cells.at(kTime).at("2025"), 4, 4, ids({"A1", "A2", "A3", "A4"}));
}

// ---- quotes ----------------------------------------------------------------------------

TEST_P(AnalysisResultsServiceTest, QuotesBehindACell) {
  // Alpha's time codings: A1 TIME (Ana, Ben), A1 FORMS (Ana), A2 TIME (Ana, Ben),
  // A2 FORMS (Ben), A3 TIME (Ana), A4 TIME (Ben).
  auto q = must(
      results_->quotes(actor(leader_), kTime, Dimension::organisation, kAlpha, CodingView::coded));
  ASSERT_EQ(q.size(), 8u);
  std::multiset<std::string> texts, coders;
  std::set<Id> reports;
  for (const auto& r : q) {
    texts.insert(r.text);
    coders.insert(r.coder);
    reports.insert(r.report_id);
    EXPECT_EQ(r.organisation, kAlpha);
    EXPECT_EQ(r.theme_id, kTime);
    EXPECT_EQ(r.heading, "getting-in-the-way");
    EXPECT_EQ(r.report_title, r.report_id == id_.at("A1")   ? "A1"
                              : r.report_id == id_.at("A2") ? "A2"
                              : r.report_id == id_.at("A3") ? "A3"
                                                            : "A4");
  }
  EXPECT_EQ(texts.count(TIME), 6u);
  EXPECT_EQ(texts.count(FORMS), 2u);
  EXPECT_EQ(coders.count("Ana Analyst"), 4u);
  EXPECT_EQ(coders.count("Ben Analyst"), 4u);
  EXPECT_EQ(reports, (std::set<Id>{id_.at("A1"), id_.at("A2"), id_.at("A3"), id_.at("A4")}));

  // A suppressed cell gives no quotes.
  EXPECT_TRUE(must(results_->quotes(actor(leader_), kTime, Dimension::organisation, kBeta,
                                    CodingView::coded))
                  .empty());
  // No column, or another dimension: every report's passages but Beta's, as each quote
  // names its organisation and Beta is below the threshold (its one passage is left out).
  EXPECT_EQ(
      must(results_->quotes(actor(leader_), kTime, Dimension::organisation, "", CodingView::coded))
          .size(),
      8u);
  EXPECT_EQ(must(results_->quotes(actor(leader_), kTime, Dimension::heading, "getting-in-the-way",
                                  CodingView::coded))
                .size(),
            8u);
  EXPECT_TRUE(must(results_->quotes(actor(leader_), kTime, Dimension::heading, "working-well",
                                    CodingView::coded))
                  .empty());
  // The suggested view's quotes of a theme only suggested have no coder.
  auto s = must(results_->quotes(actor(leader_), kSystems, Dimension::organisation, kAlpha,
                                 CodingView::suggested));
  ASSERT_FALSE(s.empty());
  std::set<Id> from;
  for (const auto& r : s) {
    EXPECT_TRUE(r.coder.empty());
    EXPECT_NE(r.text.find(FORMS), std::string::npos) << r.text;
    from.insert(r.report_id);
  }
  EXPECT_EQ(from, (std::set<Id>{id_.at("A1"), id_.at("A2"), id_.at("A4")}));
  EXPECT_TRUE(must(results_->quotes(actor(leader_), kSystems, Dimension::organisation, kAlpha,
                                    CodingView::coded))
                  .empty());

  // Unknown cells and themes are not found.
  EXPECT_EQ(results_
                ->quotes(actor(leader_), kTime, Dimension::organisation, "Cyngor Gamma",
                         CodingView::coded)
                .error()
                .code,
            Errc::not_found);
  EXPECT_EQ(results_
                ->quotes(actor(leader_), "no-such-theme", Dimension::organisation, kAlpha,
                         CodingView::coded)
                .error()
                .code,
            Errc::not_found);
}

// ---- agreement and quality -------------------------------------------------------------

TEST_P(AnalysisResultsServiceTest, AgreementBetweenTwoCodersWorkedByHand) {
  // Both coded A1 and A2 only. Their sentences: A1 SUP PHONES TIME FORMS RAIN, A2 TRUST TIME
  // FORMS. Touched by either coder: A1 SUP, A1 TIME, A1 FORMS, A2 TIME, A2 FORMS (5 units);
  // A1 PHONES, A1 RAIN and A2 TRUST are left out.
  //
  // time-and-capacity  A: 0 1 1 1 0   B: 0 1 0 1 1
  //   both 2, only A 1, only B 1, neither 1: agreement 3/5 = 60%.
  //   kappa: po = 3/5, pe = (3*3 + 2*2)/25 = 13/25, kappa = (15 - 13)/(25 - 13) = 1/6.
  //   alpha: n1 = 2*2 + 2 = 6, n0 = 2*1 + 2 = 4, alpha = 1 - (2*5 - 1)*2/(6*4) = 1/4.
  // supervision  A: 1 0 0 0 0   B: 1 0 0 0 0: full agreement, kappa 1, alpha 1.
  // (Counting the 3 untouched sentences too would give time 6/8 = 75%.)
  for (auto [a, b] : {std::pair{ana_.id, ben_.id}, std::pair{Id{0}, Id{0}}}) {
    auto r = results_->agreement(actor(leader_), a, b);
    ASSERT_TRUE(r.ok()) << r.error().key;
    EXPECT_EQ(std::set<Id>({r->coder_a, r->coder_b}), std::set<Id>({ana_.id, ben_.id}));
    EXPECT_EQ(r->reports_compared, 2u);
    ASSERT_EQ(r->coders.size(), 2u);
    std::map<Id, std::string> coders(r->coders.begin(), r->coders.end());
    EXPECT_EQ(coders[ana_.id], "Ana Analyst");
    EXPECT_EQ(coders[ben_.id], "Ben Analyst");

    ASSERT_EQ(r->by_theme.size(), 2u);
    const auto& t = r->by_theme.at(kTime);
    EXPECT_EQ(t.units, 5u);
    EXPECT_EQ(t.both, 2u);
    EXPECT_EQ(t.only_a + t.only_b, 2u);
    EXPECT_EQ(t.only_a, 1u);
    EXPECT_EQ(t.neither, 1u);
    EXPECT_DOUBLE_EQ(t.percent, 60.0);
    ASSERT_TRUE(t.kappa.has_value());
    EXPECT_NEAR(*t.kappa, 1.0 / 6.0, 1e-12);
    ASSERT_TRUE(t.alpha.has_value());
    EXPECT_NEAR(*t.alpha, 0.25, 1e-12);

    const auto& s = r->by_theme.at(kSupervision);
    EXPECT_EQ(s.units, 5u);
    EXPECT_EQ(s.both, 1u);
    EXPECT_EQ(s.neither, 4u);
    EXPECT_DOUBLE_EQ(s.percent, 100.0);
    EXPECT_NEAR(*s.kappa, 1.0, 1e-12);
    EXPECT_NEAR(*s.alpha, 1.0, 1e-12);

    // Where they differ: FORMS in A1 (only Ana) and FORMS in A2 (only Ben).
    ASSERT_EQ(r->differences.size(), 2u);
    std::map<Id, const SegmentDifference*> diff;
    for (const auto& d : r->differences) diff[d.report_id] = &d;
    ASSERT_TRUE(diff.count(id_.at("A1")) && diff.count(id_.at("A2")));
    const bool ana_is_a = r->coder_a == ana_.id;
    const auto& a1 = *diff[id_.at("A1")];
    EXPECT_EQ(a1.text, FORMS);
    EXPECT_EQ(a1.report_title, "A1");
    EXPECT_EQ(ana_is_a ? a1.themes_a : a1.themes_b, std::vector<std::string>{kTime});
    EXPECT_TRUE((ana_is_a ? a1.themes_b : a1.themes_a).empty());
    const auto& a2 = *diff[id_.at("A2")];
    EXPECT_EQ(a2.text, FORMS);
    EXPECT_TRUE((ana_is_a ? a2.themes_a : a2.themes_b).empty());
    EXPECT_EQ(ana_is_a ? a2.themes_b : a2.themes_a, std::vector<std::string>{kTime});
  }

  // One coder against themself, or against nobody, compares nothing.
  auto self = must(results_->agreement(actor(leader_), ana_.id, ana_.id));
  EXPECT_TRUE(self.by_theme.empty());
  EXPECT_EQ(self.reports_compared, 0u);
  auto nobody = must(results_->agreement(actor(leader_), ana_.id, admin_.id));
  EXPECT_EQ(nobody.reports_compared, 0u);
  EXPECT_TRUE(nobody.by_theme.empty());
}

TEST_P(AnalysisResultsServiceTest, EvaluateSuggestionsAgainstHumanCoding) {
  // Reports a person coded: A1-A5 and B1 (A6, A7 and B2 are left out).
  // Sentence suggestions there against the human (sentence, theme) pairs:
  //   time:        suggested TIME in A1 A2 A3 A4 B1; coded those and FORMS in A1, A2
  //                tp 5, fp 0, fn 2: precision 1, recall 5/7, F1 10/12
  //   supervision: suggested SUP in A1 A5 B1; coded A1 A5: tp 2, fp 1, fn 0:
  //                precision 2/3, recall 1, F1 4/5
  //   systems:     suggested FORMS in A1 A2 A4, never coded: tp 0, fp 3: precision 0
  //   engagement:  suggested TRUST in A2 A4, never coded: tp 0, fp 2: precision 0
  //   overall:     tp 7, fp 6, fn 2: precision 7/13, recall 7/9, F1 14/22
  //   macro F1:    (10/12 + 4/5 + 0 + 0) / 4
  auto q = results_->evaluate(actor(leader_));
  ASSERT_TRUE(q.ok()) << q.error().key;
  EXPECT_EQ(q->reports_compared, 6u);
  ASSERT_EQ(q->by_theme.size(), 4u);

  const auto& t = q->by_theme.at(kTime);
  EXPECT_EQ(t.tp, 5u);
  EXPECT_EQ(t.fp, 0u);
  EXPECT_EQ(t.fn, 2u);
  EXPECT_NEAR(*t.precision, 1.0, 1e-12);
  EXPECT_NEAR(*t.recall, 5.0 / 7.0, 1e-12);
  EXPECT_NEAR(*t.f1, 10.0 / 12.0, 1e-12);

  const auto& s = q->by_theme.at(kSupervision);
  EXPECT_EQ(s.tp, 2u);
  EXPECT_EQ(s.fp, 1u);
  EXPECT_EQ(s.fn, 0u);
  EXPECT_NEAR(*s.precision, 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(*s.recall, 1.0, 1e-12);
  EXPECT_NEAR(*s.f1, 0.8, 1e-12);

  const auto& sys = q->by_theme.at(kSystems);
  EXPECT_EQ(sys.tp, 0u);
  EXPECT_EQ(sys.fp, 3u);
  EXPECT_EQ(sys.fn, 0u);
  EXPECT_NEAR(*sys.precision, 0.0, 1e-12);
  EXPECT_FALSE(sys.recall.has_value());
  const auto& e = q->by_theme.at(kEngagement);
  EXPECT_EQ(e.fp, 2u);
  EXPECT_EQ(e.tp + e.fn, 0u);

  EXPECT_EQ(q->overall.tp, 7u);
  EXPECT_EQ(q->overall.fp, 6u);
  EXPECT_EQ(q->overall.fn, 2u);
  EXPECT_NEAR(*q->overall.precision, 7.0 / 13.0, 1e-12);
  EXPECT_NEAR(*q->overall.recall, 7.0 / 9.0, 1e-12);
  EXPECT_NEAR(*q->overall.f1, 14.0 / 22.0, 1e-12);
  ASSERT_TRUE(q->macro_f1.has_value());
  EXPECT_NEAR(*q->macro_f1, (10.0 / 12.0 + 0.8) / 4.0, 1e-12);

  // Deciding suggestions does not change how good they were; accepted ones are not human
  // coding.
  const auto b1 = view("B1");
  for (const auto& sg : b1.suggestions)
    if (sg.theme_id == kSupervision) must(analysis_->decide_suggestion(actor(ana_), sg.id, true));
  const auto again = must(results_->evaluate(actor(leader_)));
  EXPECT_EQ(again.by_theme.at(kSupervision).fp, 1u);
  EXPECT_EQ(again.overall.tp, 7u);
}

// ---- findings --------------------------------------------------------------------------

TEST_P(AnalysisResultsServiceTest, DraftFindingsMostPrevalentFirstWithQuotes) {
  auto drafted = results_->draft_findings(actor(ana_), std::nullopt, Language::en);
  ASSERT_TRUE(drafted.ok()) << drafted.error().key;
  EXPECT_EQ(last_audit().action, "findings.draft");
  // Two themes are raised: time in 4 of 7 reports, supervision in 2 of 7 (Beta's are left out).
  ASSERT_EQ(drafted->size(), 2u);
  const auto& time = (*drafted)[0];
  EXPECT_EQ(time.theme_id, kTime);
  EXPECT_EQ(time.ordinal, 0);
  EXPECT_EQ(time.version, 1);
  EXPECT_EQ(time.what_data_shows,
            "Raised in 4 of 7 reports (57%), most often under \u2018What gets in the way\u2019.");
  EXPECT_TRUE(time.why_it_matters.empty());
  const auto& sup = (*drafted)[1];
  EXPECT_EQ(sup.theme_id, kSupervision);
  EXPECT_EQ(sup.ordinal, 1);
  EXPECT_EQ(sup.what_data_shows,
            "Raised in 2 of 7 reports (29%), most often under \u2018What is working well\u2019.");

  // Quotes: one per report, ranked by evidence (quote_choice_test.cpp tries the ranking):
  // A1, A2 and A3's TIME, which carries only this theme, before the FORMS sentences coded to
  // time (they carry systems and processes more); never from Beta, whose 2 reports are below
  // the suppression threshold and whose name a quote would carry.
  const auto quotes = bj::parse(time.quotes_json).as_array();
  ASSERT_EQ(quotes.size(), 3u);
  std::vector<std::string> orgs;
  for (const auto& q : quotes) {
    EXPECT_EQ(q.at("text").as_string(), TIME);
    orgs.emplace_back(q.at("organisation").as_string());
    EXPECT_EQ(q.at("year").to_number<int>(), 2025);
  }
  EXPECT_EQ(orgs, (std::vector<std::string>{kAlpha, kAlpha, kAlpha}));
  const auto sup_quotes = bj::parse(sup.quotes_json).as_array();
  ASSERT_EQ(sup_quotes.size(), 2u);  // A1 and A5: one per report
  for (const auto& q : sup_quotes) EXPECT_EQ(q.at("text").as_string(), SUP);

  // Stored, and readable by a leader.
  const auto stored = must(results_->findings(actor(leader_)));
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].theme_id, kTime);

  // A year's draft: 2025 has 5 counted reports, 4 raising time; nothing is coded in 2026.
  const auto doc = must(results_->draft_document(actor(leader_), 2025, Language::en));
  EXPECT_NE(doc.find("Raised in 4 of 5 reports (80%)"), std::string::npos) << doc;
  EXPECT_NE(doc.find("Raised in 2 of 5 reports (40%)"), std::string::npos) << doc;
  EXPECT_EQ(must(results_->findings(actor(leader_))).size(), 2u) << "a document replaces nothing";
  EXPECT_TRUE(must(results_->draft_findings(actor(ana_), 2026, Language::en)).empty());
  EXPECT_TRUE(must(results_->findings(actor(leader_))).empty());
}

TEST_P(AnalysisResultsServiceTest, FindingsAreEditedOptimistically) {
  const auto drafted = must(results_->draft_findings(actor(ana_), std::nullopt, Language::cy));
  ASSERT_EQ(drafted.size(), 2u);
  EXPECT_EQ(
      drafted[0].what_data_shows.rfind("Wedi\u2019i chodi mewn 4 o\u2019r 7 adroddiad (57%)", 0),
      0u)
      << drafted[0].what_data_shows;

  FindingRow edit = drafted[0];
  edit.what_data_shows = "More than half the groups say there is no time to do it well.";
  edit.why_it_matters = "Without time, the new practice slips back into old habits.";
  advance(10);
  auto saved = results_->update_finding(actor(ben_), edit);
  ASSERT_TRUE(saved.ok()) << saved.error().key;
  EXPECT_EQ(saved->version, 2);
  EXPECT_EQ(saved->what_data_shows, edit.what_data_shows);
  EXPECT_EQ(saved->why_it_matters, edit.why_it_matters);
  EXPECT_EQ(saved->quotes_json, drafted[0].quotes_json);
  EXPECT_EQ(last_audit().action, "findings.update");
  EXPECT_EQ(last_audit().actor_user_id, ben_.id);

  // Ana's edit was based on version 1.
  FindingRow late = drafted[0];
  late.what_data_shows = "Lost";
  auto stale = results_->update_finding(actor(ana_), late);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, Errc::stale);
  FindingRow missing = drafted[0];
  missing.id += 1000;
  EXPECT_EQ(results_->update_finding(actor(ana_), missing).error().code, Errc::not_found);
  FindingRow empty = *saved;
  empty.what_data_shows = "   ";
  auto invalid = results_->update_finding(actor(ana_), empty);
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().code, Errc::invalid);
  EXPECT_EQ(invalid.error().fields.at(0).field, "what_data_shows");
  EXPECT_EQ(must(results_->findings(actor(leader_))).at(0).what_data_shows, edit.what_data_shows);

  // Leaders read the findings but do not write them.
  EXPECT_EQ(results_->update_finding(actor(leader_), *saved).error().code, Errc::forbidden);
  EXPECT_EQ(results_->draft_findings(actor(leader_), std::nullopt, Language::en).error().code,
            Errc::forbidden);
  EXPECT_EQ(last_audit().action, "access.refuse");

  // As documents.
  const auto md = must(results_->findings_document(actor(leader_), "md", Language::en));
  EXPECT_NE(md.find("Time and capacity"), std::string::npos) << md;
  EXPECT_NE(md.find(edit.what_data_shows), std::string::npos) << md;
  EXPECT_NE(md.find(edit.why_it_matters), std::string::npos) << md;
  const auto html = must(results_->findings_document(actor(leader_), "html", Language::en));
  EXPECT_NE(html.find("<table"), std::string::npos);
  EXPECT_NE(html.find("Time and capacity"), std::string::npos);
  const auto cy = must(results_->findings_document(actor(leader_), "html", Language::cy));
  EXPECT_NE(cy.find("Amser a chapasiti"), std::string::npos) << cy;
  EXPECT_EQ(results_->findings_document(actor(leader_), "pdf", Language::en).error().code,
            Errc::not_found);

  // Quotes are attributed to their service area by name when the caller gives the names
  // (the pages and the command line take them from the message catalogue).
  EXPECT_NE(md.find("adult\\_social\\_care"), std::string::npos) << md;
  const AnalysisResultsService::AreaNames names = {
      {"adult_social_care", "Gofal cymdeithasol oedolion"},
      {"childrens_services", "Gwasanaethau plant"}};
  const auto named = must(results_->findings_document(actor(leader_), "md", Language::cy, names));
  EXPECT_NE(named.find("Gofal cymdeithasol oedolion"), std::string::npos) << named;
  EXPECT_EQ(named.find("adult_social_care"), std::string::npos) << named;
  const auto draft =
      must(results_->draft_document(actor(leader_), 2025, Language::en, CodingView::coded, names));
  EXPECT_EQ(draft.find("adult_social_care"), std::string::npos) << draft;
  EXPECT_NE(draft.find("Gofal cymdeithasol oedolion"), std::string::npos) << draft;
}

// ---- exports ---------------------------------------------------------------------------

TEST_P(AnalysisResultsServiceTest, ExportsAreFilesAndAudited) {
  const std::string bom = "\xEF\xBB\xBF";
  const auto before = count_action("followup.export");

  const auto matrix_csv = results_->export_file(actor(leader_), "matrix.csv", Language::en);
  ASSERT_TRUE(matrix_csv.ok()) << matrix_csv.error().key;
  EXPECT_EQ(matrix_csv->rfind(bom, 0), 0u);
  EXPECT_EQ(matrix_csv->rfind(bom + "dimension,column,theme_id,theme,reports_with_theme,"
                                    "reports_in_cell,percent,note\r\n",
                              0),
            0u);
  EXPECT_NE(matrix_csv->find("\r\norganisation,Cyngor Alpha,time-and-capacity,Time and capacity,"
                             "4,7,57.1,\r\n"),
            std::string::npos)
      << *matrix_csv;
  EXPECT_NE(matrix_csv->find("\r\norganisation,Cyngor Beta,time-and-capacity,Time and capacity,"
                             ",,,suppressed\r\n"),
            std::string::npos);
  EXPECT_NE(matrix_csv->find("\r\norganisation,all,time-and-capacity,Time and capacity,"
                             "4,7,57.1,\r\n"),
            std::string::npos);
  auto e = last_audit();
  EXPECT_EQ(e.action, "followup.export");
  EXPECT_EQ(e.target_type, "export");
  EXPECT_EQ(e.target_id, "matrix.csv");
  EXPECT_EQ(e.actor_user_id, leader_.id);

  const auto codings_csv = must(results_->export_file(actor(leader_), "codings.csv", Language::en));
  EXPECT_EQ(codings_csv.rfind(bom + "report_id,report,organisation,", 0), 0u);
  std::size_t lines = 0;
  for (auto at = codings_csv.find("\r\n"); at != std::string::npos;
       at = codings_csv.find("\r\n", at + 2))
    ++lines;
  EXPECT_EQ(lines, 12u) << "a header and the 11 codings of reports that count (not B1's)";
  EXPECT_NE(codings_csv.find(FORMS), std::string::npos);
  EXPECT_NE(codings_csv.find("Ben Analyst"), std::string::npos);

  for (const char* name : {"matrix.xlsx", "codings.xlsx", "project.qdpx"}) {
    auto bytes = results_->export_file(actor(leader_), name, Language::en);
    ASSERT_TRUE(bytes.ok()) << name << ": " << bytes.error().key;
    ASSERT_GT(bytes->size(), 4u) << name;
    EXPECT_EQ(bytes->substr(0, 2), "PK") << name;
    EXPECT_EQ(last_audit().target_id, name);
  }
  EXPECT_EQ(count_action("followup.export"), before + 5);

  // Unknown exports are not found and not recorded; a practitioner is refused.
  auto unknown = results_->export_file(actor(leader_), "passwords.csv", Language::en);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, Errc::not_found);
  EXPECT_EQ(count_action("followup.export"), before + 5);
  EXPECT_EQ(results_->export_file(actor(sam_), "matrix.csv", Language::en).error().code,
            Errc::forbidden);
  EXPECT_EQ(last_audit().action, "access.refuse");
  EXPECT_EQ(count_action("followup.export"), before + 5);
}

// ---- no count revealed by subtraction (issue 10, item 4) --------------------------------

// Beta's 2 reports are suppressed. Every output is tried the way someone would: the total
// less the columns shown, in every dimension and view, in the matrix, its CSV and XLSX, the
// findings, the codings and the REFI-QDA project. Each must give nothing of Beta, and say
// that some reports are left out.
class SubtractionTest : public AnalysisResultsServiceTest {
 protected:
  const AnalysisResultsService::CountNotes notes{"NOTE coded", "NOTE suggested", "NOTE left out"};
};

TEST_P(SubtractionTest, TheMatrixTotalsAreTheSumOfTheColumnsShown) {
  for (CodingView view : {CodingView::coded, CodingView::suggested}) {
    std::optional<std::size_t> total;
    for (Dimension by : {Dimension::organisation, Dimension::service_area, Dimension::year}) {
      const auto m = matrix(by, view);
      EXPECT_TRUE(m.left_out);
      for (const auto& theme : m.themes) {
        std::size_t with = 0, in = 0;
        for (const auto& [column, cell] : m.cells.at(theme)) {
          with += cell.reports_with_theme;
          in += cell.reports_in_cell;
        }
        const auto& all = m.overall.at(theme);
        EXPECT_EQ(all.reports_with_theme - with, 0u) << theme << " by " << dimension_id(by);
        EXPECT_EQ(all.reports_in_cell - in, 0u) << theme << " by " << dimension_id(by);
        if (!total) total = all.reports_in_cell;
        EXPECT_EQ(all.reports_in_cell, *total) << "totals differ by " << dimension_id(by);
      }
    }
    EXPECT_EQ(total, 7u);
  }
}

// matrix.csv: for each dimension and theme, the "all" row less the rows shown.
TEST_P(SubtractionTest, TheMatrixCsvAllRowIsTheSumOfTheRowsShown) {
  const auto csv = must(
      results_->export_file(actor(leader_), "matrix.csv", Language::en, CodingView::coded, notes));
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF# NOTE coded\r\n# NOTE left out\r\ndimension,", 0), 0u)
      << csv.substr(0, 200);
  std::map<std::pair<std::string, std::string>, std::pair<long, long>> shown, all;
  std::istringstream in(csv);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> f;
    std::stringstream cells(line);
    for (std::string x; std::getline(cells, x, ',');) f.push_back(x);
    if (f.size() < 7 || f[0].find("#") != std::string::npos || f[0].find("dimension") == 0)
      continue;
    if (f[3].find('"') != std::string::npos) continue;  // no theme name here has a comma
    if (f[4].empty()) continue;                         // suppressed
    auto& sum = f[1] == "all" ? all[{f[0], f[2]}] : shown[{f[0], f[2]}];
    sum.first += std::stol(f[4]);
    sum.second += std::stol(f[5]);
  }
  ASSERT_FALSE(all.empty());
  for (const auto& [key, total] : all) {
    if (key.first == "heading") continue;  // a report writes under several headings
    EXPECT_EQ(total.first - shown[key].first, 0) << key.first << " " << key.second;
    EXPECT_EQ(total.second - shown[key].second, 0) << key.first << " " << key.second;
  }
  EXPECT_EQ((all[{"organisation", kTime}]), (std::pair<long, long>{4, 7}));
  EXPECT_EQ((all[{"service-area", kTime}]), (std::pair<long, long>{4, 7}));
}

// matrix.xlsx: the "All reports" cells read Alpha's figures, never the 9 reports', and each
// sheet starts with the notes.
TEST_P(SubtractionTest, TheMatrixXlsxAllColumnLeavesOutTheSuppressed) {
  const auto bytes = must(
      results_->export_file(actor(leader_), "matrix.xlsx", Language::en, CodingView::coded, notes));
  const std::string strings = xlsx_strings(bytes);
  EXPECT_NE(strings.find("4 of 7 (57%)"), std::string::npos) << strings;
  EXPECT_EQ(strings.find("of 9"), std::string::npos) << strings;
  EXPECT_EQ(strings.find("5 of 6"), std::string::npos) << "adult_social_care with Beta";
  EXPECT_NE(strings.find("NOTE coded"), std::string::npos);
  EXPECT_NE(strings.find("NOTE left out"), std::string::npos);
}

// Findings, drafted and as documents: Alpha's 7 reports, and the notes first.
TEST_P(SubtractionTest, TheFindingsCountOnlyWhatIsShown) {
  const auto doc = must(results_->draft_document(actor(leader_), std::nullopt, Language::en,
                                                 CodingView::suggested, {}, notes));
  EXPECT_EQ(doc.rfind("NOTE suggested\n\nNOTE left out\n\n## ", 0), 0u) << doc;
  EXPECT_NE(doc.find("of 7 reports"), std::string::npos) << doc;
  EXPECT_EQ(doc.find("of 9 reports"), std::string::npos) << doc;
  EXPECT_EQ(doc.find(kBeta), std::string::npos) << doc;
  must(results_->draft_findings(actor(ana_), std::nullopt, Language::en));
  for (const auto& f : must(results_->findings(actor(leader_)))) {
    EXPECT_EQ(f.what_data_shows.find("of 9"), std::string::npos) << f.what_data_shows;
    EXPECT_EQ(f.quotes_json.find(kBeta), std::string::npos) << f.quotes_json;
  }
  const auto html =
      must(results_->findings_document(actor(leader_), "html", Language::en, {}, notes));
  EXPECT_EQ(html.rfind("<p class=\"govuk-body\">NOTE coded</p>\n<p class=\"govuk-body\">NOTE left "
                       "out</p>\n<table",
                       0),
            0u)
      << html;
  EXPECT_TRUE(must(results_->any_left_out(actor(leader_))));
}

// The codings and the project could be counted by organisation and theme, which would give
// Beta's suppressed cells at once: Beta's reports are in neither.
TEST_P(SubtractionTest, TheCodingsAndTheProjectHoldNoReportLeftOut) {
  for (CodingView view : {CodingView::coded, CodingView::suggested}) {
    const auto csv =
        must(results_->export_file(actor(leader_), "codings.csv", Language::en, view, notes));
    EXPECT_EQ(csv.find(kBeta), std::string::npos);
    EXPECT_NE(csv.find(kAlpha), std::string::npos);
    const auto qdpx =
        must(results_->export_file(actor(leader_), "project.qdpx", Language::en, view, notes));
    const auto qde = zip_text(qdpx, "project.qde");
    EXPECT_EQ(qde.find(kBeta), std::string::npos);
    EXPECT_EQ(qde.find("name=\"B1\""), std::string::npos);
    EXPECT_NE(qde.find("name=\"A1\""), std::string::npos);
    EXPECT_NE(qde.find("NOTE left out"), std::string::npos) << "the project says so";
  }
  // With nothing suppressed, everything is there and nothing is said.
  AnalysisResultsService lenient(db(), *audit_, *analysis_, clock(), {2, true});
  const auto qde = zip_text(must(lenient.export_file(actor(leader_), "project.qdpx", Language::en,
                                                     CodingView::coded, notes)),
                            "project.qde");
  EXPECT_NE(qde.find(kBeta), std::string::npos);
  EXPECT_EQ(qde.find("NOTE left out"), std::string::npos);
  EXPECT_FALSE(must(lenient.any_left_out(actor(leader_))));
}

INSTANTIATE_TEST_SUITE_P(Engines, SubtractionTest, test::kBothEngines, test::EngineName());

// ---- who may read ----------------------------------------------------------------------

TEST_P(AnalysisResultsServiceTest, PractitionersAreRefusedEverythingAndEachRefusalAudited) {
  const auto before = count_action("access.refuse");
  const auto sam = actor(sam_);
  EXPECT_EQ(results_->matrix(sam, Dimension::organisation, CodingView::coded).error().code,
            Errc::forbidden);
  EXPECT_EQ(
      results_->quotes(sam, kTime, Dimension::organisation, kAlpha, CodingView::coded).error().code,
      Errc::forbidden);
  EXPECT_EQ(results_->agreement(sam, 0, 0).error().code, Errc::forbidden);
  EXPECT_EQ(results_->evaluate(sam).error().code, Errc::forbidden);
  EXPECT_EQ(results_->findings(sam).error().code, Errc::forbidden);
  EXPECT_EQ(results_->findings_document(sam, "md", Language::en).error().code, Errc::forbidden);
  EXPECT_EQ(results_->draft_document(sam, std::nullopt, Language::en).error().code,
            Errc::forbidden);
  EXPECT_EQ(results_->draft_findings(sam, std::nullopt, Language::en).error().code,
            Errc::forbidden);
  EXPECT_EQ(count_action("access.refuse"), before + 8);
  EXPECT_EQ(last_audit().actor_user_id, sam_.id);
  EXPECT_EQ(count_rows("findings"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, AnalysisResultsServiceTest, test::kBothEngines,
                         test::EngineName());

}  // namespace
}  // namespace sgwrs::test
