#pragma once
// The learned theme model as a use case: training it from the analysts' reviewed coding,
// evaluating it honestly beside the indicators (cross-validation by report), and retraining
// in the background, on request or when enough new coding has arrived, never on a page's
// or a request's thread.
//
// Who may do what: analysts and administrators train (it changes the suggestions everyone
// reviews); everyone who may read the analysis sees the evaluation.
//
// Training data (analysis/learn/train.hpp): the sentences of every report with any coding or
// decided suggestion. "Reports marked finished" do not exist as such in Sgwrs; a report is
// taken as read once someone has coded in it or decided one of its suggestions, so its
// uncoded sentences are the weak negatives.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "domain/core/result.hpp"
#include "service/analysis/analysis_service.hpp"
#include "service/audit/audit_service.hpp"
#include "service/core/context.hpp"
#include "service/core/store_handle.hpp"

namespace sgwrs::analysis::learn {
struct CvResult;
struct EvalPassage;
}  // namespace sgwrs::analysis::learn

namespace sgwrs {

// One method's figures, as the page, the API and the command line show them.
struct MethodFigures {
  struct Theme {
    std::size_t tp = 0, fp = 0, fn = 0;
    std::optional<double> precision, recall, f1;
  };
  std::map<std::string, Theme> by_theme;
  std::optional<double> macro_f1, micro_f1, top1, top3;
  std::size_t coded_passages = 0;
};

// Cross-validation by report of the learned model (blended with the indicators) and the
// indicators alone, on the same passages in the same run.
struct Evaluation {
  int folds = 0;
  std::size_t reports = 0, passages = 0;
  MethodFigures learned, indicators;
  std::size_t seen_in_training = 0;  // coded test passages whose text a training fold held
  MethodFigures learned_unseen, indicators_unseen;
  double seconds = 0;
};

std::string evaluation_to_json(const Evaluation& e);
std::optional<Evaluation> evaluation_from_json(const std::string& json);

// A passage with the theme its authors gave it (e.g. ../shared/data/themes-dev/).
struct LabelledPassage {
  std::string text;
  std::string theme_id;
};

struct TrainingOutcome {
  ModelStatus status;  // the model in force afterwards
  std::int64_t examples = 0;
  double seconds = 0;  // training alone, without the evaluation
  Evaluation evaluation;
};

// What the background worker is doing, for the page.
struct TrainingState {
  bool queued = false, running = false;
  std::string last_error;  // a catalogue key, empty when the last run went well
  std::int64_t last_finished_at = 0;
};

class LearningService {
 public:
  LearningService(store::Db& db, AuditService& audit, Clock clock, AnalysisService& analysis);
  ~LearningService();  // stops the background worker, letting a running training finish
  LearningService(const LearningService&) = delete;
  LearningService& operator=(const LearningService&) = delete;

  // Trains on the caller's thread (the command line; the background worker): evaluates by
  // cross-validation, stores the model for the codebook in force, and re-makes pending
  // suggestions with it. With no coding at all nothing is stored: invalid, "no_coding".
  Result<TrainingOutcome> train(const Actor& a);
  // A fresh cross-validation, nothing stored.
  Result<Evaluation> evaluate(const Actor& a, int folds = 5);
  // The learned model in force (or the indicators, if none) and the indicators alone on
  // passages labelled elsewhere, each passage taken whole as one segment under no heading.
  Result<Evaluation> score_labelled(const Actor& a, const std::vector<LabelledPassage>& passages);

  // Queues a training for the background worker and returns at once (the page's button and
  // POST /api/v1/analysis/models). Refused unless start_background was called.
  Result<TrainingState> request_training(const Actor& a);
  Result<TrainingState> state(const Actor& a) const;

  // Starts the worker: it trains when asked, and on its own every `check_every` when at
  // least `min_new_reviews` codings and decisions arrived since the last model was trained.
  void start_background(std::chrono::milliseconds check_every, std::int64_t min_new_reviews);
  void stop_background();

 private:
  struct Gathered;
  Gathered gather();
  void worker_loop(std::chrono::milliseconds check_every, std::int64_t min_new_reviews);

  store::Db& db_;
  AuditService& audit_;
  Clock clock_;
  AnalysisService& analysis_;
  std::mutex train_mutex_;  // one training at a time on this node

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::optional<Actor> requested_by_;
  TrainingState state_;
  std::jthread worker_;
};

}  // namespace sgwrs
