// The learned theme model through LearningService and AnalysisService on both engines:
// training from coding, suggestions naming the model that made them, and every kind of bad
// input (no coding, a theme with one example, a model for an older codebook, a damaged
// stored model) still giving suggestions from the indicators, with a note saying why.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "domain/core/utf8.hpp"
#include "service/analysis/analysis_service.hpp"
#include "service/analysis/coding_support.hpp"
#include "service/analysis/learning_service.hpp"
#include "service/core/service_fixture.hpp"
#include "store/analysis/model_store.hpp"

namespace sgwrs::test {
namespace {

std::string default_codebook_json() {
  std::ifstream in(SGWRS_SOURCE_DIR "/data/codebook/default.json", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Families are written about in words none of the codebook's engagement indicators holds.
const char* kFamily[] = {"Parents and grandparents joined us at the kitchen table.",
                         "The mother and her children were there together.",
                         "Grandparents looked after the children that evening.",
                         "A father spoke about his children and their school.",
                         "Parents told us what their children need at home.",
                         "The children and their mother came along together.",
                         "Her parents and children were at the visit."};
const char* kOther = "The office moved to a new building in March.";
constexpr const char* kTheme = "engagement-and-trust";

class LearningServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    static const std::string json = default_codebook_json();
    analysis_ = std::make_unique<AnalysisService>(db(), *audit_, clock(), json);
    learning_ = std::make_unique<LearningService>(db(), *audit_, clock(), *analysis_);
    static const std::string hash = "$argon2id$not-a-real-hash";
    ana_ = add_user_with_hash(org_.id, "ana@example.org", "Ana Analyst", Role::analyst, hash);
    leader_ =
        add_user_with_hash(org_.id, "lead@example.org", "Lowri Leader", Role::senior_leader, hash);
    std::vector<ImportInput> files;
    for (int i = 0; i < 7; ++i)
      files.push_back({"r" + std::to_string(i) + ".txt",
                       std::string("What is working well\n") + kFamily[i] + " " + kOther +
                           " Caseloads are too high.\n",
                       {"", "Cyngor Alpha", "", "community", "2025-05-10", 10}});
    for (const auto& o : must(analysis_->import(actor(admin_), files))) {
      ASSERT_TRUE(o.report_id.has_value()) << o.file_name << ": " << o.error_code;
      reports_.push_back(*o.report_id);
    }
  }
  void TearDown() override {
    learning_.reset();
    analysis_.reset();
    ServiceTest::TearDown();
  }

  void code(std::size_t report, const std::string& text, const std::string& theme = kTheme) {
    code_passage(*analysis_, actor(ana_), reports_.at(report), text, theme);
  }
  void code_all() {
    for (std::size_t i = 0; i < reports_.size(); ++i) code(i, kFamily[i]);
  }

  // The pending suggestions of a report, by theme: the model that made each.
  std::map<std::string, std::vector<std::string>> models(std::size_t report) {
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& s : must(analysis_->view_report(actor(ana_), reports_.at(report))).suggestions)
      if (s.status == SuggestionStatus::pending) out[s.theme_id].push_back(s.model);
    return out;
  }
  bool any_suggestion_from(const std::string& model) {
    for (std::size_t r = 0; r < reports_.size(); ++r)
      for (const auto& [theme, ms] : models(r))
        for (const auto& m : ms)
          if (m == model) return true;
    return false;
  }

  std::unique_ptr<AnalysisService> analysis_;
  std::unique_ptr<LearningService> learning_;
  User ana_, leader_;
  std::vector<Id> reports_;
};

TEST_P(LearningServiceTest, NoCodingYetTrainsNothingAndIndicatorsSuggest) {
  const auto st = analysis_->model_status();
  EXPECT_FALSE(st.in_use);
  EXPECT_EQ(st.note, "none");
  EXPECT_EQ(st.model, "indicators");
  const auto r = learning_->train(actor(ana_));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().key, "no_coding");
  EXPECT_TRUE(models(0).count("time-and-capacity"));  // "Caseloads" still suggests
  EXPECT_TRUE(any_suggestion_from("indicators"));
}

TEST_P(LearningServiceTest, LearnsFromCodingAndSuggestionsNameTheModel) {
  code_all();
  const auto t = must(learning_->train(actor(ana_)));
  EXPECT_TRUE(t.status.in_use);
  EXPECT_EQ(t.status.model, "learned-v" + std::to_string(*t.status.model_id));
  EXPECT_EQ(t.examples, 21);  // three sentences in each of seven reports
  EXPECT_EQ(t.evaluation.folds, 5);
  EXPECT_EQ(t.evaluation.reports, 7u);
  // The engagement theme was learned; its suggestions come from the model, for passages no
  // indicator of it matches.
  EXPECT_TRUE(any_suggestion_from(t.status.model));
  // Themes nobody coded are still the indicators' (cold start), with their evidence.
  const auto m = models(0);
  ASSERT_TRUE(m.count("time-and-capacity"));
  EXPECT_EQ(m.at("time-and-capacity").at(0), "indicators");
  // Stored, audited, and read back on a second service (another node) as the same model.
  AnalysisService other(db(), *audit_, clock(), default_codebook_json());
  EXPECT_EQ(other.model_status().model, t.status.model);
  EXPECT_EQ(audit_rows().front().action, "followup.resuggest");
  bool trained = false;
  for (const auto& e : audit_rows()) trained = trained || e.action == "model.train";
  EXPECT_TRUE(trained);
}

TEST_P(LearningServiceTest, AThemeWithOneExampleIsLeftToTheIndicators) {
  code(0, kFamily[0]);
  const auto t = must(learning_->train(actor(ana_)));
  EXPECT_FALSE(t.status.in_use);
  EXPECT_EQ(t.status.note, "too_few");
  EXPECT_FALSE(any_suggestion_from(t.status.model + "x"));
  EXPECT_TRUE(any_suggestion_from("indicators"));
  EXPECT_EQ(t.evaluation.folds, 0);  // one report coded: too few to cross-validate, no crash
}

TEST_P(LearningServiceTest, ADamagedStoredModelFallsBackToIndicatorsWithANote) {
  code_all();
  must(learning_->train(actor(ana_)));
  write([&](store::Conn& c) {
    ThemeModelRow bad;
    bad.codebook_version = analysis_->codebook_version();
    bad.body = "sgwrs-theme-model 1\ncodebook 0\nversion 0\nbits 20\nthemes 1\ntheme x 1";
    bad.evaluation_json = "not json";
    bad.trained_at = 1;
    return store::analysis::insert_theme_model(c, bad);
  });
  const auto st = analysis_->model_status();
  EXPECT_FALSE(st.in_use);
  EXPECT_EQ(st.note, "corrupt");
  must(analysis_->resuggest_all(actor(ana_)));
  EXPECT_TRUE(any_suggestion_from("indicators"));
  for (std::size_t r = 0; r < reports_.size(); ++r)
    for (const auto& [theme, ms] : models(r))
      for (const auto& m : ms) EXPECT_EQ(m, "indicators");
  // A damaged evaluation is no evaluation, never a failure.
  EXPECT_FALSE(evaluation_from_json(st.evaluation_json));
}

TEST_P(LearningServiceTest, AModelForAnOlderCodebookIsNotApplied) {
  code_all();
  must(learning_->train(actor(ana_)));
  const auto cb = must(analysis_->codebook(actor(ana_)));
  must(analysis_->save_codebook(actor(ana_), cb.body_json, "again", cb.version));
  const auto st = analysis_->model_status();
  EXPECT_FALSE(st.in_use);
  EXPECT_EQ(st.note, "old_codebook");
  EXPECT_EQ(st.trained_for, cb.version);
  must(analysis_->resuggest_all(actor(ana_)));
  for (const auto& [theme, ms] : models(0))
    for (const auto& m : ms) EXPECT_EQ(m, "indicators");
}

TEST_P(LearningServiceTest, OnlyAnalystsTrainEveryReaderSeesTheEvaluation) {
  code_all();
  EXPECT_EQ(learning_->train(actor(leader_)).error().code, Errc::forbidden);
  EXPECT_EQ(learning_->train(actor(sam_)).error().code, Errc::forbidden);
  EXPECT_EQ(learning_->evaluate(actor(sam_)).error().code, Errc::forbidden);
  const auto e = must(learning_->evaluate(actor(leader_)));
  EXPECT_EQ(e.reports, 7u);
  EXPECT_EQ(e.learned.coded_passages, e.indicators.coded_passages);
  EXPECT_EQ(learning_->request_training(actor(leader_)).error().code, Errc::forbidden);
}

TEST_P(LearningServiceTest, EvaluationRoundTripsThroughJson) {
  code_all();
  const auto e = must(learning_->evaluate(actor(ana_)));
  const auto back = evaluation_from_json(evaluation_to_json(e));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->reports, e.reports);
  EXPECT_EQ(back->learned.macro_f1, e.learned.macro_f1);
  EXPECT_EQ(back->indicators.top3, e.indicators.top3);
  EXPECT_EQ(back->learned.by_theme.size(), e.learned.by_theme.size());
}

TEST_P(LearningServiceTest, BackgroundTrainsOnRequestAndWhenEnoughCodingArrived) {
  EXPECT_EQ(learning_->request_training(actor(ana_)).error().key, "training_unavailable");
  learning_->start_background(std::chrono::milliseconds(20), 7);
  code_all();  // seven new codings: enough
  std::optional<Id> first;
  for (int i = 0; i < 500 && !first; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    first = read([&](store::Conn& c) {
      return store::analysis::latest_theme_model_id(c, analysis_->codebook_version());
    });
  }
  ASSERT_TRUE(first) << "no model trained in the background";
  // Asked for: another model, without waiting on the caller.
  must(learning_->request_training(actor(ana_)));
  std::optional<Id> second = first;
  for (int i = 0; i < 500 && second == first; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    second = read([&](store::Conn& c) {
      return store::analysis::latest_theme_model_id(c, analysis_->codebook_version());
    });
  }
  EXPECT_NE(second, first);
  learning_->stop_background();
  EXPECT_EQ(must(learning_->state(actor(ana_))).last_error, "");
}

INSTANTIATE_TEST_SUITE_P(Engines, LearningServiceTest, test::kBothEngines, test::EngineName());

}  // namespace
}  // namespace sgwrs::test
