// Follow-up reports through AnalysisService: importing (good and bad files, nothing partial
// stored), who may read and write, coding passages and sentences, reviewing suggestions,
// and the codebook's versions, on both engines.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "analysis/text/codebook.hpp"
#include "domain/core/validation.hpp"
#include "service/analysis/analysis_service.hpp"
#include "service/core/service_fixture.hpp"
#include "store/analysis/codebook_store.hpp"
#include "store/analysis/coding_store.hpp"
#include "store/analysis/finding_store.hpp"
#include "store/analysis/report_store.hpp"
#include "store/analysis/suggestion_store.hpp"

namespace sgwrs::test {
namespace {

using store::Conn;

std::string default_codebook_json() {
  std::ifstream in(SGWRS_SOURCE_DIR "/data/codebook/default.json", std::ios::binary);
  if (!in) throw std::runtime_error("cannot read data/codebook/default.json");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// An English report under three headings. Sentences and what the default codebook
// suggests for them: "Supervision happens every month." supervision; "Caseloads are too
// high and there is no time." time-and-capacity (caseload, no time); "The forms take all
// day." systems-and-processes; "Nobody covers the phones." nothing.
constexpr const char* kEnglish =
    "What is working well\n"
    "Supervision happens every month. Nobody covers the phones.\n"
    "\n"
    "What gets in the way\n"
    "Caseloads are too high and there is no time. The forms take all day.\n"
    "\n"
    "What would make a difference\n"
    "Nobody covers the phones.\n";

constexpr const char* kWelsh =
    "Beth sy'n gweithio'n dda\n"
    "Mae'r t\u00eem yn gwrando ar y teuluoedd ac mae'r goruchwyliaeth yn well nag o'r blaen. "
    "Mae gweithwyr yn teimlo eu bod yn cael eu clywed.\n"
    "\n"
    "Beth sy'n rhwystro\n"
    "Does dim amser gyda ni i fyfyrio ac mae'r llwyth achosion yn rhy uchel.\n";

class AnalysisServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    static const std::string json = default_codebook_json();
    analysis_ = std::make_unique<AnalysisService>(db(), *audit_, clock(), json);
    static const std::string hash = "$argon2id$not-a-real-hash";
    ana_ = add_user_with_hash(org_.id, "ana@example.org", "Ana Analyst", Role::analyst, hash);
    ben_ = add_user_with_hash(org_.id, "ben@example.org", "Ben Analyst", Role::analyst, hash);
    leader_ =
        add_user_with_hash(org_.id, "lead@example.org", "Lowri Leader", Role::senior_leader, hash);
    quality_ =
        add_user_with_hash(org_.id, "qa@example.org", "Quinn Quality", Role::quality_lead, hash);
  }
  void TearDown() override {
    analysis_.reset();
    ServiceTest::TearDown();
  }

  static ReportDetails details(std::string title = "Cardiff group, June") {
    return {std::move(title),    "Cyngor Caerdydd", "W06000015",
            "adult-social-care", "2025-06-12",      10};
  }
  static ImportInput txt(std::string name, std::string text, ReportDetails d = details()) {
    return {std::move(name), std::move(text), std::move(d)};
  }

  // Imports one file that must succeed; returns the report's id.
  Id import_ok(const Actor& a, const ImportInput& in) {
    auto out = analysis_->import(a, {in});
    if (!out.ok()) throw std::runtime_error("import refused: " + out.error().key);
    const auto& o = out->at(0);
    if (!o.report_id) throw std::runtime_error("import failed: " + o.error_code + " " + o.detail);
    return *o.report_id;
  }
  Id import_english() { return import_ok(actor(ana_), txt("cardiff.txt", kEnglish)); }

  ReportView view(Id id) { return must(analysis_->view_report(actor(ana_), id)); }

  // The ordinal of the sentence segment whose text is `text`.
  std::int64_t sentence(const ReportView& v, const std::string& text, int nth = 0) {
    for (const auto& s : v.segments)
      if (s.kind == SegmentKind::sentence &&
          code_point_slice(v.report.body, s.start, s.end) == text && nth-- == 0)
        return s.ordinal;
    throw std::runtime_error("no sentence \"" + text + "\"");
  }
  const ReportSegmentRow& segment(const ReportView& v, std::int64_t ordinal) {
    return v.segments.at(static_cast<std::size_t>(ordinal));
  }
  // The pending suggestion of `theme` on the sentence `text`.
  SuggestionRow suggestion_on(const ReportView& v, const std::string& theme,
                              const std::string& text) {
    for (const auto& s : v.suggestions)
      if (s.kind == SegmentKind::sentence && s.theme_id == theme &&
          code_point_slice(v.report.body, s.start, s.end) == text)
        return s;
    throw std::runtime_error("no suggestion of " + theme + " on \"" + text + "\"");
  }

  std::int64_t report_count() {
    return read([&](Conn& c) { return store::analysis::count_reports(c); });
  }
  std::int64_t pending_count(Id report) {
    std::int64_t n = 0;
    for (const auto& s : view(report).suggestions) n += s.status == SuggestionStatus::pending;
    return n;
  }
  std::size_t count_action(const std::string& action) {
    std::size_t n = 0;
    for (const auto& e : audit_rows(1000)) n += e.action == action;
    return n;
  }

  static std::map<std::string, std::string> fields_of(const Error& e) {
    std::map<std::string, std::string> out;
    for (const auto& f : e.fields) out[f.field] = f.key;
    return out;
  }

  std::unique_ptr<AnalysisService> analysis_;
  User ana_, ben_, leader_, quality_;
};

// ---- import ----------------------------------------------------------------------------

TEST_P(AnalysisServiceTest, ImportsAGoodTextSplitUnderItsHeadingsWithSuggestions) {
  auto out = analysis_->import(actor(ana_), {txt("cardiff.txt", kEnglish)});
  ASSERT_TRUE(out.ok()) << out.error().key;
  ASSERT_EQ(out->size(), 1u);
  const auto& o = (*out)[0];
  EXPECT_EQ(o.file_name, "cardiff.txt");
  ASSERT_TRUE(o.report_id.has_value()) << o.error_code << " " << o.detail;
  EXPECT_TRUE(o.error_code.empty());
  EXPECT_TRUE(o.warnings.empty());
  EXPECT_GT(o.suggestions, 0u);

  const auto v = view(*o.report_id);
  EXPECT_EQ(v.report.title, "Cardiff group, June");
  EXPECT_EQ(v.report.file_name, "cardiff.txt");
  EXPECT_EQ(v.report.format, "txt");
  EXPECT_EQ(v.report.language, "en");
  EXPECT_EQ(v.report.organisation_name, "Cyngor Caerdydd");
  // Stored as the service kind id, though given in the old spelling.
  EXPECT_EQ(v.report.service_area, "adult_social_care");
  EXPECT_EQ(v.report.report_date, "2025-06-12");
  EXPECT_EQ(v.report.year, 2025);
  EXPECT_EQ(v.report.group_size, 10);
  EXPECT_TRUE(v.report.warnings.empty());

  // Three sections, each body exactly the text under its heading.
  ASSERT_EQ(v.sections.size(), 3u);
  EXPECT_EQ(v.sections[0].heading, "working-well");
  EXPECT_EQ(v.sections[0].heading_text, "What is working well");
  EXPECT_EQ(code_point_slice(v.report.body, v.sections[0].start, v.sections[0].end),
            "Supervision happens every month. Nobody covers the phones.");
  EXPECT_EQ(v.sections[1].heading, "getting-in-the-way");
  EXPECT_EQ(code_point_slice(v.report.body, v.sections[1].start, v.sections[1].end),
            "Caseloads are too high and there is no time. The forms take all day.");
  EXPECT_EQ(v.sections[2].heading, "make-a-difference");
  EXPECT_EQ(code_point_slice(v.report.body, v.sections[2].start, v.sections[2].end),
            "Nobody covers the phones.");

  // Sentences carry their section's heading.
  const auto time = segment(v, sentence(v, "Caseloads are too high and there is no time."));
  EXPECT_EQ(time.heading, "getting-in-the-way");
  EXPECT_EQ(segment(v, sentence(v, "Nobody covers the phones.", 1)).heading, "make-a-difference");

  // The suggestions stored are those counted, all pending, with their evidence.
  EXPECT_EQ(v.suggestions.size(), o.suggestions);
  const auto s =
      suggestion_on(v, "time-and-capacity", "Caseloads are too high and there is no time.");
  EXPECT_EQ(s.status, SuggestionStatus::pending);
  EXPECT_EQ(s.heading, "getting-in-the-way");
  EXPECT_EQ(s.score_permille, 750);  // two indicators: 1 - 2^-2
  EXPECT_NE(s.evidence_json.find("no time"), std::string::npos);
  EXPECT_EQ(s.codebook_version, 0) << "the default codebook, never saved, is version 0";
  // No sentence suggestion for a sentence without indicators.
  for (const auto& sg : v.suggestions)
    EXPECT_NE(code_point_slice(v.report.body, sg.start, sg.end), "Nobody covers the phones.");

  const auto e = last_audit();
  EXPECT_EQ(e.action, "followup.import");
  EXPECT_EQ(e.actor_user_id, ana_.id);
  EXPECT_EQ(e.target_id, std::to_string(*o.report_id));
  auto by = read([&](Conn& c) {
    return c.query("SELECT imported_by FROM followup_reports WHERE id = ?", {*o.report_id})
        .at(0)
        .opt_i64(0);
  });
  EXPECT_EQ(by, ana_.id);
}

TEST_P(AnalysisServiceTest, DetectsAWelshReportAndKeepsItsTextExactly) {
  const Id id = import_ok(actor(ana_), txt("abertawe.txt", kWelsh));
  const auto v = view(id);
  EXPECT_EQ(v.report.language, "cy");
  // The text is kept as written (already NFC, with its final line break trimmed or not:
  // the bodies must at least cut out the sentences exactly).
  ASSERT_EQ(v.sections.size(), 2u);
  EXPECT_EQ(v.sections[0].heading, "working-well");
  EXPECT_EQ(v.sections[1].heading, "getting-in-the-way");
  EXPECT_EQ(code_point_slice(v.report.body, v.sections[1].start, v.sections[1].end),
            "Does dim amser gyda ni i fyfyrio ac mae'r llwyth achosion yn rhy uchel.");
  EXPECT_NE(v.report.body.find("t\u00eem"), std::string::npos);
  // Welsh indicators (radical forms, "dim amser", "llwyth achosion") suggest themes.
  const auto s =
      suggestion_on(v, "time-and-capacity",
                    "Does dim amser gyda ni i fyfyrio ac mae'r llwyth achosion yn rhy uchel.");
  EXPECT_EQ(s.score_permille, 750);
}

// A batch is prepared on several threads and stored in order: each file's outcome stands in
// its place, refusals included, and each stored report is the one its file made.
TEST_P(AnalysisServiceTest, ABatchIsStoredInTheFilesOrderWithEachOutcomeInPlace) {
  std::vector<ImportInput> batch;
  for (int i = 0; i < 12; ++i) {
    if (i % 4 == 3) {
      batch.push_back(txt("broken-" + std::to_string(i) + ".docx", "not a zip file"));
    } else {
      ReportDetails d = details("Group " + std::to_string(i));
      batch.push_back(txt("group-" + std::to_string(i) + ".txt", kEnglish, d));
    }
  }
  const auto out = analysis_->import(actor(ana_), batch);
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->size(), batch.size());
  std::optional<Id> previous;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const auto& o = out->at(i);
    EXPECT_EQ(o.file_name, batch[i].file_name);
    if (i % 4 == 3) {
      EXPECT_FALSE(o.report_id) << o.file_name;
      EXPECT_FALSE(o.error_code.empty());
      continue;
    }
    ASSERT_TRUE(o.report_id) << o.file_name << ": " << o.error_code;
    if (previous) {
      EXPECT_GT(*o.report_id, *previous);  // stored in the files' order
    }
    previous = o.report_id;
    EXPECT_EQ(view(*o.report_id).report.title, "Group " + std::to_string(i));
    EXPECT_GT(o.suggestions, 0u);
  }
}

TEST_P(AnalysisServiceTest, NoHeadingsIsAWarningNotARefusal) {
  // Without a title, the file's name without its extension stands in.
  const auto out = analysis_->import(
      actor(ana_),
      {txt("notes.txt", "Just some notes. It talks about the weather.\n", details(""))});
  ASSERT_TRUE(out.ok());
  const auto& o = out->at(0);
  ASSERT_TRUE(o.report_id.has_value());
  EXPECT_EQ(o.warnings, std::vector<std::string>{"no_headings"});
  const auto v = view(*o.report_id);
  EXPECT_EQ(v.report.title, "notes");
  EXPECT_EQ(v.report.warnings, "no_headings");
  ASSERT_EQ(v.sections.size(), 1u);
  EXPECT_EQ(v.sections[0].heading, "other");
  EXPECT_EQ(o.suggestions, 0u);
}

TEST_P(AnalysisServiceTest, ImportsMarkdownUnderItsHeadings) {
  const Id id = import_ok(actor(ana_), txt("group.md",
                                           "# Follow-up\n\n## What is working well\n\n"
                                           "**Supervision** happens every month.\n\n"
                                           "## What gets in the way\n\n"
                                           "- Caseloads are too high and there is no time.\n"));
  const auto v = view(id);
  EXPECT_EQ(v.report.format, "md");
  std::vector<std::string> headings;
  for (const auto& s : v.sections) headings.push_back(s.heading);
  EXPECT_NE(std::find(headings.begin(), headings.end(), "working-well"), headings.end());
  EXPECT_NE(std::find(headings.begin(), headings.end(), "getting-in-the-way"), headings.end());
  EXPECT_EQ(v.report.body.find("**"), std::string::npos) << "markup is not part of the text";
  EXPECT_NO_THROW(
      suggestion_on(v, "time-and-capacity", "Caseloads are too high and there is no time."));
}

TEST_P(AnalysisServiceTest, BadFilesAreRefusedOneByOneAndStoreNothing) {
  auto bad_date = details();
  bad_date.report_date = "2026-02-30";
  auto bad_area = details();
  bad_area.service_area = "space-programme";
  auto bad_size = details();
  bad_size.group_size = 0;
  auto no_org = details();
  no_org.organisation_name = "";

  auto out = analysis_->import(
      actor(ana_), {txt("empty.txt", ""), txt("blank.txt", "  \n\n \t\n"),
                    txt("report.docx", "This is plain text wearing a .docx name."),
                    txt("date.txt", kEnglish, bad_date), txt("good.txt", kEnglish),
                    txt("area.txt", kEnglish, bad_area), txt("size.txt", kEnglish, bad_size),
                    txt("org.txt", kEnglish, no_org)});
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->size(), 8u);
  std::map<std::string, const ImportOutcome*> by_name;
  for (const auto& o : *out) by_name[o.file_name] = &o;

  EXPECT_EQ(by_name["empty.txt"]->error_code, "empty");
  EXPECT_EQ(by_name["blank.txt"]->error_code, "empty");
  EXPECT_EQ(by_name["report.docx"]->error_code, "not_a_zip");
  EXPECT_FALSE(by_name["report.docx"]->detail.empty());
  EXPECT_EQ(by_name["date.txt"]->error_code, "details_invalid");
  EXPECT_NE(by_name["date.txt"]->detail.find("report_date: date_format"), std::string::npos)
      << by_name["date.txt"]->detail;
  EXPECT_EQ(by_name["area.txt"]->error_code, "details_invalid");
  EXPECT_NE(by_name["area.txt"]->detail.find("service_area: service_area_unknown"),
            std::string::npos);
  EXPECT_EQ(by_name["size.txt"]->error_code, "details_invalid");
  EXPECT_NE(by_name["size.txt"]->detail.find("group_size: group_size_range"), std::string::npos);
  EXPECT_EQ(by_name["org.txt"]->error_code, "details_invalid");
  EXPECT_NE(by_name["org.txt"]->detail.find("organisation_name"), std::string::npos);
  for (const auto& o : *out)
    if (o.file_name != "good.txt") {
      EXPECT_FALSE(o.report_id.has_value()) << o.file_name;
      EXPECT_EQ(o.suggestions, 0u) << o.file_name;
    }

  // The good file in the same call is stored, and only it.
  ASSERT_TRUE(by_name["good.txt"]->report_id.has_value());
  EXPECT_TRUE(by_name["good.txt"]->error_code.empty());
  EXPECT_EQ(report_count(), 1);
  for (const char* table : {"report_sections", "report_segments", "suggestions"}) {
    const auto rows = read([&](Conn& c) {
      return c
          .query(std::string("SELECT COUNT(*) FROM ") + table + " WHERE report_id <> ?",
                 {*by_name["good.txt"]->report_id})
          .at(0)
          .i64(0);
    });
    EXPECT_EQ(rows, 0) << table;
  }
  EXPECT_EQ(count_action("followup.import"), 1u);
}

TEST_P(AnalysisServiceTest, LeapDayIsAValidDate) {
  auto leap = details();
  leap.report_date = "2024-02-29";
  auto not_leap = details();
  not_leap.report_date = "2025-02-29";
  auto out = analysis_->import(actor(ana_),
                               {txt("a.txt", kEnglish, leap), txt("b.txt", kEnglish, not_leap)});
  ASSERT_TRUE(out.ok());
  EXPECT_TRUE((*out)[0].report_id.has_value());
  EXPECT_EQ((*out)[1].error_code, "details_invalid");
}

TEST_P(AnalysisServiceTest, OperatorImportsAsNobody) {
  const auto op = UserService::operator_actor();
  const Id id = import_ok(op, txt("cardiff.txt", kEnglish));
  auto row = read([&](Conn& c) {
    return c.query("SELECT imported_by FROM followup_reports WHERE id = ?", {id}).at(0);
  });
  EXPECT_TRUE(row.is_null(0));
  EXPECT_TRUE(analysis_->list_reports(op, {}).ok());
  EXPECT_EQ(last_audit().action, "followup.import");
}

// ---- who may do what -------------------------------------------------------------------

TEST_P(AnalysisServiceTest, RolesDecideWhoReadsAndWho) {
  const std::set<Role> readers = {Role::analyst, Role::administrator, Role::senior_leader,
                                  Role::quality_lead};
  const std::set<Role> writers = {Role::analyst, Role::administrator};
  for (Role r : all_roles()) {
    User u = sam_;
    u.role = r;
    EXPECT_EQ(analysis_->can_read(actor(u)), readers.count(r) == 1) << role_id(r);
    EXPECT_EQ(analysis_->can_write(actor(u)), writers.count(r) == 1) << role_id(r);
  }
  EXPECT_TRUE(analysis_->can_write(UserService::operator_actor()));
}

TEST_P(AnalysisServiceTest, PractitionerIsRefusedAndTheRefusalAudited) {
  const Id id = import_english();
  const auto before = report_count();

  auto imp = analysis_->import(actor(sam_), {txt("mine.txt", kEnglish)});
  ASSERT_FALSE(imp.ok());
  EXPECT_EQ(imp.error().code, Errc::forbidden);
  EXPECT_EQ(report_count(), before);
  auto e = last_audit();
  EXPECT_EQ(e.action, "access.refuse");
  EXPECT_EQ(e.outcome, "refused");
  EXPECT_EQ(e.actor_user_id, sam_.id);
  EXPECT_EQ(e.target_type, "followup");
  EXPECT_EQ(e.target_id, "write");
  EXPECT_EQ(e.address, kAddress);

  auto list = analysis_->list_reports(actor(sam_), {});
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().code, Errc::forbidden);
  EXPECT_EQ(last_audit().action, "access.refuse");
  EXPECT_EQ(last_audit().target_id, "read");

  const auto refusals = count_action("access.refuse");
  EXPECT_EQ(analysis_->view_report(actor(sam_), id).error().code, Errc::forbidden);
  EXPECT_EQ(analysis_->codebook(actor(sam_)).error().code, Errc::forbidden);
  EXPECT_EQ(analysis_->codebook_history(actor(sam_)).error().code, Errc::forbidden);
  EXPECT_EQ(analysis_->delete_report(actor(sam_), id).error().code, Errc::forbidden);
  EXPECT_EQ(analysis_->resuggest_all(actor(sam_)).error().code, Errc::forbidden);
  EXPECT_EQ(count_action("access.refuse"), refusals + 5);
  EXPECT_EQ(report_count(), before);
}

TEST_P(AnalysisServiceTest, LeadersReadButCannotCode) {
  const Id id = import_english();
  for (const User& reader : {leader_, quality_}) {
    auto list = analysis_->list_reports(actor(reader), {});
    ASSERT_TRUE(list.ok()) << reader.email;
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ((*list)[0].report.id, id);
    EXPECT_TRUE(analysis_->view_report(actor(reader), id).ok());
    EXPECT_TRUE(analysis_->codebook(actor(reader)).ok());
  }

  const auto v = view(id);
  const auto n = sentence(v, "Supervision happens every month.");
  auto code = analysis_->add_coding(
      actor(leader_), {id, {"supervision"}, segment(v, n).start, segment(v, n).end, ""});
  ASSERT_FALSE(code.ok());
  EXPECT_EQ(code.error().code, Errc::forbidden);
  EXPECT_EQ(last_audit().action, "access.refuse");
  EXPECT_EQ(last_audit().actor_user_id, leader_.id);
  EXPECT_EQ(analysis_->add_segment_coding(actor(leader_), id, n, {"supervision"}, "").error().code,
            Errc::forbidden);
  const auto s = suggestion_on(v, "supervision", "Supervision happens every month.");
  EXPECT_EQ(analysis_->decide_suggestion(actor(leader_), s.id, true).error().code, Errc::forbidden);
  EXPECT_EQ(analysis_->save_codebook(actor(leader_), default_codebook_json(), "", 0).error().code,
            Errc::forbidden);
  EXPECT_EQ(analysis_->delete_report(actor(leader_), id).error().code, Errc::forbidden);
  EXPECT_EQ(count_rows("codings"), 0);
  EXPECT_EQ(pending_count(id), static_cast<std::int64_t>(v.suggestions.size()));
  EXPECT_EQ(report_count(), 1);
}

TEST_P(AnalysisServiceTest, ListFiltersAndMissingReports) {
  auto swansea = details("Swansea");
  swansea.organisation_name = "Cyngor Abertawe";
  swansea.report_date = "2026-01-20";
  swansea.service_area = "housing";
  import_english();
  import_ok(actor(ana_), txt("swansea.txt", kEnglish, swansea));
  auto all = must(analysis_->list_reports(actor(leader_), {}));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].report.title, "Swansea");  // newest first
  EXPECT_GT(all[0].pending_suggestions, 0);
  EXPECT_EQ(must(analysis_->list_reports(actor(leader_), {2026, "", ""})).size(), 1u);
  EXPECT_EQ(must(analysis_->list_reports(actor(leader_), {std::nullopt, "Cyngor Caerdydd", ""}))
                .at(0)
                .report.title,
            "Cardiff group, June");
  EXPECT_EQ(must(analysis_->list_reports(actor(leader_), {std::nullopt, "", "housing"})).size(),
            1u);
  EXPECT_EQ(analysis_->view_report(actor(ana_), 9999).error().code, Errc::not_found);
}

TEST_P(AnalysisServiceTest, DeletingAReportIsAuditedAndRemovesItsCodings) {
  const Id id = import_english();
  const auto v = view(id);
  must(analysis_->add_segment_coding(
      actor(ana_), id, sentence(v, "Supervision happens every month."), {"supervision"}, ""));
  ASSERT_TRUE(analysis_->delete_report(actor(ana_), id).ok());
  EXPECT_EQ(last_audit().action, "followup.delete");
  EXPECT_EQ(last_audit().target_id, std::to_string(id));
  EXPECT_EQ(report_count(), 0);
  EXPECT_EQ(count_rows("codings"), 0);
  EXPECT_EQ(count_rows("suggestions"), 0);
  EXPECT_EQ(analysis_->delete_report(actor(ana_), id).error().code, Errc::not_found);
}

// ---- coding ----------------------------------------------------------------------------

TEST_P(AnalysisServiceTest, CodingASelectionTakesItsHeadingFromTheSection) {
  const Id id = import_english();
  const auto v = view(id);
  const auto& time = segment(v, sentence(v, "Caseloads are too high and there is no time."));
  // Part of a sentence, to two themes (one named twice), with a memo.
  auto made = analysis_->add_coding(
      actor(ana_), {id,
                    {"time-and-capacity", "burnout-and-wellbeing", "time-and-capacity"},
                    time.start,
                    time.start + 9,
                    "Llwyth gwaith \u2014 caseloads"});
  ASSERT_TRUE(made.ok()) << made.error().key;
  ASSERT_EQ(made->size(), 2u);
  for (const auto& k : *made) {
    EXPECT_EQ(k.heading, "getting-in-the-way");
    EXPECT_EQ(k.coder_id, ana_.id);
    EXPECT_EQ(k.coder_name, "Ana Analyst");
    EXPECT_EQ(k.origin, CodingOrigin::human);
    EXPECT_EQ(k.start, time.start);
    EXPECT_EQ(k.end, time.start + 9);
    EXPECT_EQ(k.memo, "Llwyth gwaith \u2014 caseloads");
    EXPECT_EQ(k.created_at, now_);
  }
  EXPECT_EQ(last_audit().action, "followup.code");

  // Under another heading, another heading.
  const auto& sup = segment(v, sentence(v, "Supervision happens every month."));
  auto ww = must(analysis_->add_coding(actor(ana_), {id, {"supervision"}, sup.start, sup.end, ""}));
  EXPECT_EQ(ww.at(0).heading, "working-well");
  const auto& phones = segment(v, sentence(v, "Nobody covers the phones.", 1));
  auto mad =
      must(analysis_->add_coding(actor(ana_), {id, {"leadership"}, phones.start, phones.end, ""}));
  EXPECT_EQ(mad.at(0).heading, "make-a-difference");
  // A selection starting on a heading line is in no section and would never be shown:
  // refused (issue 7), and nothing is stored.
  auto other = analysis_->add_coding(actor(ana_), {id, {"leadership"}, 0, 4, ""});
  ASSERT_FALSE(other.ok());
  ASSERT_EQ(other.error().fields.size(), 1u);
  EXPECT_EQ(other.error().fields[0].field, "selection");
  EXPECT_EQ(other.error().fields[0].key, "selection_outside_sections");

  const auto stored = view(id).codings;
  ASSERT_EQ(stored.size(), 4u);
  for (const auto& k : stored) {
    if (k.theme_id == "burnout-and-wellbeing") {
      EXPECT_EQ(code_point_slice(v.report.body, k.start, k.end), "Caseloads");
    }
  }
  EXPECT_EQ(count_action("followup.code"), 4u);
}

TEST_P(AnalysisServiceTest, InvalidCodingsAreFieldErrorsAndStoreNothing) {
  const Id id = import_english();
  const auto length = static_cast<std::int64_t>(code_point_count(view(id).report.body));
  auto expect_invalid = [&](const CodingRequest& r, const std::string& field,
                            const std::string& key) {
    auto made = analysis_->add_coding(actor(ana_), r);
    ASSERT_FALSE(made.ok()) << field;
    EXPECT_EQ(made.error().code, Errc::invalid) << field;
    EXPECT_EQ(fields_of(made.error())[field], key) << field;
  };
  expect_invalid({id, {}, 0, 5, ""}, "themes", "theme_required");
  expect_invalid({id, {"no-such-theme"}, 0, 5, ""}, "themes", "theme_unknown");
  expect_invalid({id, {"supervision", "Supervision"}, 0, 5, ""}, "themes", "theme_unknown");
  expect_invalid({id, {"supervision"}, -1, 5, ""}, "selection", "selection_invalid");
  expect_invalid({id, {"supervision"}, 5, 5, ""}, "selection", "selection_invalid");
  expect_invalid({id, {"supervision"}, 6, 5, ""}, "selection", "selection_invalid");
  expect_invalid({id, {"supervision"}, length - 3, length + 1, ""}, "selection",
                 "selection_invalid");
  expect_invalid({id, {"supervision"}, 0, 5, std::string(2001, 'x')}, "memo", "too_long");
  // The last code point may be included.
  EXPECT_TRUE(
      analysis_->add_coding(actor(ana_), {id, {"supervision"}, length - 3, length, ""}).ok());
  EXPECT_EQ(count_rows("codings"), 1);

  auto missing = analysis_->add_coding(actor(ana_), {id + 100, {"supervision"}, 0, 5, ""});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, Errc::not_found);
  EXPECT_EQ(count_rows("codings"), 1);
}

TEST_P(AnalysisServiceTest, CodingThePassageAgainIsAConflictAndAddsNoneOfTheRequest) {
  const Id id = import_english();
  const auto v = view(id);
  const auto n = sentence(v, "Supervision happens every month.");
  must(analysis_->add_segment_coding(actor(ana_), id, n, {"supervision"}, ""));
  // "leadership" sorts before "supervision", so it is written first and must be undone.
  auto again = analysis_->add_segment_coding(actor(ana_), id, n, {"supervision", "leadership"}, "");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, Errc::conflict);
  EXPECT_EQ(count_rows("codings"), 1);
  EXPECT_EQ(count_action("followup.code"), 1u);
  // Another coder may code the same passage to the same theme.
  EXPECT_TRUE(analysis_->add_segment_coding(actor(ben_), id, n, {"supervision"}, "").ok());
  EXPECT_EQ(count_rows("codings"), 2);
}

TEST_P(AnalysisServiceTest, SegmentCodingCodesTheWholeSentence) {
  const Id id = import_english();
  const auto v = view(id);
  const auto n = sentence(v, "The forms take all day.");
  auto made = analysis_->add_segment_coding(actor(ana_), id, n, {"systems-and-processes"}, "memo");
  ASSERT_TRUE(made.ok()) << made.error().key;
  ASSERT_EQ(made->size(), 1u);
  EXPECT_EQ(code_point_slice(v.report.body, (*made)[0].start, (*made)[0].end),
            "The forms take all day.");
  EXPECT_EQ((*made)[0].heading, "getting-in-the-way");

  const auto unknown = static_cast<std::int64_t>(v.segments.size());
  auto bad = analysis_->add_segment_coding(actor(ana_), id, unknown, {"supervision"}, "");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, Errc::invalid);
  EXPECT_EQ(fields_of(bad.error())["segment"], "selection_invalid");
  EXPECT_FALSE(analysis_->add_segment_coding(actor(ana_), id, -1, {"supervision"}, "").ok());
  // A segment of another (missing) report is no segment either.
  EXPECT_EQ(
      analysis_->add_segment_coding(actor(ana_), id + 100, 0, {"supervision"}, "").error().code,
      Errc::invalid);
  // Someone who may not write is refused, whatever the ordinal.
  EXPECT_EQ(
      analysis_->add_segment_coding(actor(sam_), id, unknown, {"supervision"}, "").error().code,
      Errc::forbidden);
  EXPECT_EQ(count_rows("codings"), 1);
}

TEST_P(AnalysisServiceTest, CodersDeleteTheirOwnCodingsAndAdministratorsAnyone) {
  const Id id = import_english();
  const Id other = import_english();
  const auto v = view(id);
  const auto n = sentence(v, "Supervision happens every month.");
  const auto mine =
      must(analysis_->add_segment_coding(actor(ana_), id, n, {"supervision"}, "")).at(0);
  const auto second =
      must(analysis_->add_segment_coding(actor(ana_), id, n, {"leadership"}, "")).at(0);

  auto by_ben = analysis_->delete_coding(actor(ben_), id, mine.id);
  ASSERT_FALSE(by_ben.ok());
  EXPECT_EQ(by_ben.error().code, Errc::forbidden);
  EXPECT_EQ(count_rows("codings"), 2);

  // Through another report, the coding does not exist.
  EXPECT_EQ(analysis_->delete_coding(actor(ana_), other, mine.id).error().code, Errc::not_found);
  EXPECT_EQ(analysis_->delete_coding(actor(leader_), id, mine.id).error().code, Errc::forbidden);

  ASSERT_TRUE(analysis_->delete_coding(actor(admin_), id, mine.id).ok());
  EXPECT_EQ(last_audit().action, "followup.uncode");
  EXPECT_EQ(last_audit().actor_user_id, admin_.id);
  ASSERT_TRUE(analysis_->delete_coding(actor(ana_), id, second.id).ok());
  EXPECT_EQ(count_rows("codings"), 0);
  EXPECT_EQ(analysis_->delete_coding(actor(ana_), id, second.id).error().code, Errc::not_found);
}

// Was a bug: AnalysisService::delete_coding (src/service/followup_service.cpp around line 377, the
// `k->coder_id != a.user.id && !a.is_admin()` branch) returns forbidden without writing an
// access_refused audit event, unlike every other refusal in the service (refuse()) and
// contrary to docs/architecture.md ("refusals (access and CSRF)" are audited). Likely fix:
// record the refusal (e.g. audit_.record_now({... "access.refuse", "refused", "coding", ...}))
// before returning forbidden.
TEST_P(AnalysisServiceTest, DeletingAnotherCodersCodingIsAnAuditedRefusal) {
  const Id id = import_english();
  const auto v = view(id);
  const auto k = must(analysis_->add_segment_coding(actor(ana_), id,
                                                    sentence(v, "Supervision happens every month."),
                                                    {"supervision"}, ""))
                     .at(0);
  ASSERT_EQ(analysis_->delete_coding(actor(ben_), id, k.id).error().code, Errc::forbidden);
  EXPECT_EQ(last_audit().action, "access.refuse");
  EXPECT_EQ(last_audit().actor_user_id, ben_.id);
}

// ---- suggestions -----------------------------------------------------------------------

TEST_P(AnalysisServiceTest, AcceptingASuggestionMakesItTheCodersCoding) {
  const Id id = import_english();
  const auto v = view(id);
  const auto s =
      suggestion_on(v, "time-and-capacity", "Caseloads are too high and there is no time.");
  advance(60);
  auto decided = analysis_->decide_suggestion(actor(ben_), s.id, true);
  ASSERT_TRUE(decided.ok()) << decided.error().key;
  EXPECT_EQ(decided->status, SuggestionStatus::accepted);
  EXPECT_EQ(decided->decided_by, ben_.id);
  EXPECT_EQ(last_audit().action, "followup.suggestion_accept");

  const auto codings = view(id).codings;
  ASSERT_EQ(codings.size(), 1u);
  EXPECT_EQ(codings[0].theme_id, "time-and-capacity");
  EXPECT_EQ(codings[0].origin, CodingOrigin::suggestion);
  EXPECT_EQ(codings[0].coder_id, ben_.id);
  EXPECT_EQ(codings[0].start, s.start);
  EXPECT_EQ(codings[0].end, s.end);
  EXPECT_EQ(codings[0].heading, "getting-in-the-way");
  EXPECT_EQ(codings[0].created_at, now_);

  // Decided once: a second decision, either way, is stale and changes nothing.
  for (bool accept : {true, false}) {
    auto again = analysis_->decide_suggestion(actor(ana_), s.id, accept);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, Errc::stale);
  }
  EXPECT_EQ(view(id).codings.size(), 1u);
  EXPECT_EQ(must(analysis_->view_report(actor(ana_), id)).suggestions.size(), v.suggestions.size());
  EXPECT_EQ(analysis_->decide_suggestion(actor(ana_), s.id + 1000, true).error().code,
            Errc::not_found);
}

TEST_P(AnalysisServiceTest, RejectingASuggestionCodesNothing) {
  const Id id = import_english();
  const auto v = view(id);
  const auto s = suggestion_on(v, "supervision", "Supervision happens every month.");
  auto decided = must(analysis_->decide_suggestion(actor(ana_), s.id, false));
  EXPECT_EQ(decided.status, SuggestionStatus::rejected);
  EXPECT_EQ(last_audit().action, "followup.suggestion_reject");
  EXPECT_TRUE(view(id).codings.empty());
  EXPECT_EQ(pending_count(id), static_cast<std::int64_t>(v.suggestions.size()) - 1);
}

// Was a bug: on PostgreSQL, accepting a suggestion for a passage the coder has already coded to
// that theme throws "current transaction is aborted" instead of succeeding (it passes on
// SQLite). AnalysisService::decide_suggestion (src/service/followup_service.cpp, around
// line 408) lets store::analysis::insert_coding hit the UNIQUE (report_id, coder_id,
// theme_id, start_cp, end_cp) constraint and then carries on in the same transaction
// (audit_.record, find_suggestion); PostgreSQL refuses every statement after a failed one
// until the transaction ends, so the exception escapes, the decision is rolled back and the
// caller gets a 500. Likely fix: do not provoke the violation inside the transaction, e.g.
// check for the coding first, or insert with ON CONFLICT (...) DO NOTHING (or wrap the insert
// in a SAVEPOINT) in the store.
TEST_P(AnalysisServiceTest, AcceptingWhatTheCoderAlreadyCodedAddsNoSecondCoding) {
  const Id id = import_english();
  const auto v = view(id);
  const auto n = sentence(v, "Supervision happens every month.");
  must(analysis_->add_segment_coding(actor(ana_), id, n, {"supervision"}, ""));
  const auto s = suggestion_on(v, "supervision", "Supervision happens every month.");
  auto decided = analysis_->decide_suggestion(actor(ana_), s.id, true);
  ASSERT_TRUE(decided.ok());
  EXPECT_EQ(decided->status, SuggestionStatus::accepted);
  const auto codings = view(id).codings;
  ASSERT_EQ(codings.size(), 1u);
  EXPECT_EQ(codings[0].origin, CodingOrigin::human);
}

TEST_P(AnalysisServiceTest, ResuggestingKeepsDecidedSuggestions) {
  const Id id = import_english();
  const auto v = view(id);
  const auto accepted = suggestion_on(v, "supervision", "Supervision happens every month.");
  const auto rejected = suggestion_on(v, "systems-and-processes", "The forms take all day.");
  must(analysis_->decide_suggestion(actor(ana_), accepted.id, true));
  must(analysis_->decide_suggestion(actor(ana_), rejected.id, false));

  auto n = analysis_->resuggest_all(actor(ana_));
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(last_audit().action, "followup.resuggest");
  const auto after = view(id).suggestions;
  EXPECT_EQ(after.size(), v.suggestions.size()) << "nothing lost, nothing offered twice";
  std::map<Id, SuggestionStatus> status;
  for (const auto& s : after) status[s.id] = s.status;
  EXPECT_EQ(status[accepted.id], SuggestionStatus::accepted);
  EXPECT_EQ(status[rejected.id], SuggestionStatus::rejected);
  std::set<std::tuple<std::string, SegmentKind, std::int64_t, std::int64_t>> before_keys,
      after_keys;
  for (const auto& s : v.suggestions) before_keys.insert({s.theme_id, s.kind, s.start, s.end});
  for (const auto& s : after) after_keys.insert({s.theme_id, s.kind, s.start, s.end});
  EXPECT_EQ(after_keys, before_keys);
  EXPECT_EQ(pending_count(id), static_cast<std::int64_t>(v.suggestions.size()) - 2);
  // The accepted suggestion's coding is still there.
  EXPECT_EQ(view(id).codings.size(), 1u);
}

// Was a bug: AnalysisService::resuggest_all is documented (followup_service.hpp) to return "the
// number of pending suggestions", but it adds up rows.size() for every report
// (src/service/followup_service.cpp around line 265, `total += rows.size();`), which
// counts again the suggestions identical to ones already accepted or rejected;
// replace_pending_suggestions skips those (ON CONFLICT DO NOTHING), so the figure
// overstates what is pending after any review.
// Likely fix: count the pending rows after replacing (e.g. SELECT COUNT(*) ... status =
// 'pending'), or subtract the rows that collide with decided ones.
TEST_P(AnalysisServiceTest, ResuggestReturnsTheNumberOfPendingSuggestions) {
  const Id id = import_english();
  const auto v = view(id);
  must(analysis_->decide_suggestion(
      actor(ana_), suggestion_on(v, "supervision", "Supervision happens every month.").id, true));
  must(analysis_->decide_suggestion(
      actor(ana_), suggestion_on(v, "systems-and-processes", "The forms take all day.").id, false));
  auto n = analysis_->resuggest_all(actor(ana_));
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(static_cast<std::int64_t>(*n), pending_count(id));
}

// ---- codebook --------------------------------------------------------------------------

TEST_P(AnalysisServiceTest, CodebookVersionsAreSavedOptimistically) {
  // Before any save, the default is in force as version 0.
  auto current = must(analysis_->codebook(actor(leader_)));
  EXPECT_EQ(current.version, 0);
  EXPECT_EQ(current.body_json, default_codebook_json());
  EXPECT_TRUE(must(analysis_->codebook_history(actor(leader_))).empty());
  EXPECT_EQ(analysis_->theme_names(Language::en).at("supervision"), "Supervision");
  EXPECT_EQ(analysis_->theme_names(Language::en).size(), 20u);

  // Not a codebook.
  auto bad = analysis_->save_codebook(actor(ana_), "{\"name\": ", "", 0);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, Errc::invalid);
  EXPECT_EQ(bad.error().key, "codebook_invalid");
  auto unknown_field = analysis_->save_codebook(
      actor(ana_), R"({"name":"x","version":1,"themes":[],"colour":"red"})", "", 0);
  ASSERT_FALSE(unknown_field.ok());
  EXPECT_EQ(unknown_field.error().code, Errc::invalid);
  EXPECT_TRUE(must(analysis_->codebook_history(actor(ana_))).empty());

  // A renamed theme, saved on top of version 0.
  auto cb = must(analysis::parse_codebook_json(default_codebook_json()));
  for (auto& t : cb.themes)
    if (t.id == "supervision") {
      t.name_en = "Relational supervision";
      t.name_cy = "Goruchwyliaeth berthynol";
    }
  advance(30);
  auto saved = analysis_->save_codebook(actor(ana_), analysis::codebook_to_json(cb),
                                        "Rename supervision", 0);
  ASSERT_TRUE(saved.ok()) << saved.error().key << " " << saved.error().detail;
  EXPECT_EQ(saved->version, 1);
  EXPECT_EQ(saved->note, "Rename supervision");
  EXPECT_EQ(saved->created_by, ana_.id);
  EXPECT_EQ(saved->created_at, now_);
  EXPECT_EQ(last_audit().action, "codebook.save");
  EXPECT_EQ(last_audit().target_id, "1");
  EXPECT_EQ(analysis_->theme_names(Language::en).at("supervision"), "Relational supervision");
  EXPECT_EQ(analysis_->theme_names(Language::cy).at("supervision"), "Goruchwyliaeth berthynol");
  EXPECT_EQ(analysis::find_theme(*analysis_->current_codebook(), "supervision")->name_en,
            "Relational supervision");
  EXPECT_EQ(must(analysis_->codebook(actor(leader_))).version, 1);

  // An editor who started from version 0 too is too late.
  auto stale = analysis_->save_codebook(actor(ben_), default_codebook_json(), "Mine", 0);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, Errc::stale);
  auto ahead = analysis_->save_codebook(actor(ben_), default_codebook_json(), "Mine", 5);
  ASSERT_FALSE(ahead.ok());
  EXPECT_EQ(ahead.error().code, Errc::stale);
  EXPECT_EQ(analysis_->theme_names(Language::en).at("supervision"), "Relational supervision");

  // Based on the current version, it saves as version 2: back to the default names.
  auto v2 = must(analysis_->save_codebook(actor(ben_), default_codebook_json(), "Undo", 1));
  EXPECT_EQ(v2.version, 2);
  EXPECT_EQ(analysis_->theme_names(Language::en).at("supervision"), "Supervision");
  const auto history = must(analysis_->codebook_history(actor(quality_)));
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].version, 2);
  EXPECT_EQ(history[1].version, 1);
  EXPECT_EQ(history[1].note, "Rename supervision");
}

TEST_P(AnalysisServiceTest, ANewIndicatorIsSuggestedAfterResuggesting) {
  const Id id = import_english();
  const auto phones = [&](const ReportView& v) {
    std::size_t n = 0;
    for (const auto& s : v.suggestions)
      n += s.theme_id == "systems-and-processes" &&
           code_point_slice(v.report.body, s.start, s.end) == "Nobody covers the phones.";
    return n;
  };
  ASSERT_EQ(phones(view(id)), 0u);

  auto cb = must(analysis::parse_codebook_json(default_codebook_json()));
  for (auto& t : cb.themes)
    if (t.id == "systems-and-processes") {
      // English indicators come before Welsh ones.
      auto at = std::find_if(t.indicators.begin(), t.indicators.end(),
                             [](const analysis::Indicator& i) { return i.lang == Language::cy; });
      t.indicators.insert(at, {"phones", Language::en, 1.0});
    }
  must(analysis_->save_codebook(actor(ana_), analysis::codebook_to_json(cb), "Phones", 0));
  ASSERT_TRUE(analysis_->resuggest_all(actor(ana_)).ok());

  const auto v = view(id);
  // Two sentences "Nobody covers the phones." (under two headings). The one under "What
  // would make a difference" is its whole paragraph, which is not suggested twice.
  EXPECT_EQ(phones(v), 2u);
  for (const auto& s : v.suggestions) EXPECT_EQ(s.codebook_version, 1) << s.theme_id;
}

INSTANTIATE_TEST_SUITE_P(Engines, AnalysisServiceTest, test::kBothEngines, test::EngineName());

}  // namespace
}  // namespace sgwrs::test
