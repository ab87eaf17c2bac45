// Learned theme models in the store (migration 18), and the model each suggestion names, on
// both engines.
#include <gtest/gtest.h>

#include <string>

#include "domain/analysis/followup.hpp"
#include "store/analysis/coding_store.hpp"
#include "store/analysis/model_store.hpp"
#include "store/analysis/report_store.hpp"
#include "store/analysis/suggestion_store.hpp"
#include "store/core/store_fixture.hpp"

namespace sgwrs::test {
namespace {

using store::Conn;
namespace fu = store::analysis;

class ModelStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    org_ = add_org("W06000015");
    ana_ = add_user(org_.id, "ana@example.org", "Ana Analyst", Role::analyst);
  }

  ThemeModelRow row(int codebook_version, std::string body) {
    ThemeModelRow m;
    m.codebook_version = codebook_version;
    m.body = std::move(body);
    m.examples = 42;
    m.reviewed_count = 7;
    m.evaluation_json = R"({"folds":5})";
    m.trained_by = ana_.id;
    m.trained_at = kNow;
    return m;
  }

  Id report() {
    FollowupReport r;
    r.title = "r";
    r.file_name = "r.txt";
    r.format = "txt";
    r.language = "en";
    r.organisation_name = "Org";
    r.organisation_ons = "W06000015";
    r.service_area = "community";
    r.report_date = "2026-01-01";
    r.year = 2026;
    r.group_size = 8;
    r.body = "Caseloads are high. Families cope.";
    return write([&](Conn& c) { return fu::insert_report(c, r, {}, {}, kNow, std::nullopt); });
  }

  Organisation org_;
  User ana_;
};

TEST_P(ModelStoreTest, NewestModelPerCodebookVersionWithItsBody) {
  EXPECT_FALSE(read([&](Conn& c) { return fu::latest_theme_model(c, 1); }));
  EXPECT_FALSE(read([&](Conn& c) { return fu::newest_theme_model_head(c); }));
  const Id a = write([&](Conn& c) { return fu::insert_theme_model(c, row(1, "first")); });
  const Id b = write([&](Conn& c) { return fu::insert_theme_model(c, row(1, "second")); });
  const Id other = write([&](Conn& c) { return fu::insert_theme_model(c, row(2, "v2")); });
  EXPECT_LT(a, b);
  const auto m = read([&](Conn& c) { return fu::latest_theme_model(c, 1); });
  ASSERT_TRUE(m);
  EXPECT_EQ(m->id, b);
  EXPECT_EQ(m->body, "second");
  EXPECT_EQ(m->codebook_version, 1);
  EXPECT_EQ(m->examples, 42);
  EXPECT_EQ(m->reviewed_count, 7);
  EXPECT_EQ(m->evaluation_json, R"({"folds":5})");
  EXPECT_EQ(m->trained_by, ana_.id);
  EXPECT_EQ(m->trained_at, kNow);
  EXPECT_EQ(read([&](Conn& c) { return fu::latest_theme_model_id(c, 1); }), b);
  EXPECT_EQ(read([&](Conn& c) { return fu::latest_theme_model_id(c, 3); }), std::nullopt);
  const auto head = read([&](Conn& c) { return fu::newest_theme_model_head(c); });
  ASSERT_TRUE(head);
  EXPECT_EQ(head->id, other);
  EXPECT_EQ(head->codebook_version, 2);
  EXPECT_TRUE(head->body.empty());  // the head only
}

TEST_P(ModelStoreTest, ABodyOfAnyBytesComesBackAsStored) {
  // A damaged model is the service's to recognise (by its checksum); the store keeps text
  // exactly, whatever it holds.
  const std::string odd = "sgwrs-theme-model 1\ncodebook 1\n\xe2\x80\x99 \t end zz\n";
  write([&](Conn& c) { return fu::insert_theme_model(c, row(1, odd)); });
  EXPECT_EQ(read([&](Conn& c) { return fu::latest_theme_model(c, 1); })->body, odd);
}

TEST_P(ModelStoreTest, SuggestionsNameTheirModelIndicatorsByDefault) {
  const Id r = report();
  SuggestionRow a;
  a.theme_id = "time";
  a.start = 0;
  a.end = 19;
  a.heading = "other";
  a.score_permille = 500;
  a.evidence_json = "[]";
  SuggestionRow b = a;
  b.theme_id = "family";
  b.model = "learned-v3";
  write([&](Conn& c) { fu::replace_pending_suggestions(c, r, {a, b}); });
  std::map<std::string, std::string> model_of;
  for (const auto& s : read([&](Conn& c) { return fu::suggestions_for_report(c, r); }))
    model_of[s.theme_id] = s.model;
  EXPECT_EQ(model_of["time"], "indicators");
  EXPECT_EQ(model_of["family"], "learned-v3");
}

TEST_P(ModelStoreTest, ReviewedCountIsCodingsAndDecidedSuggestions) {
  EXPECT_EQ(read([&](Conn& c) { return fu::reviewed_count(c); }), 0);
  const Id r = report();
  Coding k;
  k.report_id = r;
  k.theme_id = "time";
  k.start = 0;
  k.end = 19;
  k.heading = "other";
  k.coder_id = ana_.id;
  must(write([&](Conn& c) { return fu::insert_coding(c, k, kNow); }));
  SuggestionRow s;
  s.theme_id = "family";
  s.start = 20;
  s.end = 34;
  s.heading = "other";
  s.evidence_json = "[]";
  SuggestionRow t = s;
  t.theme_id = "time";
  write([&](Conn& c) { fu::replace_pending_suggestions(c, r, {s, t}); });
  EXPECT_EQ(read([&](Conn& c) { return fu::reviewed_count(c); }), 1);  // pending: not yet
  const auto rows = read([&](Conn& c) { return fu::suggestions_for_report(c, r); });
  write([&](Conn& c) {
    return fu::decide_suggestion(c, rows[0].id, SuggestionStatus::rejected, ana_.id, kNow);
  });
  EXPECT_EQ(read([&](Conn& c) { return fu::reviewed_count(c); }), 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, ModelStoreTest, test::kBothEngines, test::EngineName());

}  // namespace
}  // namespace sgwrs::test
