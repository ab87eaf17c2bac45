#pragma once
// Honest evaluation of the learned model beside the indicators alone: cross-validation
// grouped by report. Reports (never passages) are dealt into k folds; each fold is scored
// by a model trained on the other folds only, so no report contributes passages to both
// the training and the test of one model (a report repeats its own phrasing, and testing
// on its other sentences would flatter the model). Both methods are scored on the same
// test passages in the same run, with the same measures (quality.hpp): per-theme
// precision, recall and F1, micro and macro averages, and passage-level top-1 and top-3
// accuracy (the first, or one of the first three, themes ranked for a passage is one a
// person coded it to).
//
// Macro F1 is the mean over the themes people coded in the test passages, for both
// methods alike (a theme nobody coded cannot be learned, and counting it for one method
// only would make the comparison unfair).
//
// The same sentence can occur in several reports (practitioners reuse phrases; the demo
// corpus is drawn from a bank of sentences). Test passages whose exact text occurs in the
// training folds are counted, and every measure is given again for the rest ("unseen"), so
// a model that only remembers sentences is seen for what it is.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/learn/train.hpp"
#include "analysis/report/quality.hpp"

namespace sgwrs::analysis::learn {

struct EvalPassage {
  std::int64_t report = 0;  // the group: its passages are never split between train and test
  Example example;          // features, indicator scores; themes people coded it to; set aside
  std::string text;         // the passage's words, to find repeats
};

struct MethodScores {
  std::map<std::string, Quality> by_theme;
  Quality overall;
  std::optional<double> macro_f1;
  std::optional<double> top1, top3;  // over passages a person coded to at least one theme
  std::size_t coded_passages = 0;
};

struct CvResult {
  int folds = 0;
  std::size_t reports = 0, passages = 0;
  MethodScores learned, indicators;
  std::size_t seen_in_training = 0;  // coded test passages whose text a training fold holds
  MethodScores learned_unseen, indicators_unseen;
  std::vector<int> fold_of_report;       // by position in `reports`
  std::vector<std::int64_t> report_ids;  // sorted
};

// Scores passages given each theme's blended and indicator scores, for one method.
struct Scored {
  std::size_t passage = 0;
  std::vector<double> score;    // ranking score per theme
  std::vector<bool> suggested;  // per theme
};
MethodScores score_method(const std::vector<EvalPassage>& passages,
                          const std::vector<Scored>& scored,
                          const std::vector<std::string>& theme_ids);

// k-fold cross-validation grouped by report (k at most the number of reports; at least 2
// reports are needed, else folds is 0 and nothing is measured).
CvResult cross_validate(const std::vector<EvalPassage>& passages,
                        const std::vector<std::string>& theme_ids, int k = 5,
                        const TrainOptions& options = {});

}  // namespace sgwrs::analysis::learn
