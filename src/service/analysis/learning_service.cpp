#include "service/analysis/learning_service.hpp"

#include <boost/json.hpp>

#include <chrono>
#include <cstdio>
#include <set>

#include "analysis/learn/blend.hpp"
#include "analysis/learn/cross_validation.hpp"
#include "analysis/learn/features.hpp"
#include "analysis/learn/theme_model.hpp"
#include "analysis/learn/train.hpp"
#include "analysis/text/codebook.hpp"
#include "analysis/text/suggester.hpp"
#include "domain/core/utf8.hpp"
#include "service/organisation/user_service.hpp"
#include "store/analysis/coding_store.hpp"
#include "store/analysis/model_store.hpp"
#include "store/analysis/report_store.hpp"
#include "store/analysis/suggestion_store.hpp"
#include "store/core/db.hpp"

namespace sgwrs {
namespace bj = boost::json;
namespace learn = analysis::learn;

namespace {

constexpr int kFolds = 5;

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

MethodFigures figures(const learn::MethodScores& m) {
  MethodFigures f;
  for (const auto& [theme, q] : m.by_theme)
    f.by_theme[theme] = {q.tp, q.fp, q.fn, q.precision, q.recall, q.f1};
  f.macro_f1 = m.macro_f1;
  f.micro_f1 = m.overall.f1;
  f.top1 = m.top1;
  f.top3 = m.top3;
  f.coded_passages = m.coded_passages;
  return f;
}

Evaluation evaluation_of(const learn::CvResult& cv) {
  Evaluation e;
  e.folds = cv.folds;
  e.reports = cv.reports;
  e.passages = cv.passages;
  e.learned = figures(cv.learned);
  e.indicators = figures(cv.indicators);
  e.seen_in_training = cv.seen_in_training;
  e.learned_unseen = figures(cv.learned_unseen);
  e.indicators_unseen = figures(cv.indicators_unseen);
  return e;
}

bj::value opt_json(const std::optional<double>& v) {
  return v ? bj::value(*v) : bj::value(nullptr);
}
std::optional<double> opt_double(const bj::object& o, std::string_view k) {
  const auto* v = o.if_contains(k);
  if (!v || v->is_null()) return std::nullopt;
  return v->to_number<double>();
}

bj::object method_json(const MethodFigures& m) {
  bj::object themes;
  for (const auto& [id, t] : m.by_theme)
    themes[id] = bj::object{{"tp", t.tp},
                            {"fp", t.fp},
                            {"fn", t.fn},
                            {"precision", opt_json(t.precision)},
                            {"recall", opt_json(t.recall)},
                            {"f1", opt_json(t.f1)}};
  return {{"macro_f1", opt_json(m.macro_f1)},   {"micro_f1", opt_json(m.micro_f1)},
          {"top1", opt_json(m.top1)},           {"top3", opt_json(m.top3)},
          {"coded_passages", m.coded_passages}, {"by_theme", std::move(themes)}};
}

MethodFigures method_from(const bj::object& o) {
  MethodFigures m;
  m.macro_f1 = opt_double(o, "macro_f1");
  m.micro_f1 = opt_double(o, "micro_f1");
  m.top1 = opt_double(o, "top1");
  m.top3 = opt_double(o, "top3");
  m.coded_passages = o.at("coded_passages").to_number<std::size_t>();
  for (const auto& [id, v] : o.at("by_theme").as_object()) {
    const auto& t = v.as_object();
    m.by_theme[std::string(id)] = {t.at("tp").to_number<std::size_t>(),
                                   t.at("fp").to_number<std::size_t>(),
                                   t.at("fn").to_number<std::size_t>(),
                                   opt_double(t, "precision"),
                                   opt_double(t, "recall"),
                                   opt_double(t, "f1")};
  }
  return m;
}

}  // namespace

std::string evaluation_to_json(const Evaluation& e) {
  return bj::serialize(bj::object{{"folds", e.folds},
                                  {"reports", e.reports},
                                  {"passages", e.passages},
                                  {"seen_in_training", e.seen_in_training},
                                  {"seconds", e.seconds},
                                  {"learned", method_json(e.learned)},
                                  {"indicators", method_json(e.indicators)},
                                  {"learned_unseen", method_json(e.learned_unseen)},
                                  {"indicators_unseen", method_json(e.indicators_unseen)}});
}

std::optional<Evaluation> evaluation_from_json(const std::string& json) {
  try {
    const auto o = bj::parse(json).as_object();
    Evaluation e;
    e.folds = o.at("folds").to_number<int>();
    e.reports = o.at("reports").to_number<std::size_t>();
    e.passages = o.at("passages").to_number<std::size_t>();
    e.seen_in_training = o.at("seen_in_training").to_number<std::size_t>();
    e.seconds = o.at("seconds").to_number<double>();
    e.learned = method_from(o.at("learned").as_object());
    e.indicators = method_from(o.at("indicators").as_object());
    e.learned_unseen = method_from(o.at("learned_unseen").as_object());
    e.indicators_unseen = method_from(o.at("indicators_unseen").as_object());
    return e;
  } catch (const std::exception&) {
    return std::nullopt;  // an unreadable evaluation is shown as none, never a failed page
  }
}

struct LearningService::Gathered {
  int codebook_version = 0;
  std::vector<std::string> themes;
  std::vector<learn::EvalPassage> passages;
  std::int64_t reviewed_count = 0;
};

LearningService::LearningService(store::Db& db, AuditService& audit, Clock clock,
                                 AnalysisService& analysis)
    : db_(db), audit_(audit), clock_(std::move(clock)), analysis_(analysis) {}

LearningService::~LearningService() {
  stop_background();
}

LearningService::Gathered LearningService::gather() {
  Gathered g;
  const auto codebook = analysis_.current_codebook();
  const auto suggester = analysis_.current_suggester();
  g.codebook_version = analysis_.codebook_version();
  std::map<std::string, std::string> current;  // any id a theme had -> its id now
  for (const auto& t : codebook->themes) {
    g.themes.push_back(t.id);
    current[t.id] = t.id;
    for (const auto& old : t.replaces) current.emplace(old, t.id);
  }
  struct Raw {
    FollowupReport report;
    std::vector<ReportSegmentRow> sentences;
    std::vector<Coding> codings;
    std::vector<SuggestionRow> rejected;
  };
  std::vector<Raw> raw;
  db_.transact(store::TxMode::read, [&](store::Conn& c) {
    g.reviewed_count = store::analysis::reviewed_count(c);
    std::map<Id, Raw> by_report;
    for (auto& k : store::analysis::all_codings(c)) by_report[k.report_id].codings.push_back(k);
    for (auto& s : store::analysis::suggestions_with_status(c, SuggestionStatus::rejected))
      by_report[s.report_id].rejected.push_back(s);
    for (auto& [id, r] : by_report) {
      auto report = store::analysis::find_report(c, id);
      if (!report) continue;
      r.report = std::move(*report);
      for (auto& s : store::analysis::segments(c, id))
        if (s.kind == SegmentKind::sentence) r.sentences.push_back(s);
      raw.push_back(std::move(r));
    }
  });
  // Features outside the transaction: they take the time, and need no database.
  for (const auto& r : raw) {
    const Language lang = r.report.language == "cy" ? Language::cy : Language::en;
    std::vector<learn::Passage> passages;
    std::vector<analysis::Segment> segments;
    for (const auto& s : r.sentences) {
      const analysis::Span span{static_cast<std::size_t>(s.start), static_cast<std::size_t>(s.end)};
      passages.push_back({span, s.heading});
      segments.push_back({SegmentKind::sentence, span});
    }
    const auto x = learn::passage_features(r.report.body, lang, passages, *suggester);
    std::map<std::pair<std::size_t, std::size_t>, std::map<std::string, double>> ind;
    for (const auto& s : suggester->suggest(r.report.body, lang, segments))
      ind[{s.span.start, s.span.end}][std::string(s.theme_id)] = s.score;
    for (std::size_t i = 0; i < r.sentences.size(); ++i) {
      const auto& s = r.sentences[i];
      learn::EvalPassage p;
      p.report = r.report.id;
      p.example.group = r.report.id;
      p.example.x = x[i];
      for (const auto& k : r.codings)
        if (k.start < s.end && s.start < k.end)
          if (auto t = current.find(k.theme_id); t != current.end())
            p.example.themes.insert(t->second);
      for (const auto& sg : r.rejected)
        if (sg.start <= s.start && s.end <= sg.end)
          if (auto t = current.find(sg.theme_id); t != current.end())
            p.example.rejected.insert(t->second);
      p.example.reviewed = !p.example.themes.empty() || !p.example.rejected.empty();
      const auto& scores =
          ind[{static_cast<std::size_t>(s.start), static_cast<std::size_t>(s.end)}];
      for (const auto& t : g.themes) {
        const auto at = scores.find(t);
        p.example.indicators.push_back(at == scores.end() ? 0 : at->second);
      }
      p.text = code_point_slice(r.report.body, static_cast<std::size_t>(s.start),
                                static_cast<std::size_t>(s.end));
      g.passages.push_back(std::move(p));
    }
  }
  return g;
}

Result<TrainingOutcome> LearningService::train(const Actor& a) {
  if (auto s = analysis_.may_write(a); !s) return s.error();
  std::lock_guard one_at_a_time(train_mutex_);
  auto g = gather();
  std::vector<learn::Example> examples;
  bool any_coding = false;
  for (const auto& p : g.passages) {
    examples.push_back(p.example);
    any_coding = any_coding || !p.example.themes.empty();
  }
  if (!any_coding)
    return Error::of(Errc::invalid, "no_coding",
                     "nothing has been coded yet, so there is nothing to learn from");
  TrainingOutcome out;
  const auto t0 = std::chrono::steady_clock::now();
  const auto model = learn::train_theme_model(examples, g.themes, g.codebook_version);
  out.seconds = seconds_since(t0);
  out.examples = static_cast<std::int64_t>(examples.size());
  const auto t1 = std::chrono::steady_clock::now();
  out.evaluation = evaluation_of(learn::cross_validate(g.passages, g.themes, kFolds));
  out.evaluation.seconds = seconds_since(t1);

  ThemeModelRow row;
  row.codebook_version = g.codebook_version;
  row.body = learn::serialise_model(model);
  row.examples = out.examples;
  row.reviewed_count = g.reviewed_count;
  row.evaluation_json = evaluation_to_json(out.evaluation);
  row.trained_by = a.user.id;
  row.trained_at = clock_();
  db_.transact(store::TxMode::write, [&](store::Conn& c) {
    const Id id = store::analysis::insert_theme_model(c, row);
    audit_.record(c, {a.user.id,
                      "model.train",
                      "ok",
                      "theme_model",
                      std::to_string(id),
                      {{"codebook_version", std::to_string(g.codebook_version)},
                       {"examples", std::to_string(out.examples)}},
                      a.address});
  });
  // Pending suggestions are made again by the new model; decided ones stay as they were.
  if (auto r = analysis_.resuggest_all(a); !r) return r.error();
  out.status = analysis_.model_status();
  return out;
}

Result<Evaluation> LearningService::evaluate(const Actor& a, int folds) {
  if (auto s = analysis_.may_read(a); !s) return s.error();
  const auto t0 = std::chrono::steady_clock::now();
  const auto g = gather();
  auto e = evaluation_of(learn::cross_validate(g.passages, g.themes, folds));
  e.seconds = seconds_since(t0);
  return e;
}

Result<Evaluation> LearningService::score_labelled(const Actor& a,
                                                   const std::vector<LabelledPassage>& labelled) {
  if (auto s = analysis_.may_read(a); !s) return s.error();
  const auto codebook = analysis_.current_codebook();
  const auto suggester = analysis_.current_suggester();
  const auto model = analysis_.current_model();
  const learn::BlendedSuggester blended(*suggester, model);
  std::vector<std::string> themes;
  for (const auto& t : codebook->themes) themes.push_back(t.id);
  std::vector<learn::EvalPassage> passages;
  std::vector<learn::Scored> by_model, by_indicators;
  for (const auto& l : labelled) {
    const Language lang = Language::en;
    const analysis::Span span{0, code_point_count(l.text)};
    auto sc = blended.score(l.text, lang, {{{SegmentKind::paragraph, span}, ""}})[0];
    learn::EvalPassage p;
    p.example.themes = {l.theme_id};
    passages.push_back(std::move(p));
    learn::Scored m{passages.size() - 1, sc.blended, {}}, i{passages.size() - 1, sc.indicators, {}};
    for (std::size_t t = 0; t < themes.size(); ++t) {
      const auto* w = model ? model->find(themes[t]) : nullptr;
      m.suggested.push_back(learn::suggests(w, sc.blended[t], sc.indicators[t]));
      i.suggested.push_back(sc.indicators[t] > 0);
    }
    by_model.push_back(std::move(m));
    by_indicators.push_back(std::move(i));
  }
  Evaluation e;
  e.passages = passages.size();
  e.learned = figures(learn::score_method(passages, by_model, themes));
  e.indicators = figures(learn::score_method(passages, by_indicators, themes));
  return e;
}

Result<TrainingState> LearningService::request_training(const Actor& a) {
  if (auto s = analysis_.may_write(a); !s) return s.error();
  std::lock_guard lock(mutex_);
  if (!worker_.joinable())
    return Error::of(Errc::invalid, "training_unavailable", "no background worker is running");
  requested_by_ = a;
  state_.queued = true;
  wake_.notify_all();
  return state_;
}

Result<TrainingState> LearningService::state(const Actor& a) const {
  if (!analysis_.can_read(a)) return Error::of(Errc::forbidden, "forbidden");
  std::lock_guard lock(mutex_);
  return state_;
}

void LearningService::start_background(std::chrono::milliseconds check_every,
                                       std::int64_t min_new_reviews) {
  std::lock_guard lock(mutex_);
  if (worker_.joinable()) return;
  stopping_ = false;
  worker_ = std::jthread(
      [this, check_every, min_new_reviews] { worker_loop(check_every, min_new_reviews); });
}

void LearningService::stop_background() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    wake_.notify_all();
  }
  if (worker_.joinable()) worker_.join();
}

void LearningService::worker_loop(std::chrono::milliseconds check_every,
                                  std::int64_t min_new_reviews) {
  std::optional<std::int64_t> last_attempt;  // the reviewed count last tried, to not retry it
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, check_every, [&] { return stopping_ || requested_by_.has_value(); });
    if (stopping_) break;
    std::optional<Actor> who = std::move(requested_by_);
    requested_by_.reset();
    lock.unlock();
    bool due = who.has_value();
    try {
      if (!due) {
        const int version = analysis_.codebook_version();
        db_.transact(store::TxMode::read, [&](store::Conn& c) {
          const auto reviewed = store::analysis::reviewed_count(c);
          const auto last = store::analysis::latest_theme_model(c, version);
          const auto since = reviewed - (last ? last->reviewed_count : 0);
          due = since >= min_new_reviews && reviewed > 0 && last_attempt != reviewed;
          if (due) last_attempt = reviewed;
        });
      }
      if (due) {
        {
          std::lock_guard l(mutex_);
          state_.running = true;
          state_.queued = false;
        }
        auto r = train(who ? *who : UserService::operator_actor());
        std::lock_guard l(mutex_);
        state_.running = false;
        state_.last_error = r ? "" : r.error().key;
        state_.last_finished_at = clock_();
      }
    } catch (const std::exception& e) {
      std::fprintf(stderr, "sgwrs: training the theme model failed: %s\n", e.what());
      std::lock_guard l(mutex_);
      state_.running = false;
      state_.queued = false;
      state_.last_error = "train_failed";
    }
    lock.lock();
  }
}

}  // namespace sgwrs
