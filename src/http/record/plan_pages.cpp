// Agreed actions and support decisions on the pages, without JavaScript: agreeing an
// action (what, who, by when, the outcome it serves), checking its progress together in the
// family's words, and recording a support decision with the outcomes it serves. They are
// shown on the family's page; PlanService decides access and audits.
#include <map>

#include "http/core/local_url.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"
#include "http/record/family_choices.hpp"
#include "http/record/plan_pages.hpp"
#include "http/record/record_page_support.hpp"

namespace sgwrs::http {

using namespace record_pages;

namespace {

std::vector<Field> action_fields(App& app, const Ctx& c, const FamilyChoices& ch,
                                 const AgreedAction& a) {
  return {
      {"what", "core.fields.what", "core.hints.what", "textarea", a.what},
      {"owner", "core.fields.owner", "", "select", std::string(kActionOwners.id(a.owner)),
       options(app, c, "plan.owners", kActionOwners)},
      {"who", "core.fields.who", "core.hints.who", "text", a.who},
      {"person_id", "core.fields.person_id", "", "select", optional_text(a.person_id), ch.people},
      {"by_when", "core.fields.by_when", "core.hints.by_when", "text", a.by_when},
      {"outcome_id", "core.fields.outcome_id", "", "select", optional_text(a.outcome_id),
       ch.outcomes}};
}

Response family_form(App& app, const Ctx& c, const std::string& title_key,
                     const std::string& action, std::vector<Field> fields,
                     const std::string& submit_key, Id family, const Error* error) {
  return app.form_page(c, app.t(c, title_key), action, fields, submit_key,
                       "/families/" + id_text(family), error);
}

Response action_new(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  Response refusal;
  auto f = family_of(app, c, *id, refusal);
  if (!f) return refusal;
  return family_form(app, c, "record.plan.action_title", "/families/" + id_text(*id) + "/actions",
                     action_fields(app, c, choices(app, c, *f), {}), "record.plan.agree", *id,
                     nullptr);
}

Response action_create(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  AgreedAction a;
  a.family_id = *id;
  a.what = field(*c.form, "what");
  a.owner = kActionOwners.parse(field(*c.form, "owner")).value_or(ActionOwner::family);
  a.who = field(*c.form, "who");
  a.person_id = parse_id(field(*c.form, "person_id"));
  a.by_when = field(*c.form, "by_when");
  a.outcome_id = parse_id(field(*c.form, "outcome_id"));
  auto saved = app.svc().plans.save_action(*c.actor, a);
  if (saved)
    return redirect(c.req,
                    local_url("/families/" + id_text(*id), {{"done", "action_saved"}}, "actions"));
  Response refusal;
  auto f = family_of(app, c, *id, refusal);
  if (!f) return refusal;
  return family_form(app, c, "record.plan.action_title", "/families/" + id_text(*id) + "/actions",
                     action_fields(app, c, choices(app, c, *f), a), "record.plan.agree", *id,
                     &saved.error());
}

std::vector<Field> progress_fields(App& app, const Ctx& c, const ActionProgress& p) {
  return {{"on", "core.fields.checked_on", "core.hints.held_on", "text", p.on},
          {"state", "core.fields.action_state", "", "select",
           std::string(kActionStates.id(p.state)), options(app, c, "plan.states", kActionStates)},
          {"their_words", "core.fields.their_words", "core.hints.their_words", "textarea",
           p.their_words}};
}

Response progress_new(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto a = app.svc().plans.get_action(*c.actor, *id);
  if (!a) return app.error_page(c, App::status_for(a.error().code));
  Data d = app.form_data(c, app.t(c, "record.plan.check_title"),
                         "/actions/" + id_text(*id) + "/progress", progress_fields(app, c, {}),
                         "record.plan.save_check", "/families/" + id_text(a->family_id));
  d.set("intro", "“" + a->what + "”");
  return app.page(c, "form", d);
}

Response progress_create(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  ActionProgress p;
  p.on = field(*c.form, "on");
  p.state = kActionStates.parse(field(*c.form, "state")).value_or(ActionState::not_yet);
  p.their_words = field(*c.form, "their_words");
  auto saved = app.svc().plans.check_action(*c.actor, *id, p);
  if (saved)
    return redirect(c.req, local_url("/families/" + id_text(saved->family_id),
                                     {{"done", "progress_saved"}}, "actions"));
  if (saved.error().code == Errc::not_found) return app.error_page(c, bhttp::status::not_found);
  auto a = app.svc().plans.get_action(*c.actor, *id);
  if (!a) return app.error_page(c, App::status_for(a.error().code));
  Data d =
      app.form_data(c, app.t(c, "record.plan.check_title"),
                    "/actions/" + id_text(*id) + "/progress", progress_fields(app, c, p),
                    "record.plan.save_check", "/families/" + id_text(a->family_id), &saved.error());
  d.set("intro", "“" + a->what + "”");
  return app.page(c, "form", d, App::status_for(saved.error().code));
}

std::vector<Field> decision_fields(App& app, const Ctx& c, const FamilyChoices& ch,
                                   const SupportDecision& d) {
  std::vector<Field> out{
      {"decided_on", "core.fields.decided_on", "core.hints.held_on", "text", d.decided_on},
      {"kind", "core.fields.decision_kind", "", "select", std::string(kDecisionKinds.id(d.kind)),
       options(app, c, "plan.decisions", kDecisionKinds)},
      {"person_id", "core.fields.person_id", "", "select", optional_text(d.person_id), ch.people}};
  add_outcome_boxes(app, c, ch, "record.plan.serves", d.outcome_ids, out);
  out.push_back({"reason", "core.fields.decision_reason", "core.hints.decision_reason", "textarea",
                 d.reason});
  return out;
}

Response decision_new(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  Response refusal;
  auto f = family_of(app, c, *id, refusal);
  if (!f) return refusal;
  return family_form(
      app, c, "record.plan.decision_title", "/families/" + id_text(*id) + "/decisions",
      decision_fields(app, c, choices(app, c, *f), {}), "record.plan.record", *id, nullptr);
}

Response decision_create(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  Response refusal;
  auto f = family_of(app, c, *id, refusal);
  if (!f) return refusal;
  const auto ch = choices(app, c, *f);
  SupportDecision d;
  d.family_id = *id;
  d.decided_on = field(*c.form, "decided_on");
  d.kind = kDecisionKinds.parse(field(*c.form, "kind")).value_or(DecisionKind::redesigned);
  d.person_id = parse_id(field(*c.form, "person_id"));
  d.outcome_ids = outcomes_ticked(c, ch);
  d.reason = field(*c.form, "reason");
  auto saved = app.svc().plans.record_decision(*c.actor, d);
  if (saved)
    return redirect(
        c.req, local_url("/families/" + id_text(*id), {{"done", "decision_saved"}}, "decisions"));
  return family_form(app, c, "record.plan.decision_title",
                     "/families/" + id_text(*id) + "/decisions", decision_fields(app, c, ch, d),
                     "record.plan.record", *id, &saved.error());
}

}  // namespace

// The family page's "who is doing what" and "support decisions".
void add_plans(App& app, const Ctx& c, const FamilyRecord& f, const FamilyWords& words, Data& d) {
  Data actions = list();
  if (auto list_of = app.svc().plans.actions_of(*c.actor, f.family.id))
    for (const auto& a : *list_of) {
      Data x = obj();
      x.set("id", id_text(a.id));
      x.set("what", a.what);
      std::string who = words.name_of(a.person_id);
      if (who.empty()) who = a.who;
      x.set("who", who.empty() ? label(app, c, "plan.owners", kActionOwners.id(a.owner)) : who);
      x.set("by_when", a.by_when);
      if (a.outcome_id && words.outcomes.count(*a.outcome_id))
        x.set("outcome", words.outcomes.at(*a.outcome_id));
      x.set("state", label(app, c, "plan.states", kActionStates.id(a.state())));
      if (a.state() == ActionState::done) x.set("done", true);
      if (!a.progress.empty() && !a.progress.back().their_words.empty())
        x.set("their_words", a.progress.back().their_words);
      actions.push_back(x);
    }
  if (!actions.is_empty_list()) d.set("has_actions", true);
  d.set("actions", actions);
  Data decisions = list();
  if (auto list_of = app.svc().plans.decisions_of(*c.actor, f.family.id))
    for (const auto& s : *list_of) {
      Data x = obj();
      x.set("on", s.decided_on);
      x.set("kind", label(app, c, "plan.decisions", kDecisionKinds.id(s.kind)));
      x.set("reason", s.reason);
      const auto serves = words.quoted(s.outcome_ids);
      if (!serves.empty()) x.set("serves", serves);
      if (const auto name = words.name_of(s.person_id); !name.empty()) x.set("person", name);
      decisions.push_back(x);
    }
  if (!decisions.is_empty_list()) d.set("has_decisions", true);
  d.set("decisions", decisions);
}

void register_plan_pages(Router& r, App& app) {
  using bhttp::verb;
  r.add(verb::get, "/families/{id}/actions/new", signed_in<action_new>(app));
  r.add(verb::post, "/families/{id}/actions", signed_in<action_create>(app));
  r.add(verb::get, "/actions/{id}/check", signed_in<progress_new>(app));
  r.add(verb::post, "/actions/{id}/progress", signed_in<progress_create>(app));
  r.add(verb::get, "/families/{id}/decisions/new", signed_in<decision_new>(app));
  r.add(verb::post, "/families/{id}/decisions", signed_in<decision_create>(app));
}

}  // namespace sgwrs::http
