// Follow-up reports and their analysis in the store (migration 2): reports with their
// sections and segments, list filters and counts, cascading deletes, codings, suggestions
// awaiting review, codebook versions and findings, on both engines.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/analysis/followup.hpp"
#include "domain/core/validation.hpp"
#include "store/analysis/codebook_store.hpp"
#include "store/analysis/coding_store.hpp"
#include "store/analysis/finding_store.hpp"
#include "store/analysis/quote_choice_store.hpp"
#include "store/analysis/report_store.hpp"
#include "store/analysis/suggestion_store.hpp"
#include "store/core/store_fixture.hpp"

namespace sgwrs::test {
namespace {

using store::Conn;
namespace fu = store::analysis;

// Code points in a UTF-8 string (offsets in the store are code points).
std::int64_t cp(const std::string& s) {
  return static_cast<std::int64_t>(code_point_count(s));
}

class AnalysisStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    org_ = add_org("W06000015");
    ana_ = add_user(org_.id, "ana@example.org", "Ana Analyst", Role::analyst);
    ben_ = add_user(org_.id, "ben@example.org", "Ben Analyst", Role::analyst);
  }

  FollowupReport report(std::string title, std::string org, std::string area, std::string date,
                        std::string body = "Some text.") {
    FollowupReport r;
    r.title = std::move(title);
    r.file_name = r.title + ".txt";
    r.format = "txt";
    r.language = "en";
    r.organisation_name = std::move(org);
    r.organisation_ons = "W06000015";
    r.service_area = std::move(area);
    r.report_date = std::move(date);
    r.year = std::stoi(r.report_date.substr(0, 4));
    r.group_size = 10;
    r.body = std::move(body);
    return r;
  }

  Id insert(const FollowupReport& r, const std::vector<ReportSectionRow>& sections = {},
            const std::vector<ReportSegmentRow>& segments = {},
            std::optional<Id> by = std::nullopt) {
    return write([&](Conn& c) { return fu::insert_report(c, r, sections, segments, kNow, by); });
  }

  // A plain report: one working-well section over the whole body, one sentence.
  Id simple(const std::string& title, const std::string& org = "Cyngor Caerdydd",
            const std::string& area = "adult_social_care", const std::string& date = "2025-06-01") {
    const std::string body = "Supervision has improved.";
    return insert(report(title, org, area, date, body), {{"working-well", "Working well", 0, 25}},
                  {{0, SegmentKind::sentence, "working-well", 0, 25}});
  }

  Coding coding(Id report, const User& coder, std::string theme, std::int64_t start,
                std::int64_t end, std::string heading = "working-well") {
    Coding k;
    k.report_id = report;
    k.theme_id = std::move(theme);
    k.start = start;
    k.end = end;
    k.heading = std::move(heading);
    k.coder_id = coder.id;
    k.memo = "memo";
    return k;
  }

  Coding add_coding(const Coding& k) {
    return must(write([&](Conn& c) { return fu::insert_coding(c, k, kNow + 5); }));
  }

  SuggestionRow suggestion(std::string theme, std::int64_t start, std::int64_t end,
                           SegmentKind kind = SegmentKind::sentence, int score = 500) {
    SuggestionRow s;
    s.theme_id = std::move(theme);
    s.kind = kind;
    s.start = start;
    s.end = end;
    s.heading = "working-well";
    s.score_permille = score;
    s.evidence_json = R"([{"phrase":"time","start":0,"end":4,"negated":false}])";
    s.codebook_version = 1;
    return s;
  }

  void replace(Id report, const std::vector<SuggestionRow>& rows) {
    write([&](Conn& c) { fu::replace_pending_suggestions(c, report, rows); });
  }
  std::vector<SuggestionRow> suggestions(Id report) {
    return read([&](Conn& c) { return fu::suggestions_for_report(c, report); });
  }
  std::vector<ReportSummary> list(const ReportFilter& f, int limit = 100) {
    return read([&](Conn& c) { return fu::list_reports(c, f, limit); });
  }
  std::int64_t count_where(const std::string& table, Id report) {
    return read([&](Conn& c) {
      return c.query("SELECT COUNT(*) FROM " + table + " WHERE report_id = ?", {report})
          .at(0)
          .i64(0);
    });
  }

  Organisation org_;
  User ana_, ben_;
};

std::vector<std::string> titles(const std::vector<ReportSummary>& v) {
  std::vector<std::string> out;
  for (const auto& s : v) out.push_back(s.report.title);
  return out;
}

// ---- reports ---------------------------------------------------------------------------

TEST_P(AnalysisStoreTest, WelshReportRoundTripsExactlyWithSectionsAndSegments) {
  // ŵ, ŷ and î are two bytes, ’ three, 😀 four: offsets must be code points, and the text
  // must come back byte for byte.
  const std::string h1 = "Beth sy\u2019n gweithio\u2019n dda?\n";
  const std::string s1 = "Mae\u2019r t\u00eem yn gwrando ar deuluoedd.";
  const std::string s2 = "Mae \u0175yr Mrs \u0174 yn hapus \U0001F600.";
  const std::string h2 = "\n\nBeth sy\u2019n rhwystro?\n";
  const std::string s3 = "Does dim amser i fyfyrio.";
  const std::string body = h1 + s1 + " " + s2 + h2 + s3;
  const std::int64_t b1 = cp(h1), e1 = b1 + cp(s1 + " " + s2);
  const std::int64_t b3 = e1 + cp(h2), e3 = b3 + cp(s3);
  ASSERT_EQ(e3, cp(body));
  ASSERT_LT(cp(body), static_cast<std::int64_t>(body.size()));  // multi-byte indeed

  auto r = report("Adroddiad Gr\u0175p Abertawe", "Cyngor Abertawe", "childrens_services",
                  "2026-03-14", body);
  r.language = "cy";
  r.organisation_ons = "W06000011";
  r.group_size = 12;
  r.warnings = "no_headings,other";
  const std::vector<ReportSectionRow> sections = {
      {"working-well", "Beth sy\u2019n gweithio\u2019n dda?", b1, e1},
      {"getting-in-the-way", "Beth sy\u2019n rhwystro?", b3, e3}};
  const std::vector<ReportSegmentRow> segments = {
      {0, SegmentKind::paragraph, "working-well", b1, e1},
      {1, SegmentKind::sentence, "working-well", b1, b1 + cp(s1)},
      {2, SegmentKind::sentence, "working-well", b1 + cp(s1) + 1, e1},
      {3, SegmentKind::paragraph, "getting-in-the-way", b3, e3},
      {4, SegmentKind::sentence, "getting-in-the-way", b3, e3}};
  const Id id = insert(r, sections, segments, ana_.id);
  EXPECT_GT(id, 0);

  auto found = read([&](Conn& c) { return fu::find_report(c, id); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->body, body);
  EXPECT_EQ(found->title, "Adroddiad Gr\u0175p Abertawe");
  EXPECT_EQ(found->file_name, r.file_name);
  EXPECT_EQ(found->format, "txt");
  EXPECT_EQ(found->language, "cy");
  EXPECT_EQ(found->organisation_name, "Cyngor Abertawe");
  EXPECT_EQ(found->organisation_ons, "W06000011");
  EXPECT_EQ(found->service_area, "childrens_services");
  EXPECT_EQ(found->report_date, "2026-03-14");
  EXPECT_EQ(found->year, 2026);
  EXPECT_EQ(found->group_size, 12);
  EXPECT_EQ(found->warnings, "no_headings,other");
  EXPECT_EQ(found->version, 1);
  // The stored offsets cut out exactly the sentences written.
  EXPECT_EQ(code_point_slice(found->body, segments[2].start, segments[2].end), s2);
  EXPECT_EQ(code_point_slice(found->body, b3, e3), s3);

  auto secs = read([&](Conn& c) { return fu::sections(c, id); });
  ASSERT_EQ(secs.size(), 2u);
  for (std::size_t i = 0; i < secs.size(); ++i) {
    EXPECT_EQ(secs[i].heading, sections[i].heading);
    EXPECT_EQ(secs[i].heading_text, sections[i].heading_text);
    EXPECT_EQ(secs[i].start, sections[i].start);
    EXPECT_EQ(secs[i].end, sections[i].end);
  }
  auto segs = read([&](Conn& c) { return fu::segments(c, id); });
  ASSERT_EQ(segs.size(), segments.size());
  for (std::size_t i = 0; i < segs.size(); ++i) {
    EXPECT_EQ(segs[i].ordinal, segments[i].ordinal);
    EXPECT_EQ(segs[i].kind, segments[i].kind);
    EXPECT_EQ(segs[i].heading, segments[i].heading);
    EXPECT_EQ(segs[i].start, segments[i].start);
    EXPECT_EQ(segs[i].end, segments[i].end);
  }
  EXPECT_FALSE(read([&](Conn& c) { return fu::find_report(c, id + 100); }).has_value());
  EXPECT_TRUE(read([&](Conn& c) { return fu::sections(c, id + 100); }).empty());
}

TEST_P(AnalysisStoreTest, ImportedByIsTheUserOrNullForTheOperator) {
  const Id by_ana = insert(report("a", "Org", "housing", "2025-01-01"), {}, {}, ana_.id);
  const Id by_operator = insert(report("b", "Org", "housing", "2025-01-01"), {}, {}, Id{0});
  const Id by_nobody = insert(report("c", "Org", "housing", "2025-01-01"));
  auto imported_by = [&](Id id) {
    return read([&](Conn& c) {
      return c.query("SELECT imported_by, imported_at FROM followup_reports WHERE id = ?", {id})
          .at(0);
    });
  };
  EXPECT_EQ(imported_by(by_ana).opt_i64(0), ana_.id);
  EXPECT_TRUE(imported_by(by_operator).is_null(0));
  EXPECT_TRUE(imported_by(by_nobody).is_null(0));
  EXPECT_EQ(imported_by(by_ana).i64(1), kNow);
  EXPECT_EQ(read([&](Conn& c) { return fu::count_reports(c); }), 3);
}

TEST_P(AnalysisStoreTest, ListFiltersOrderAndLimit) {
  const Id a = simple("a", "Cyngor Caerdydd", "adult_social_care", "2025-03-01");
  const Id b = simple("b", "Cyngor Caerdydd", "housing", "2026-01-15");
  const Id c = simple("c", "Cyngor Abertawe", "adult_social_care", "2025-11-30");
  const Id d = simple("d", "Cyngor Abertawe", "housing", "2025-03-01");  // same date as a

  // Newest report date first; the same date, the later id first.
  EXPECT_EQ(titles(list({})), (std::vector<std::string>{"b", "c", "d", "a"}));
  EXPECT_EQ(titles(list({}, 2)), (std::vector<std::string>{"b", "c"}));
  EXPECT_EQ(titles(list({2025, "", ""})), (std::vector<std::string>{"c", "d", "a"}));
  EXPECT_EQ(titles(list({2026, "", ""})), (std::vector<std::string>{"b"}));
  EXPECT_TRUE(list({2024, "", ""}).empty());
  EXPECT_EQ(titles(list({std::nullopt, "Cyngor Abertawe", ""})),
            (std::vector<std::string>{"c", "d"}));
  EXPECT_EQ(titles(list({std::nullopt, "", "housing"})), (std::vector<std::string>{"b", "d"}));
  EXPECT_EQ(titles(list({2025, "Cyngor Caerdydd", "adult_social_care"})),
            (std::vector<std::string>{"a"}));
  EXPECT_TRUE(list({std::nullopt, "Cyngor", ""}).empty()) << "organisation matches exactly";

  // Summaries carry metadata but not the text.
  const auto all = list({});
  for (const auto& s : all) {
    EXPECT_TRUE(s.report.body.empty());
    EXPECT_FALSE(s.report.organisation_name.empty());
    EXPECT_EQ(s.codings, 0);
    EXPECT_EQ(s.pending_suggestions, 0);
  }
  (void)a, (void)b, (void)c, (void)d;

  const auto meta = read([&](Conn& c) { return fu::all_report_metadata(c); });
  ASSERT_EQ(meta.size(), 4u);
  EXPECT_EQ(meta[0].id, a);  // by id
  EXPECT_EQ(meta[3].id, d);
  for (const auto& m : meta) EXPECT_TRUE(m.body.empty());
}

TEST_P(AnalysisStoreTest, SummaryCountsCodingsAndOnlyPendingSuggestions) {
  const Id a = simple("a");
  const Id b = simple("b", "Cyngor Caerdydd", "adult_social_care", "2025-01-01");
  add_coding(coding(a, ana_, "supervision", 0, 25));
  add_coding(coding(a, ben_, "supervision", 0, 25));
  add_coding(coding(a, ana_, "leadership", 0, 11));
  add_coding(coding(b, ana_, "supervision", 0, 25));
  replace(a, {suggestion("supervision", 0, 25), suggestion("leadership", 0, 25),
              suggestion("supervision", 0, 25, SegmentKind::paragraph)});
  const auto first = suggestions(a);
  ASSERT_EQ(first.size(), 3u);
  ASSERT_TRUE(write([&](Conn& c) {
    return fu::decide_suggestion(c, first[0].id, SuggestionStatus::rejected, ana_.id, kNow);
  }));

  auto all = list({});
  ASSERT_EQ(all.size(), 2u);
  ASSERT_EQ(all[0].report.id, a);  // later date
  EXPECT_EQ(all[0].codings, 3);
  EXPECT_EQ(all[0].pending_suggestions, 2);
  EXPECT_EQ(all[1].report.id, b);
  EXPECT_EQ(all[1].codings, 1);
  EXPECT_EQ(all[1].pending_suggestions, 0);
}

TEST_P(AnalysisStoreTest, DeleteReportCascadesToEverythingOfIt) {
  const Id a = simple("a");
  const Id keep = simple("keep");
  add_coding(coding(a, ana_, "supervision", 0, 25));
  add_coding(coding(keep, ana_, "supervision", 0, 25));
  replace(a, {suggestion("supervision", 0, 25), suggestion("leadership", 0, 25)});
  replace(keep, {suggestion("supervision", 0, 25)});
  const auto decided = suggestions(a).at(0).id;
  ASSERT_TRUE(write([&](Conn& c) {
    return fu::decide_suggestion(c, decided, SuggestionStatus::accepted, ana_.id, kNow);
  }));

  EXPECT_TRUE(write([&](Conn& c) { return fu::delete_report(c, a); }));
  EXPECT_FALSE(read([&](Conn& c) { return fu::find_report(c, a); }).has_value());
  for (const char* table : {"report_sections", "report_segments", "codings", "suggestions"})
    EXPECT_EQ(count_where(table, a), 0) << table;
  // The other report keeps all of its own.
  for (const char* table : {"report_sections", "report_segments", "codings", "suggestions"})
    EXPECT_EQ(count_where(table, keep), 1) << table;
  EXPECT_EQ(read([&](Conn& c) { return fu::count_reports(c); }), 1);
  // Deleting again finds nothing.
  EXPECT_FALSE(write([&](Conn& c) { return fu::delete_report(c, a); }));
}

TEST_P(AnalysisStoreTest, HeadingsWithTextLeaveOutEmptySections) {
  const std::string body =
      "What is working well\nGood.\n\nWhat gets in the way\n\nMessages for "
      "leaders\nListen.";
  const Id a = insert(report("a", "Org", "housing", "2025-01-01", body),
                      {{"working-well", "What is working well", 21, 26},
                       {"getting-in-the-way", "What gets in the way", 49, 49},  // empty
                       {"leaders-understand", "Messages for leaders", 71, 78},
                       {"leaders-understand", "Messages for leaders", 78, 78}});  // again, empty
  const Id b =
      insert(report("b", "Org", "housing", "2025-01-01", "Just text."), {{"other", "", 0, 10}});
  const Id none = insert(report("none", "Org", "housing", "2025-01-01", "x"));
  (void)none;
  using P = std::pair<Id, std::string>;
  EXPECT_EQ(read([&](Conn& c) { return fu::headings_with_text(c); }),
            (std::vector<P>{{a, "leaders-understand"}, {a, "working-well"}, {b, "other"}}));
}

// ---- codings ---------------------------------------------------------------------------

TEST_P(AnalysisStoreTest, CodingsRoundTripWithTheCodersName) {
  const Id a = simple("a");
  const auto k1 = add_coding(coding(a, ben_, "supervision", 12, 25));
  const auto k2 = add_coding(coding(a, ana_, "leadership", 0, 11, "getting-in-the-way"));
  EXPECT_GT(k1.id, 0);
  EXPECT_EQ(k1.created_at, kNow + 5);

  const auto all = read([&](Conn& c) { return fu::codings_for_report(c, a); });
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, k2.id);  // by start
  EXPECT_EQ(all[0].theme_id, "leadership");
  EXPECT_EQ(all[0].heading, "getting-in-the-way");
  EXPECT_EQ(all[0].coder_id, ana_.id);
  EXPECT_EQ(all[0].coder_name, "Ana Analyst");
  EXPECT_EQ(all[0].memo, "memo");
  EXPECT_EQ(all[0].origin, CodingOrigin::human);
  EXPECT_EQ(all[0].created_at, kNow + 5);
  EXPECT_EQ(all[1].id, k1.id);
  EXPECT_EQ(all[1].coder_name, "Ben Analyst");
  EXPECT_EQ(all[1].start, 12);
  EXPECT_EQ(all[1].end, 25);

  auto found = read([&](Conn& c) { return fu::find_coding(c, k1.id); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->report_id, a);
  EXPECT_EQ(read([&](Conn& c) { return fu::all_codings(c); }).size(), 2u);

  // A coding is deleted only through its own report.
  const Id other = simple("other");
  EXPECT_FALSE(write([&](Conn& c) { return fu::delete_coding(c, other, k1.id); }));
  EXPECT_TRUE(write([&](Conn& c) { return fu::delete_coding(c, a, k1.id); }));
  EXPECT_FALSE(read([&](Conn& c) { return fu::find_coding(c, k1.id); }).has_value());
  EXPECT_FALSE(write([&](Conn& c) { return fu::delete_coding(c, a, k1.id); }));
}

TEST_P(AnalysisStoreTest, DuplicateCodingIsConflictAndAddsNothing) {
  const Id a = simple("a");
  add_coding(coding(a, ana_, "supervision", 0, 25));
  auto dup = write(
      [&](Conn& c) { return fu::insert_coding(c, coding(a, ana_, "supervision", 0, 25), kNow); });
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, Errc::conflict);
  EXPECT_EQ(count_rows("codings"), 1);

  // A conflict inside a larger transaction leaves none of it behind.
  auto batch = write([&](Conn& c) -> Result<Coding> {
    must(fu::insert_coding(c, coding(a, ana_, "leadership", 0, 25), kNow));
    return fu::insert_coding(c, coding(a, ana_, "supervision", 0, 25), kNow);
  });
  ASSERT_FALSE(batch.ok());
  EXPECT_EQ(count_rows("codings"), 1);

  // Another coder, another theme or another span is not a duplicate.
  add_coding(coding(a, ben_, "supervision", 0, 25));
  add_coding(coding(a, ana_, "leadership", 0, 25));
  add_coding(coding(a, ana_, "supervision", 0, 24));
  EXPECT_EQ(count_rows("codings"), 4);
}

// ---- suggestions -----------------------------------------------------------------------

TEST_P(AnalysisStoreTest, SuggestionsRoundTrip) {
  const Id a = simple("a");
  auto s = suggestion("time-and-capacity", 3, 20, SegmentKind::paragraph, 875);
  s.heading = "getting-in-the-way";
  s.codebook_version = 4;
  replace(a, {s, suggestion("supervision", 0, 25)});
  const auto rows = suggestions(a);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].theme_id, "supervision");  // by start
  const auto& t = rows[1];
  EXPECT_EQ(t.report_id, a);
  EXPECT_EQ(t.theme_id, "time-and-capacity");
  EXPECT_EQ(t.kind, SegmentKind::paragraph);
  EXPECT_EQ(t.start, 3);
  EXPECT_EQ(t.end, 20);
  EXPECT_EQ(t.heading, "getting-in-the-way");
  EXPECT_EQ(t.score_permille, 875);
  EXPECT_EQ(t.evidence_json, s.evidence_json);
  EXPECT_EQ(t.status, SuggestionStatus::pending);
  EXPECT_FALSE(t.decided_by.has_value());
  EXPECT_EQ(t.codebook_version, 4);
  auto found = read([&](Conn& c) { return fu::find_suggestion(c, t.id); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->theme_id, "time-and-capacity");
  EXPECT_FALSE(read([&](Conn& c) { return fu::find_suggestion(c, t.id + 100); }).has_value());
}

TEST_P(AnalysisStoreTest, ReplacingPendingSuggestionsKeepsDecidedOnes) {
  const Id a = simple("a");
  const Id b = simple("b");
  replace(a, {suggestion("supervision", 0, 25), suggestion("leadership", 0, 25),
              suggestion("mentoring", 0, 11)});
  replace(b, {suggestion("supervision", 0, 25)});
  auto rows = suggestions(a);
  ASSERT_EQ(rows.size(), 3u);
  Id accepted = 0, rejected = 0;
  for (const auto& s : rows) {
    if (s.theme_id == "supervision") accepted = s.id;
    if (s.theme_id == "leadership") rejected = s.id;
  }
  ASSERT_TRUE(write([&](Conn& c) {
    return fu::decide_suggestion(c, accepted, SuggestionStatus::accepted, ana_.id, kNow);
  }));
  ASSERT_TRUE(write([&](Conn& c) {
    return fu::decide_suggestion(c, rejected, SuggestionStatus::rejected, ben_.id, kNow);
  }));

  // A fresh run offers the decided ones again (identical), the pending one again, and a
  // new one.
  replace(a, {suggestion("supervision", 0, 25, SegmentKind::sentence, 900),
              suggestion("leadership", 0, 25), suggestion("mentoring", 0, 11),
              suggestion("worker-satisfaction", 12, 25)});
  rows = suggestions(a);
  std::map<std::string, std::vector<SuggestionRow>> by_theme;
  for (const auto& s : rows) by_theme[s.theme_id].push_back(s);
  ASSERT_EQ(rows.size(), 4u);
  ASSERT_EQ(by_theme["supervision"].size(), 1u) << "an accepted suggestion is not re-offered";
  EXPECT_EQ(by_theme["supervision"][0].id, accepted);
  EXPECT_EQ(by_theme["supervision"][0].status, SuggestionStatus::accepted);
  EXPECT_EQ(by_theme["supervision"][0].score_permille, 500) << "the decided row is untouched";
  EXPECT_EQ(by_theme["supervision"][0].decided_by, ana_.id);
  ASSERT_EQ(by_theme["leadership"].size(), 1u) << "a rejected suggestion is not re-offered";
  EXPECT_EQ(by_theme["leadership"][0].status, SuggestionStatus::rejected);
  EXPECT_EQ(by_theme["leadership"][0].decided_by, ben_.id);
  ASSERT_EQ(by_theme["mentoring"].size(), 1u);
  EXPECT_EQ(by_theme["mentoring"][0].status, SuggestionStatus::pending);
  ASSERT_EQ(by_theme["worker-satisfaction"].size(), 1u);
  EXPECT_EQ(by_theme["worker-satisfaction"][0].status, SuggestionStatus::pending);

  // Replacing with nothing drops only the pending ones, and only this report's.
  replace(a, {});
  rows = suggestions(a);
  ASSERT_EQ(rows.size(), 2u);
  for (const auto& s : rows) EXPECT_NE(s.status, SuggestionStatus::pending);
  EXPECT_EQ(suggestions(b).size(), 1u);

  const auto pending =
      read([&](Conn& c) { return fu::suggestions_with_status(c, SuggestionStatus::pending); });
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].report_id, b);
  EXPECT_EQ(read([&](Conn& c) {
              return fu::suggestions_with_status(c, SuggestionStatus::accepted);
            }).size(),
            1u);
  EXPECT_EQ(read([&](Conn& c) {
              return fu::suggestions_with_status(c, SuggestionStatus::rejected);
            }).size(),
            1u);
}

TEST_P(AnalysisStoreTest, SuggestionIsDecidedOnlyOnce) {
  const Id a = simple("a");
  replace(a, {suggestion("supervision", 0, 25), suggestion("leadership", 0, 25)});
  const auto rows = suggestions(a);
  const Id first = rows[0].id, second = rows[1].id;
  EXPECT_TRUE(write([&](Conn& c) {
    return fu::decide_suggestion(c, first, SuggestionStatus::accepted, ana_.id, kNow);
  }));
  EXPECT_FALSE(write([&](Conn& c) {
    return fu::decide_suggestion(c, first, SuggestionStatus::rejected, ben_.id, kNow);
  }));
  auto s = read([&](Conn& c) { return fu::find_suggestion(c, first); });
  EXPECT_EQ(s->status, SuggestionStatus::accepted);
  EXPECT_EQ(s->decided_by, ana_.id);
  auto decided_at = read([&](Conn& c) {
    return c.query("SELECT decided_at FROM suggestions WHERE id = ?", {first}).at(0).i64(0);
  });
  EXPECT_EQ(decided_at, kNow);
  // The operator (user 0) is recorded as nobody.
  EXPECT_TRUE(write([&](Conn& c) {
    return fu::decide_suggestion(c, second, SuggestionStatus::rejected, Id{0}, kNow);
  }));
  s = read([&](Conn& c) { return fu::find_suggestion(c, second); });
  EXPECT_EQ(s->status, SuggestionStatus::rejected);
  EXPECT_FALSE(s->decided_by.has_value());
  EXPECT_FALSE(write([&](Conn& c) {
    return fu::decide_suggestion(c, second + 100, SuggestionStatus::accepted, ana_.id, kNow);
  }));
}

// ---- codebook versions -----------------------------------------------------------------

TEST_P(AnalysisStoreTest, CodebookVersionsCurrentHistoryAndStaleDuplicate) {
  EXPECT_FALSE(read([&](Conn& c) { return fu::current_codebook(c); }).has_value());
  EXPECT_TRUE(read([&](Conn& c) { return fu::codebook_history(c); }).empty());

  auto save = [&](int version, std::string body, std::optional<Id> by) {
    return write([&](Conn& c) {
      return fu::insert_codebook(
          c, {0, version, std::move(body), "note " + std::to_string(version), 0, by},
          kNow + version);
    });
  };
  const auto v1 = must(save(1, R"({"v":1})", Id{0}));
  EXPECT_GT(v1.id, 0);
  EXPECT_EQ(v1.created_at, kNow + 1);
  must(save(2, R"({"v":2,"enw":"Llyfr cod \u0175"})", ana_.id));

  auto current = read([&](Conn& c) { return fu::current_codebook(c); });
  ASSERT_TRUE(current.has_value());
  EXPECT_EQ(current->version, 2);
  EXPECT_EQ(current->body_json, R"({"v":2,"enw":"Llyfr cod \u0175"})");
  EXPECT_EQ(current->note, "note 2");
  EXPECT_EQ(current->created_by, ana_.id);
  EXPECT_EQ(current->created_at, kNow + 2);

  auto dup = save(2, R"({"v":"other"})", ben_.id);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, Errc::stale);

  const auto history = read([&](Conn& c) { return fu::codebook_history(c); });
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].version, 2);  // newest first
  EXPECT_EQ(history[0].body_json, R"({"v":2,"enw":"Llyfr cod \u0175"})");
  EXPECT_EQ(history[1].version, 1);
  EXPECT_EQ(history[1].body_json, R"({"v":1})");
  EXPECT_FALSE(history[1].created_by.has_value()) << "the operator is recorded as nobody";

  // Versions need not be saved in order; the highest is the current one.
  must(save(5, "{}", ana_.id));
  must(save(3, "{}", ana_.id));
  EXPECT_EQ(read([&](Conn& c) { return fu::current_codebook(c); })->version, 5);
  std::vector<int> order;
  for (const auto& v : read([&](Conn& c) { return fu::codebook_history(c); }))
    order.push_back(v.version);
  EXPECT_EQ(order, (std::vector<int>{5, 3, 2, 1}));
}

// ---- findings --------------------------------------------------------------------------

TEST_P(AnalysisStoreTest, FindingsReplaceAndOptimisticUpdate) {
  EXPECT_TRUE(read([&](Conn& c) { return fu::list_findings(c); }).empty());
  const std::vector<FindingRow> draft = {
      {0, "supervision", 1, "Raised in 2 of 9 reports (22%).", "", "[]", 1, std::nullopt},
      {0, "time-and-capacity", 0, "Raised in 5 of 9 reports (56%).", "",
       R"([{"text":"Dim amser."}])", 7, 2025}};
  write([&](Conn& c) { fu::replace_findings(c, draft, ana_.id, kNow); });
  auto rows = read([&](Conn& c) { return fu::list_findings(c); });
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].theme_id, "time-and-capacity");  // by ordinal
  EXPECT_EQ(rows[0].version, 1) << "a fresh draft starts at version 1";
  EXPECT_EQ(rows[0].quotes_json, R"([{"text":"Dim amser."}])");
  EXPECT_EQ(rows[0].drafted_year, 2025);
  EXPECT_EQ(rows[1].theme_id, "supervision");
  EXPECT_FALSE(rows[1].drafted_year.has_value()) << "drafted for every year";

  FindingRow edit = rows[0];
  edit.what_data_shows = "Mwy na hanner yr adroddiadau.";
  edit.why_it_matters = "Heb amser, nid oes lle i wrando.";
  auto updated = must(write([&](Conn& c) { return fu::update_finding(c, edit, ben_.id, kNow); }));
  EXPECT_EQ(updated.version, 2);
  EXPECT_EQ(updated.what_data_shows, "Mwy na hanner yr adroddiadau.");
  EXPECT_EQ(updated.why_it_matters, "Heb amser, nid oes lle i wrando.");
  EXPECT_EQ(updated.theme_id, "time-and-capacity");
  auto by = read([&](Conn& c) {
    return c.query("SELECT updated_by FROM findings WHERE id = ?", {edit.id}).at(0).opt_i64(0);
  });
  EXPECT_EQ(by, ben_.id);

  // The same edit again is based on version 1: stale, and nothing changes.
  edit.what_data_shows = "Lost update";
  auto stale = write([&](Conn& c) { return fu::update_finding(c, edit, ana_.id, kNow); });
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, Errc::stale);
  EXPECT_EQ(read([&](Conn& c) { return fu::find_finding(c, edit.id); })->what_data_shows,
            "Mwy na hanner yr adroddiadau.");

  FindingRow missing = rows[1];
  missing.id = rows[1].id + 100;
  auto nf = write([&](Conn& c) { return fu::update_finding(c, missing, ana_.id, kNow); });
  ASSERT_FALSE(nf.ok());
  EXPECT_EQ(nf.error().code, Errc::not_found);

  // A new draft replaces every finding.
  write([&](Conn& c) {
    fu::replace_findings(
        c, {{0, "leadership", 0, "Raised in 1 of 9 reports (11%).", "", "[]", 1, std::nullopt}},
        Id{0}, kNow + 1);
  });
  rows = read([&](Conn& c) { return fu::list_findings(c); });
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].theme_id, "leadership");
  EXPECT_FALSE(read([&](Conn& c) { return fu::find_finding(c, edit.id); }).has_value());
}

// A swap or pin replaces only the quotes, and only from the version read.
TEST_P(AnalysisStoreTest, FindingQuotesAreReplacedOptimistically) {
  write([&](Conn& c) {
    fu::replace_findings(c, {{0, "leadership", 0, "Raised.", "", "[]", 1, std::nullopt}}, ana_.id,
                         kNow);
  });
  const auto f = read([&](Conn& c) { return fu::list_findings(c); }).at(0);
  auto saved = must(write([&](Conn& c) {
    return fu::update_finding_quotes(c, f.id, 1, R"([{"text":"Un."}])", ben_.id, kNow);
  }));
  EXPECT_EQ(saved.version, 2);
  EXPECT_EQ(saved.quotes_json, R"([{"text":"Un."}])");
  EXPECT_EQ(saved.what_data_shows, "Raised.");
  auto stale =
      write([&](Conn& c) { return fu::update_finding_quotes(c, f.id, 1, "[]", ben_.id, kNow); });
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, Errc::stale);
  EXPECT_EQ(
      write([&](Conn& c) { return fu::update_finding_quotes(c, f.id + 9, 2, "[]", ben_.id, kNow); })
          .error()
          .code,
      Errc::not_found);
}

// Pinned and set-aside quotes (migration 16): one choice per passage, theme and codebook
// version, replaced by a later one, cleared on request, gone with their report.
TEST_P(AnalysisStoreTest, QuoteChoicesPerCodebookVersionAndTheme) {
  const Id a = simple("a");
  const Id b = simple("b");
  write([&](Conn& c) {
    fu::set_quote_choice(c, {3, "leadership", a, 0, 25, QuoteChoiceKind::pinned}, ana_.id, kNow);
    fu::set_quote_choice(c, {3, "supervision", a, 0, 25, QuoteChoiceKind::set_aside}, ana_.id,
                         kNow);
    fu::set_quote_choice(c, {3, "leadership", b, 0, 25, QuoteChoiceKind::set_aside}, Id{0}, kNow);
    fu::set_quote_choice(c, {4, "leadership", a, 0, 25, QuoteChoiceKind::set_aside}, ana_.id, kNow);
  });
  auto v3 = read([&](Conn& c) { return fu::quote_choices(c, 3); });
  ASSERT_EQ(v3.size(), 3u);
  EXPECT_EQ(v3[0].theme_id, "leadership");
  EXPECT_EQ(v3[0].report_id, a);
  EXPECT_EQ(v3[0].choice, QuoteChoiceKind::pinned);
  EXPECT_EQ(v3[1].choice, QuoteChoiceKind::set_aside);
  EXPECT_EQ(read([&](Conn& c) { return fu::quote_choices(c, 4); }).size(), 1u);
  EXPECT_TRUE(read([&](Conn& c) { return fu::quote_choices(c, 5); }).empty());

  // The same passage again: the later choice replaces the earlier.
  write([&](Conn& c) {
    fu::set_quote_choice(c, {3, "leadership", a, 0, 25, QuoteChoiceKind::set_aside}, ben_.id,
                         kNow + 1);
  });
  v3 = read([&](Conn& c) { return fu::quote_choices(c, 3); });
  ASSERT_EQ(v3.size(), 3u);
  EXPECT_EQ(v3[0].choice, QuoteChoiceKind::set_aside);

  write([&](Conn& c) {
    fu::clear_quote_choice(c, {3, "leadership", a, 0, 25, QuoteChoiceKind::pinned});
  });
  EXPECT_EQ(read([&](Conn& c) { return fu::quote_choices(c, 3); }).size(), 2u);

  EXPECT_TRUE(write([&](Conn& c) { return fu::delete_report(c, a); }));
  v3 = read([&](Conn& c) { return fu::quote_choices(c, 3); });
  ASSERT_EQ(v3.size(), 1u);
  EXPECT_EQ(v3[0].report_id, b);
}

INSTANTIATE_TEST_SUITE_P(Engines, AnalysisStoreTest, test::kBothEngines, test::EngineName());

}  // namespace
}  // namespace sgwrs::test
