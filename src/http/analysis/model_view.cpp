// The learned theme model on the Suggestion quality page: which model suggests now (or why
// the indicators alone do), the cross-validation made when it was trained, beside the
// indicators alone, and the button that asks for a retraining in the background.
#include <boost/json.hpp>

#include "http/analysis/analysis_pages.hpp"
#include "http/core/local_url.hpp"
#include "http/core/response.hpp"

namespace sgwrs::http::analysis_ui {

namespace {

// One measure for both methods and the difference, as a row of the comparison table.
Data measure(const std::string& label, std::optional<double> indicators,
             std::optional<double> learned) {
  Data r = obj();
  r.set("label", label);
  r.set("indicators", fixed(indicators));
  r.set("learned", fixed(learned));
  r.set("diff", indicators && learned
                    ? (*learned >= *indicators ? "+" : "") + fixed(*learned - *indicators)
                    : "–");
  return r;
}

Data measures(App& app, const Ctx& c, const MethodFigures& ind, const MethodFigures& l) {
  Data rows = list();
  rows.push_back(measure(app.t(c, "analysis.model.macro_f1"), ind.macro_f1, l.macro_f1));
  rows.push_back(measure(app.t(c, "analysis.model.micro_f1"), ind.micro_f1, l.micro_f1));
  rows.push_back(measure(app.t(c, "analysis.model.top1"), ind.top1, l.top1));
  rows.push_back(measure(app.t(c, "analysis.model.top3"), ind.top3, l.top3));
  return rows;
}

}  // namespace

void add_model_section(App& app, const Ctx& c, Data& d) {
  const auto st = app.svc().analysis.model_status();
  const auto& cat = app.cat();
  if (st.in_use)
    d.set("model_line", cat.format(c.lang, "analysis.model.in_use",
                                   {{"model", st.model},
                                    {"examples", std::to_string(st.examples)},
                                    {"learned", std::to_string(st.themes_learned)},
                                    {"total", std::to_string(st.themes_total)}}));
  else
    d.set("model_line",
          cat.format(c.lang, "analysis.model.notes." + (st.note.empty() ? "none" : st.note),
                     {{"version", std::to_string(st.trained_for.value_or(0))},
                      {"current", std::to_string(st.codebook_version)}}));
  if (auto state = app.svc().learning.state(*c.actor)) {
    if (state->queued || state->running)
      d.set("model_training", app.t(c, "analysis.model.running"));
    if (!state->last_error.empty() && cat.has(c.lang, "analysis.model.errors." + state->last_error))
      d.set("model_error", app.t(c, "analysis.model.errors." + state->last_error));
  }
  const auto e = evaluation_from_json(st.evaluation_json);
  if (!e || e->folds == 0) return;
  const auto names = app.svc().analysis.theme_names(c.lang);
  d.set("has_evaluation", true);
  d.set("evaluation_intro", cat.format(c.lang, "analysis.model.evaluation_intro",
                                       {{"folds", std::to_string(e->folds)},
                                        {"reports", std::to_string(e->reports)},
                                        {"passages", std::to_string(e->passages)},
                                        {"coded", std::to_string(e->learned.coded_passages)}}));
  d.set("evaluation_measures", measures(app, c, e->indicators, e->learned));
  d.set("unseen_intro", cat.format(c.lang, "analysis.model.unseen_intro",
                                   {{"seen", std::to_string(e->seen_in_training)},
                                    {"unseen", std::to_string(e->learned_unseen.coded_passages)}}));
  d.set("unseen_measures", measures(app, c, e->indicators_unseen, e->learned_unseen));
  Data themes = list();
  for (const auto& [theme, q] : e->learned.by_theme) {
    Data r = obj();
    r.set("theme", theme_label(names, theme));
    const auto ind = e->indicators.by_theme.find(theme);
    const auto none = MethodFigures::Theme{};
    const auto& i = ind == e->indicators.by_theme.end() ? none : ind->second;
    r.set("ind_p", fixed(i.precision));
    r.set("ind_r", fixed(i.recall));
    r.set("ind_f1", fixed(i.f1));
    r.set("p", fixed(q.precision));
    r.set("r", fixed(q.recall));
    r.set("f1", fixed(q.f1));
    themes.push_back(r);
  }
  d.set("evaluation_themes", themes);
}

Response train_model(App& app, Ctx& c) {
  auto s = app.svc().learning.request_training(*c.actor);
  if (!s) return failure(app, c, s.error());
  return redirect(c.req, local_url("/analysis/quality", {{"done", "training_queued"}}));
}

}  // namespace sgwrs::http::analysis_ui
