#include "analysis/learn/cross_validation.hpp"

#include <set>

#include <gtest/gtest.h>

#include "learn_test_util.hpp"

namespace sgwrs::analysis::learn {
namespace {

TEST(GroupFolds, EveryReportInExactlyOneFoldAndFoldsBalanced) {
  std::vector<std::int64_t> ids;
  for (std::int64_t i = 1; i <= 23; ++i) ids.push_back(i * 3);
  const auto fold = assign_folds(ids, 5);
  ASSERT_EQ(fold.size(), ids.size());
  std::vector<int> sizes(5, 0);
  for (int f : fold) {
    ASSERT_GE(f, 0);
    ASSERT_LT(f, 5);
    ++sizes[f];
  }
  for (int s : sizes) EXPECT_TRUE(s == 4 || s == 5);
  EXPECT_EQ(fold, assign_folds(ids, 5));  // the same every run
}

// Passages of many reports; each report's sentences mention its own name, which a model
// could memorise if a report were split across train and test.
std::vector<EvalPassage> corpus(const Suggester& s) {
  std::vector<EvalPassage> out;
  const char* family[] = {"Parents and children came", "The mother and grandparents talked",
                          "Children told their parents", "A father and his children"};
  const char* time[] = {"The caseload is high", "Caseload pressure again", "No caseload relief",
                        "The caseload grew"};
  for (std::int64_t r = 1; r <= 12; ++r)
    for (int i = 0; i < 4; ++i) {
      for (int kind = 0; kind < 3; ++kind) {
        const std::string text = kind == 0   ? family[(i + r) % 4]
                                 : kind == 1 ? time[(i + r) % 4]
                                             : "The office moved in report " + std::to_string(r);
        EvalPassage p;
        p.report = r;
        p.text = text;
        std::vector<std::string> themes;
        if (kind == 0) themes = {"family"};
        if (kind == 1) themes = {"time"};
        p.example = test::example(s, text, themes);
        p.example.group = r;
        p.example.indicators = {kind == 1 ? 0.5 : 0.0, 0.0, 0.0};
        out.push_back(std::move(p));
      }
    }
  return out;
}

TEST(CrossValidation, NeverTrainsAndTestsOnOneReport) {
  const Suggester s(test::small_codebook());
  const auto passages = corpus(s);
  const auto r = cross_validate(passages, {"time", "support", "family"}, 5);
  ASSERT_EQ(r.folds, 5);
  ASSERT_EQ(r.reports, 12u);
  // The split is by report: every passage of a report is in its report's one fold.
  std::map<std::int64_t, std::set<int>> folds_of;
  for (const auto& p : passages) {
    const auto at = std::lower_bound(r.report_ids.begin(), r.report_ids.end(), p.report);
    folds_of[p.report].insert(r.fold_of_report[at - r.report_ids.begin()]);
  }
  for (const auto& [report, folds] : folds_of) EXPECT_EQ(folds.size(), 1u) << report;
}

TEST(CrossValidation, ScoresBothMethodsOnTheSamePassages) {
  const Suggester s(test::small_codebook());
  const auto r = cross_validate(corpus(s), {"time", "support", "family"}, 4);
  EXPECT_EQ(r.learned.coded_passages, r.indicators.coded_passages);
  EXPECT_EQ(r.learned.coded_passages, 96u);
  // The indicators never see "family"; the model learns it.
  ASSERT_TRUE(r.indicators.macro_f1);
  ASSERT_TRUE(r.learned.macro_f1);
  EXPECT_GT(*r.learned.macro_f1, *r.indicators.macro_f1);
  EXPECT_NEAR(*r.indicators.top1, 0.5, 1e-9);  // right on every "time" passage only
  EXPECT_GT(*r.learned.top1, 0.9);
  // The family and time sentences repeat across reports: counted, and scored apart.
  EXPECT_GT(r.seen_in_training, 0u);
}

TEST(CrossValidation, TooFewReportsMeasuresNothing) {
  const Suggester s(test::small_codebook());
  auto p = corpus(s);
  p.resize(3);  // one report
  const auto r = cross_validate(p, {"time"}, 5);
  EXPECT_EQ(r.folds, 0);
  EXPECT_FALSE(r.learned.macro_f1);
  EXPECT_EQ(r.learned.coded_passages, 0u);
}

}  // namespace
}  // namespace sgwrs::analysis::learn
