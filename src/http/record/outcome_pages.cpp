// Personal outcomes on the pages: agreeing one with its baseline, its own page (the words,
// the well-being areas, a chart of both views over time with the same figures as a table),
// reviewing it, and changing its words. All work without JavaScript. OutcomeService decides
// access and audits; a statement that reads like a service is saved and gently questioned.
#include "http/core/local_url.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"
#include "http/record/record_page_support.hpp"
#include "service/record/outcome_wording.hpp"

namespace sgwrs::http {

using namespace record_pages;

namespace {

// The checkbox of one area: "area_<framework>__<area>", so ids of both stay readable.
std::string area_field(const AreaLink& l) {
  return "area_" + l.framework_id + "__" + l.area_id;
}

const WellbeingFramework* framework_of(const std::vector<WellbeingFramework>& all,
                                       const std::string& id) {
  for (const auto& f : all)
    if (f.id == id) return &f;
  return nullptr;
}

std::string area_name(App& app, const Ctx& c, const std::vector<WellbeingFramework>& all,
                      const AreaLink& l) {
  const auto* f = framework_of(all, l.framework_id);
  const auto* a = f ? f->area(l.area_id) : nullptr;
  return a ? a->name(c.lang) : l.area_id;
}

// Checkboxes for the current framework's areas, and for any other area already linked (an
// outcome agreed under an earlier framework keeps its links when it is changed).
void add_area_fields(App& app, const Ctx& c, const std::vector<WellbeingFramework>& all,
                     const std::vector<AreaLink>& chosen, std::vector<Field>& out) {
  std::vector<AreaLink> shown;
  for (const auto& f : all)
    if (f.current)
      for (const auto& a : f.areas) shown.push_back({f.id, a.id});
  for (const auto& l : chosen)
    if (std::find(shown.begin(), shown.end(), l) == shown.end()) shown.push_back(l);
  for (const auto& l : shown) {
    Field box{area_field(l), "", "", "checkbox", "yes"};
    box.checked = std::find(chosen.begin(), chosen.end(), l) != chosen.end();
    box.label = area_name(app, c, all, l);
    const auto* f = framework_of(all, l.framework_id);
    if (const auto* a = f ? f->area(l.area_id) : nullptr;
        a && a->applies_to != AreaAppliesTo::everyone)
      box.label +=
          " (" + label(app, c, "outcome.applies_to", kAreaAppliesTo.id(a->applies_to)) + ")";
    out.push_back(box);
  }
}

std::vector<AreaLink> areas_from_form(const Ctx& c, const std::vector<WellbeingFramework>& all) {
  std::vector<AreaLink> out;
  for (const auto& f : all)
    for (const auto& a : f.areas)
      if (field(*c.form, area_field({f.id, a.id})) == "yes") out.push_back({f.id, a.id});
  return out;
}

void add_review_fields(App& app, const Ctx& c, const OutcomeReview& r, std::vector<Field>& out) {
  out.push_back(
      {"reviewed_on", "core.fields.reviewed_on", "core.hints.held_on", "text", r.reviewed_on});
  out.push_back({"person_score", "core.fields.person_score", "core.hints.person_score", "select",
                 score_value(r.person_view.score), score_options(app, c)});
  out.push_back(
      {"person_reason", "core.fields.person_reason", "", "textarea", r.person_view.reason});
  out.push_back({"worker_score", "core.fields.worker_score", "", "select",
                 score_value(r.worker_view.score), score_options(app, c)});
  out.push_back(
      {"worker_reason", "core.fields.worker_reason", "", "textarea", r.worker_view.reason});
}

OutcomeReview review_from_form(const Ctx& c) {
  OutcomeReview r;
  r.reviewed_on = field(*c.form, "reviewed_on");
  r.person_view = {score_from(c, "person_score"), field(*c.form, "person_reason")};
  r.worker_view = {score_from(c, "worker_score"), field(*c.form, "worker_reason")};
  return r;
}

// The service names the areas as one field; the form shows them as checkboxes, so the
// error summary links to the first.
Error for_the_form(Error e, const std::vector<Field>& fields) {
  for (auto& f : e.fields)
    if (f.field == "areas")
      for (const auto& x : fields)
        if (x.name.rfind("area_", 0) == 0) {
          f.field = x.name;
          break;
        }
  return e;
}

Response outcome_form(App& app, const Ctx& c, const std::string& title, const std::string& action,
                      std::vector<Field> fields, const std::string& submit_key,
                      const std::string& back, const Error* error, std::int64_t version = 0,
                      const Outcome* saved_now = nullptr) {
  std::optional<Error> shown;
  if (error) shown = for_the_form(*error, fields);
  Data d =
      app.form_data(c, title, action, fields, submit_key, back, shown ? &*shown : nullptr, version);
  if (saved_now) show_saved_now(app, c, d, {{"core.fields.statement", saved_now->statement}});
  return app.page(c, "form", d, error ? App::status_for(error->code) : bhttp::status::ok);
}

std::vector<Field> new_outcome_fields(App& app, const Ctx& c,
                                      const std::vector<WellbeingFramework>& all,
                                      const NewOutcome& n) {
  std::vector<Field> out{
      {"statement", "core.fields.statement", "core.hints.statement", "textarea", n.statement},
      {"importance", "core.fields.importance", "", "select",
       std::string(kImportance.id(n.importance)),
       options(app, c, "outcome.importance", kImportance)}};
  add_area_fields(app, c, all, n.areas, out);
  out.push_back({"scale", "core.fields.scale", "", "select",
                 std::string(kOutcomeScales.id(n.scale)),
                 options(app, c, "outcome.scales", kOutcomeScales)});
  add_review_fields(app, c, n.baseline, out);
  return out;
}

Response outcome_new(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto p = app.svc().records.view_person(*c.actor, *id);
  if (!p) return app.error_page(c, App::status_for(p.error().code));
  auto all = app.svc().outcomes.frameworks(*c.actor);
  if (!all) return app.error_page(c, App::status_for(all.error().code));
  NewOutcome n;
  n.baseline.person_view.score = n.baseline.worker_view.score = -1;
  return outcome_form(
      app, c, app.cat().format(c.lang, "record.outcome.new_title", {{"name", p->person.called()}}),
      "/people/" + id_text(*id) + "/outcomes", new_outcome_fields(app, c, *all, n),
      "record.outcome.agree", "/people/" + id_text(*id), nullptr);
}

Response outcome_create(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto p = app.svc().records.view_person(*c.actor, *id);
  if (!p) return app.error_page(c, App::status_for(p.error().code));
  auto all = app.svc().outcomes.frameworks(*c.actor);
  if (!all) return app.error_page(c, App::status_for(all.error().code));
  NewOutcome n;
  n.person_id = *id;
  n.statement = field(*c.form, "statement");
  n.importance = kImportance.parse(field(*c.form, "importance")).value_or(Importance::to);
  n.areas = areas_from_form(c, *all);
  n.scale = kOutcomeScales.parse(field(*c.form, "scale")).value_or(OutcomeScale::zero_to_ten);
  n.baseline = review_from_form(c);
  auto saved = app.svc().outcomes.create(*c.actor, n);
  if (!saved)
    return outcome_form(
        app, c,
        app.cat().format(c.lang, "record.outcome.new_title", {{"name", p->person.called()}}),
        "/people/" + id_text(*id) + "/outcomes", new_outcome_fields(app, c, *all, n),
        "record.outcome.agree", "/people/" + id_text(*id), &saved.error());
  return redirect(
      c.req, local_url("/outcomes/" + id_text(saved->outcome.id), {{"done", "outcome_saved"}}));
}

// Both views over time, drawn as two lines (solid with circles for the person's own view,
// dashed with squares for the worker's, so colour is never the only difference), with a
// title and a description that say what the chart shows. The table beside it holds the
// same figures.
Data chart_data(App& app, const Ctx& c, const Outcome& o) {
  constexpr int kWidth = 480, kHeight = 200, kLeft = 40, kRight = 16, kTop = 12, kBottom = 36;
  const auto range = range_of(o.scale);
  const auto n = o.reviews.size();
  const auto x_at = [&](std::size_t i) {
    return n <= 1 ? kLeft + (kWidth - kLeft - kRight) / 2
                  : kLeft + static_cast<int>(i * (kWidth - kLeft - kRight) / (n - 1));
  };
  const auto y_at = [&](int score) {
    return kTop + (range.high - score) * (kHeight - kTop - kBottom) / (range.high - range.low);
  };
  Data d = obj();
  d.set("width", std::to_string(kWidth));
  d.set("height", std::to_string(kHeight));
  std::string person_points, worker_points;
  Data person = list(), worker = list(), ticks = list(), dates = list();
  for (std::size_t i = 0; i < n; ++i) {
    const auto& r = o.reviews[i];
    const int x = x_at(i);
    const int py = y_at(r.person_view.score), wy = y_at(r.worker_view.score);
    person_points += std::to_string(x) + "," + std::to_string(py) + " ";
    worker_points += std::to_string(x) + "," + std::to_string(wy) + " ";
    Data pm = obj();
    pm.set("x", std::to_string(x));
    pm.set("y", std::to_string(py));
    person.push_back(pm);
    Data wm = obj();
    wm.set("x", std::to_string(x - 4));
    wm.set("y", std::to_string(wy - 4));
    worker.push_back(wm);
    Data dl = obj();
    dl.set("x", std::to_string(x));
    dl.set("y", std::to_string(kHeight - kBottom + 18));
    dl.set("text", r.reviewed_on);
    // The first and last dates lean inwards, so neither is cut off at the chart's edge.
    dl.set("anchor", n > 1 && i == 0 ? "start" : n > 1 && i + 1 == n ? "end" : "middle");
    dates.push_back(dl);
  }
  for (int s = range.low; s <= range.high; s += (range.high - range.low) / 5) {
    Data t = obj();
    t.set("y", std::to_string(y_at(s)));
    t.set("label_y", std::to_string(y_at(s) + 4));
    t.set("text", std::to_string(s));
    t.set("x1", std::to_string(kLeft));
    t.set("x2", std::to_string(kWidth - kRight));
    ticks.push_back(t);
  }
  d.set("person_points", person_points);
  d.set("worker_points", worker_points);
  d.set("person_marks", person);
  d.set("worker_marks", worker);
  d.set("ticks", ticks);
  d.set("dates", dates);
  const auto& first = o.reviews.front();
  const auto& last = o.reviews.back();
  d.set("title", app.t(c, "record.outcome.chart_title"));
  d.set("description", app.cat().format(c.lang, "record.outcome.chart_description",
                                        {{"reviews", std::to_string(n)},
                                         {"person_from", std::to_string(first.person_view.score)},
                                         {"person_to", std::to_string(last.person_view.score)},
                                         {"worker_from", std::to_string(first.worker_view.score)},
                                         {"worker_to", std::to_string(last.worker_view.score)},
                                         {"high", std::to_string(range.high)}}));
  return d;
}

Response outcome_page(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto o = app.svc().outcomes.get(*c.actor, *id);
  if (!o) return app.error_page(c, App::status_for(o.error().code));
  auto p = app.svc().records.view_person(*c.actor, o->person_id);
  if (!p) return app.error_page(c, App::status_for(p.error().code));
  auto all = app.svc().outcomes.frameworks(*c.actor);
  if (!all) return app.error_page(c, App::status_for(all.error().code));
  Data d = app.shell(c, o->statement);
  d.set("id", id_text(o->id));
  d.set("person_id", id_text(o->person_id));
  d.set("person", p->person.called() + " " + p->person.family_name);
  d.set("statement", o->statement);
  d.set("importance", label(app, c, "outcome.importance", kImportance.id(o->importance)));
  d.set("status", label(app, c, "outcome.statuses", kOutcomeStatuses.id(o->status)));
  if (const auto phrase = reads_like_service(o->statement); !phrase.empty())
    d.set("prompt",
          app.cat().format(c.lang, "record.outcome.reads_like_service", {{"phrase", phrase}}));
  Data areas = list();
  for (const auto& l : o->areas) {
    Data a = obj();
    a.set("name", area_name(app, c, *all, l));
    areas.push_back(a);
  }
  d.set("areas", areas);
  const auto range = range_of(o->scale);
  d.set("scale", app.cat().format(
                     c.lang, "record.outcome.scale_of",
                     {{"low", std::to_string(range.low)}, {"high", std::to_string(range.high)}}));
  Data reviews = list();
  for (std::size_t i = 0; i < o->reviews.size(); ++i) {
    const auto& r = o->reviews[i];
    Data x = obj();
    x.set("on", r.reviewed_on);
    if (i == 0) x.set("baseline", true);
    x.set("person_score", std::to_string(r.person_view.score));
    x.set("person_reason", r.person_view.reason);
    x.set("worker_score", std::to_string(r.worker_view.score));
    x.set("worker_reason", r.worker_view.reason);
    x.set("by", r.recorded_by_name);
    reviews.push_back(x);
  }
  d.set("reviews", reviews);
  if (!o->reviews.empty()) d.set("chart", chart_data(app, c, *o));
  return app.page(c, "outcome", d);
}

std::vector<Field> edit_fields(App& app, const Ctx& c, const std::vector<WellbeingFramework>& all,
                               const Outcome& o) {
  std::vector<Field> out{
      {"statement", "core.fields.statement", "core.hints.statement", "textarea", o.statement},
      {"importance", "core.fields.importance", "", "select",
       std::string(kImportance.id(o.importance)),
       options(app, c, "outcome.importance", kImportance)}};
  add_area_fields(app, c, all, o.areas, out);
  out.push_back({"status", "core.fields.status", "", "select",
                 std::string(kOutcomeStatuses.id(o.status)),
                 options(app, c, "outcome.statuses", kOutcomeStatuses)});
  return out;
}

Response outcome_edit(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto o = app.svc().outcomes.get(*c.actor, *id);
  if (!o) return app.error_page(c, App::status_for(o.error().code));
  auto all = app.svc().outcomes.frameworks(*c.actor);
  if (!all) return app.error_page(c, App::status_for(all.error().code));
  return outcome_form(app, c, app.t(c, "record.outcome.edit_title"), "/outcomes/" + id_text(*id),
                      edit_fields(app, c, *all, *o), "core.common.save",
                      "/outcomes/" + id_text(*id), nullptr, o->version);
}

// A change against an older version overwrites nothing: the form comes back with what was
// typed and, beside it, the words stored now.
Response outcome_update(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto stored = app.svc().outcomes.get(*c.actor, *id);
  if (!stored) return app.error_page(c, App::status_for(stored.error().code));
  auto all = app.svc().outcomes.frameworks(*c.actor);
  if (!all) return app.error_page(c, App::status_for(all.error().code));
  Outcome o = *stored;
  o.statement = field(*c.form, "statement");
  o.importance = kImportance.parse(field(*c.form, "importance")).value_or(o.importance);
  o.status = kOutcomeStatuses.parse(field(*c.form, "status")).value_or(o.status);
  o.areas = areas_from_form(c, *all);
  o.version = parse_id(field(*c.form, "version")).value_or(0);
  auto saved = app.svc().outcomes.update(*c.actor, o);
  if (saved)
    return redirect(c.req, local_url("/outcomes/" + id_text(*id), {{"done", "outcome_saved"}}));
  const bool stale = saved.error().code == Errc::stale;
  return outcome_form(app, c, app.t(c, "record.outcome.edit_title"), "/outcomes/" + id_text(*id),
                      edit_fields(app, c, *all, o), "core.common.save", "/outcomes/" + id_text(*id),
                      &saved.error(), stale ? stored->version : o.version,
                      stale ? &*stored : nullptr);
}

std::vector<Field> review_fields(App& app, const Ctx& c, const Outcome& o, const OutcomeReview& r,
                                 OutcomeStatus status) {
  std::vector<Field> out;
  add_review_fields(app, c, r, out);
  out.push_back({"status", "core.fields.status", "", "select",
                 std::string(kOutcomeStatuses.id(status)),
                 options(app, c, "outcome.statuses", kOutcomeStatuses)});
  return out;
}

Response review_new(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto o = app.svc().outcomes.get(*c.actor, *id);
  if (!o) return app.error_page(c, App::status_for(o.error().code));
  OutcomeReview r;
  r.person_view.score = r.worker_view.score = -1;
  return outcome_form(app, c, app.t(c, "record.outcome.review_title"),
                      "/outcomes/" + id_text(*id) + "/reviews",
                      review_fields(app, c, *o, r, o->status), "record.outcome.save_review",
                      "/outcomes/" + id_text(*id), nullptr);
}

Response review_create(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto r = review_from_form(c);
  r.outcome_id = *id;
  const auto status = kOutcomeStatuses.parse(field(*c.form, "status"));
  auto saved = app.svc().outcomes.review(*c.actor, r, status);
  if (saved)
    return redirect(c.req, local_url("/outcomes/" + id_text(*id), {{"done", "review_saved"}}));
  if (saved.error().code == Errc::not_found) return app.error_page(c, bhttp::status::not_found);
  auto o = app.svc().outcomes.get(*c.actor, *id);
  if (!o) return app.error_page(c, App::status_for(o.error().code));
  return outcome_form(app, c, app.t(c, "record.outcome.review_title"),
                      "/outcomes/" + id_text(*id) + "/reviews",
                      review_fields(app, c, *o, r, status.value_or(o->status)),
                      "record.outcome.save_review", "/outcomes/" + id_text(*id), &saved.error());
}

}  // namespace

void register_outcome_pages(Router& r, App& app) {
  using bhttp::verb;
  r.add(verb::get, "/people/{id}/outcomes/new", signed_in<outcome_new>(app));
  r.add(verb::post, "/people/{id}/outcomes", signed_in<outcome_create>(app));
  r.add(verb::get, "/outcomes/{id}", signed_in<outcome_page>(app));
  r.add(verb::get, "/outcomes/{id}/edit", signed_in<outcome_edit>(app));
  r.add(verb::post, "/outcomes/{id}", signed_in<outcome_update>(app));
  r.add(verb::get, "/outcomes/{id}/review", signed_in<review_new>(app));
  r.add(verb::post, "/outcomes/{id}/reviews", signed_in<review_create>(app));
}

}  // namespace sgwrs::http
