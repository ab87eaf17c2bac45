#include "analysis/learn/train.hpp"

#include <linear.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>

#include "analysis/learn/blend.hpp"

namespace sgwrs::analysis::learn {
namespace {

void quiet(const char*) {}

// LIBLINEAR's rows: each example's features, then the bias feature, then the -1 end mark.
// The hashed slots the examples use are numbered 1..n first: LIBLINEAR's solver keeps a
// dense weight vector as long as the highest index, and 2^20 slots of which a few thousand
// are used made every training pass over a million zeros.
struct Rows {
  std::vector<std::vector<feature_node>> nodes;
  std::vector<std::uint32_t> slot_of;  // compact index - 1 -> hashed slot
  int bias_index = 1;
  explicit Rows(const std::vector<Example>& examples) {
    for (const auto& e : examples)
      for (const auto& [i, v] : e.x.items) slot_of.push_back(i);
    std::sort(slot_of.begin(), slot_of.end());
    slot_of.erase(std::unique(slot_of.begin(), slot_of.end()), slot_of.end());
    bias_index = static_cast<int>(slot_of.size()) + 1;
    nodes.reserve(examples.size());
    for (const auto& e : examples) {
      std::vector<feature_node> row;
      row.reserve(e.x.items.size() + 2);
      for (const auto& [i, v] : e.x.items) {
        const auto at = std::lower_bound(slot_of.begin(), slot_of.end(), i) - slot_of.begin();
        row.push_back({static_cast<int>(at) + 1, v});  // ascending, as the slots were
      }
      row.push_back({bias_index, 1.0});  // the bias term
      row.push_back({-1, 0});
      nodes.push_back(std::move(row));
    }
  }
};

struct ModelDeleter {
  void operator()(model* m) const { free_and_destroy_model(&m); }
};

bool strong(const Example& e, const std::string& theme) {
  return e.themes.count(theme) || e.reviewed || e.rejected.count(theme);
}

// One theme's classifier on the examples given (their rows already built).
ThemeWeights fit(const std::vector<Example>& examples, const Rows& rows, const std::string& theme,
                 const TrainOptions& o) {
  ThemeWeights t;
  t.theme_id = theme;
  std::vector<double> y;
  std::vector<feature_node*> x;
  std::size_t pos_copies = 0, neg_copies = 0;
  for (std::size_t i = 0; i < examples.size(); ++i) {
    const auto& e = examples[i];
    const bool positive = e.themes.count(theme) > 0;
    (positive ? t.positives : t.negatives)++;
    const int copies = strong(e, theme) ? o.strong_copies : 1;
    for (int c = 0; c < copies; ++c) {
      y.push_back(positive ? 1 : -1);
      x.push_back(const_cast<feature_node*>(rows.nodes[i].data()));
      (positive ? pos_copies : neg_copies)++;
    }
  }
  if (t.positives < o.min_positives || t.negatives == 0) return t;

  problem prob{};
  prob.l = static_cast<int>(y.size());
  prob.n = rows.bias_index;
  prob.y = y.data();
  prob.x = x.data();
  prob.bias = 1;
  int labels[] = {1, -1};
  double weights[] = {std::clamp(static_cast<double>(neg_copies) / static_cast<double>(pos_copies),
                                 1.0, o.max_positive_weight),
                      1.0};
  parameter param{};
  param.solver_type = L2R_LR;
  param.eps = 0.01;
  param.C = o.c;
  param.nr_weight = 2;
  param.weight_label = labels;
  param.weight = weights;
  if (check_parameter(&prob, &param) != nullptr) return t;
  std::unique_ptr<model, ModelDeleter> m(train(&prob, &param));
  if (!m) return t;
  // LIBLINEAR's binary decision value favours its first label, the first seen in y.
  int first = 0;
  get_labels(m.get(), &first);
  const double sign = first == 1 ? 1 : -1;
  for (int f = 1; f < rows.bias_index; ++f) {
    const double w = get_decfun_coef(m.get(), f, 0) * sign;
    if (std::abs(w) > 1e-5)
      t.weights.emplace_back(rows.slot_of[static_cast<std::size_t>(f - 1)], static_cast<float>(w));
  }
  t.bias = get_decfun_bias(m.get(), 0) * sign;
  t.trained = true;
  return t;
}

// Out-of-fold blended scores of every theme learned on the whole set, from an inner
// cross-validation grouped by report: scored[t] holds (score, coded to t) for each example.
// Each inner fold's rows are built once for all themes.
std::vector<std::vector<std::pair<double, bool>>> out_of_fold(
    const std::vector<Example>& examples, const std::vector<std::string>& theme_ids,
    const std::vector<ThemeWeights>& full, const TrainOptions& o) {
  std::vector<std::vector<std::pair<double, bool>>> scored(theme_ids.size());
  std::vector<std::int64_t> groups;
  for (const auto& e : examples) groups.push_back(e.group);
  std::sort(groups.begin(), groups.end());
  groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
  if (o.inner_folds < 2 || groups.size() < static_cast<std::size_t>(o.inner_folds)) return scored;
  const auto fold = assign_folds(groups, o.inner_folds);
  auto fold_of = [&](std::int64_t g) {
    return fold[static_cast<std::size_t>(std::lower_bound(groups.begin(), groups.end(), g) -
                                         groups.begin())];
  };
  for (int f = 0; f < o.inner_folds; ++f) {
    std::vector<Example> train;
    std::vector<const Example*> held;
    for (const auto& e : examples) {
      if (fold_of(e.group) == f)
        held.push_back(&e);
      else
        train.push_back(e);
    }
    const Rows rows(train);
    for (std::size_t ti = 0; ti < theme_ids.size(); ++ti) {
      if (!full[ti].trained) continue;
      ThemeWeights t = fit(train, rows, theme_ids[ti], o);
      if (!t.trained) continue;
      t.positives = full[ti].positives;  // the share the final model will have in the blend
      for (const auto* e : held) {
        const double s = ti < e->indicators.size() ? e->indicators[ti] : 0;
        scored[ti].emplace_back(blend(&t, probability(t, e->x), s),
                                e->themes.count(theme_ids[ti]) > 0);
      }
    }
  }
  return scored;
}

// The threshold with the best F1 over the out-of-fold scores; the default when there are none
// or nothing would ever be suggested.
double choose_threshold(const std::vector<std::pair<double, bool>>& scored) {
  double best = kDefaultThreshold, best_f1 = -1;
  for (int step = 1; step <= 19; ++step) {
    const double th = step * 0.05;
    std::size_t tp = 0, fp = 0, fn = 0;
    for (const auto& [score, coded] : scored) {
      const bool on = score >= th;
      tp += on && coded;
      fp += on && !coded;
      fn += !on && coded;
    }
    if (tp == 0) continue;
    const double f1 = 2.0 * tp / (2.0 * tp + fp + fn);
    // Ties go to the threshold nearer the middle, the least surprising.
    if (f1 > best_f1 + 1e-12 ||
        (std::abs(f1 - best_f1) <= 1e-12 && std::abs(th - 0.5) < std::abs(best - 0.5))) {
      best_f1 = f1;
      best = th;
    }
  }
  return best;
}

}  // namespace

std::vector<int> assign_folds(const std::vector<std::int64_t>& sorted_ids, int k) {
  std::vector<std::size_t> order(sorted_ids.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  // A fixed seed: the same folds every run, so two runs can be compared. mt19937's output
  // is fixed by the standard, and the shuffle is written here (std::shuffle's is not).
  std::mt19937 rng(20260501);
  for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
  std::vector<int> fold(sorted_ids.size(), 0);
  for (std::size_t i = 0; i < order.size(); ++i) fold[order[i]] = static_cast<int>(i % k);
  return fold;
}

ThemeModel train_theme_model(const std::vector<Example>& examples,
                             const std::vector<std::string>& theme_ids, int codebook_version,
                             const TrainOptions& options) {
  set_print_string_function(&quiet);
  const Rows rows(examples);
  ThemeModel m;
  m.codebook_version = codebook_version;
  for (const auto& theme : theme_ids) m.themes.push_back(fit(examples, rows, theme, options));
  const auto scored = out_of_fold(examples, theme_ids, m.themes, options);
  for (std::size_t i = 0; i < theme_ids.size(); ++i)
    if (m.themes[i].trained) m.themes[i].threshold = choose_threshold(scored[i]);
  return m;
}

}  // namespace sgwrs::analysis::learn
