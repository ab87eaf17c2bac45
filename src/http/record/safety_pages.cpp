// Worries, what is working well and what needs to happen, and scaling, on the pages without
// JavaScript: the safety page (/families/{id}/safety: three columns, the latest scaling of
// each perspective side by side and every answer over time), and the forms to add and change
// a statement (a change against an older version shown beside the one saved now) and to
// record a scaling. SafetyService decides access and audits.
#include <map>

#include "http/core/local_url.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"
#include "http/record/family_choices.hpp"
#include "http/record/record_page_support.hpp"
#include "http/record/safety_pages.hpp"

namespace sgwrs::http {

using namespace record_pages;

namespace {

std::string safety_href(Id family) {
  return "/families/" + id_text(family) + "/safety";
}

std::vector<Field> statement_fields(App& app, const Ctx& c, const SafetyStatement& s) {
  return {{"kind", "core.fields.safety_kind", "", "select", std::string(kSafetyKinds.id(s.kind)),
           options(app, c, "safety.kinds", kSafetyKinds)},
          {"text", "core.fields.safety_text", "core.hints.safety_text", "textarea", s.text},
          {"safety_goal", "core.fields.safety_goal", "core.hints.safety_goal", "textarea",
           s.safety_goal},
          {"said_by", "core.fields.said_by", "core.hints.said_by", "text", s.said_by},
          {"disagreement", "core.fields.disagreement", "core.hints.disagreement", "textarea",
           s.disagreement},
          sensitive_field(s.marking)};
}

void statement_from_form(const Ctx& c, SafetyStatement& s) {
  s.kind = kSafetyKinds.parse(field(*c.form, "kind")).value_or(s.kind);
  s.text = field(*c.form, "text");
  s.safety_goal = field(*c.form, "safety_goal");
  s.said_by = field(*c.form, "said_by");
  s.disagreement = field(*c.form, "disagreement");
  marking_from_form(c, s.marking);
}

Response statement_form(App& app, const Ctx& c, const std::string& title_key,
                        const std::string& action, const SafetyStatement& s,
                        const std::string& submit_key, const Error* error, std::int64_t version,
                        const SafetyStatement* saved_now = nullptr) {
  Data d = app.form_data(c, app.t(c, title_key), action, statement_fields(app, c, s), submit_key,
                         safety_href(s.family_id), error, version);
  if (saved_now)
    show_saved_now(app, c, d,
                   {{"core.fields.safety_text", saved_now->text},
                    {"core.fields.safety_goal", saved_now->safety_goal},
                    {"core.fields.disagreement", saved_now->disagreement}});
  return app.page(c, "form", d, error ? App::status_for(error->code) : bhttp::status::ok);
}

Response statement_new(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  Response refusal;
  if (!family_of(app, c, *id, refusal)) return refusal;
  SafetyStatement s;
  s.family_id = *id;
  if (c.query.count("kind")) s.kind = kSafetyKinds.parse(c.query.at("kind")).value_or(s.kind);
  return statement_form(app, c, "record.safety.add_title", safety_href(*id), s, "record.safety.add",
                        nullptr, 0);
}

Response statement_create(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  SafetyStatement s;
  s.family_id = *id;
  statement_from_form(c, s);
  auto saved = app.svc().safety.save_statement(*c.actor, s);
  if (saved)
    return redirect(c.req, local_url(safety_href(*id), {{"done", "statement_saved"}},
                                     "statement-" + id_text(saved->id)));
  if (saved.error().code == Errc::not_found) return app.error_page(c, bhttp::status::not_found);
  return statement_form(app, c, "record.safety.add_title", safety_href(*id), s, "record.safety.add",
                        &saved.error(), 0);
}

Response statement_edit(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto s = app.svc().safety.get_statement(*c.actor, *id);
  if (!s) return app.error_page(c, App::status_for(s.error().code));
  return statement_form(app, c, "record.safety.edit_title", "/safety/" + id_text(*id), *s,
                        "core.common.save", nullptr, s->version);
}

Response statement_update(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto stored = app.svc().safety.get_statement(*c.actor, *id);
  if (!stored) return app.error_page(c, App::status_for(stored.error().code));
  SafetyStatement s = *stored;
  statement_from_form(c, s);
  s.version = parse_id(field(*c.form, "version")).value_or(0);
  auto saved = app.svc().safety.save_statement(*c.actor, s);
  if (saved)
    return redirect(c.req, local_url(safety_href(s.family_id), {{"done", "statement_saved"}},
                                     "statement-" + id_text(*id)));
  const bool stale = saved.error().code == Errc::stale;
  return statement_form(app, c, "record.safety.edit_title", "/safety/" + id_text(*id), s,
                        "core.common.save", &saved.error(), stale ? stored->version : s.version,
                        stale ? &*stored : nullptr);
}

// A new scaling has no score chosen yet.
Scaling fresh_scaling() {
  Scaling s;
  s.score = -1;
  return s;
}

std::vector<Field> scaling_fields(App& app, const Ctx& c, const Scaling& s) {
  return {
      {"on", "core.fields.scaled_on", "core.hints.held_on", "text", s.on},
      {"perspective", "core.fields.perspective", "", "select",
       std::string(kPerspectives.id(s.perspective)),
       options(app, c, "safety.perspectives", kPerspectives)},
      {"who", "core.fields.scaled_by", "core.hints.scaled_by", "text", s.who},
      {"score", "core.fields.scaling_score", "core.hints.scaling_score", "select",
       score_value(s.score), score_options(app, c, kScalingHigh)},
      {"reason", "core.fields.scaling_reason", "core.hints.scaling_reason", "textarea", s.reason}};
}

Response scaling_new(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  Response refusal;
  if (!family_of(app, c, *id, refusal)) return refusal;
  return app.form_page(
      c, app.t(c, "record.safety.scaling_title"), "/families/" + id_text(*id) + "/scalings",
      scaling_fields(app, c, fresh_scaling()), "record.safety.record_scaling", safety_href(*id));
}

Response scaling_create(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  Scaling s;
  s.family_id = *id;
  s.on = field(*c.form, "on");
  s.perspective = kPerspectives.parse(field(*c.form, "perspective")).value_or(s.perspective);
  s.who = field(*c.form, "who");
  // Nothing chosen is "outside the scale", named on the field, like any other bad score.
  s.score = score_from(c, "score");
  s.reason = field(*c.form, "reason");
  auto saved = app.svc().safety.record_scaling(*c.actor, s);
  if (saved)
    return redirect(c.req, local_url(safety_href(*id), {{"done", "scaling_saved"}}, "scaling"));
  if (saved.error().code == Errc::not_found) return app.error_page(c, bhttp::status::not_found);
  return app.form_page(c, app.t(c, "record.safety.scaling_title"),
                       "/families/" + id_text(*id) + "/scalings", scaling_fields(app, c, s),
                       "record.safety.record_scaling", safety_href(*id), &saved.error());
}

Response safety_page(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  Response refusal;
  auto f = family_of(app, c, *id, refusal);
  if (!f) return refusal;
  Data d =
      app.shell(c, app.cat().format(c.lang, "record.safety.title", {{"family", f->family.name}}));
  d.set("id", id_text(*id));
  d.set("name", f->family.name);
  add_safety(app, c, *id, d);
  return app.page(c, "safety", d);
}

}  // namespace

int add_safety(App& app, const Ctx& c, Id family_id, Data& d) {
  Data worries = list(), working = list(), needs = list();
  int withheld = 0;
  if (auto statements = app.svc().safety.statements_of(*c.actor, family_id, reveal_sensitive(c)))
    for (const auto& s : *statements) {
      Data x = obj();
      x.set("id", id_text(s.id));
      x.set("text", s.text);
      set_marking(app, c, x, s.marking);
      withheld += s.marking.withheld;
      if (!s.safety_goal.empty()) x.set("safety_goal", s.safety_goal);
      if (!s.said_by.empty()) x.set("said_by", s.said_by);
      if (!s.disagreement.empty()) x.set("disagreement", s.disagreement);
      (s.kind == SafetyKind::worry          ? worries
       : s.kind == SafetyKind::working_well ? working
                                            : needs)
          .push_back(x);
    }
  d.set("worries", worries);
  d.set("working_well", working);
  d.set("needs_to_happen", needs);
  if (!worries.is_empty_list()) d.set("has_worries", true);
  if (!working.is_empty_list()) d.set("has_working_well", true);
  if (!needs.is_empty_list()) d.set("has_needs_to_happen", true);

  Data history = list(), now = list();
  const auto scalings = app.svc().safety.scalings_of(*c.actor, family_id);
  const auto row = [&](const Scaling& s) {
    Data x = obj();
    x.set("on", s.on);
    x.set("perspective", label(app, c, "safety.perspectives", kPerspectives.id(s.perspective)));
    x.set("who", s.who);
    x.set("score", std::to_string(s.score));
    x.set("reason", s.reason);
    return x;
  };
  std::map<Perspective, const Scaling*> latest;
  if (scalings)
    for (const auto& s : *scalings) {
      history.push_back(row(s));
      latest[s.perspective] = &s;
    }
  for (const auto p : kPerspectives.values())
    if (auto it = latest.find(p); it != latest.end()) now.push_back(row(*it->second));
  if (!history.is_empty_list()) d.set("has_scalings", true);
  d.set("scaling_now", now);
  d.set("scalings", history);
  return withheld;
}

void register_safety_pages(Router& r, App& app) {
  using bhttp::verb;
  r.add(verb::get, "/families/{id}/safety", signed_in<safety_page>(app));
  r.add(verb::get, "/families/{id}/safety/new", signed_in<statement_new>(app));
  r.add(verb::post, "/families/{id}/safety", signed_in<statement_create>(app));
  r.add(verb::get, "/safety/{id}/edit", signed_in<statement_edit>(app));
  r.add(verb::post, "/safety/{id}", signed_in<statement_update>(app));
  r.add(verb::get, "/families/{id}/scalings/new", signed_in<scaling_new>(app));
  r.add(verb::post, "/families/{id}/scalings", signed_in<scaling_create>(app));
}

}  // namespace sgwrs::http
