// A family's chronology on its own page: every significant event in time order, filterable
// by kind and by person, printable (the print stylesheet leaves out the site's navigation
// and the filters), and a form for an event entered by hand. Works without JavaScript.
#include "http/core/local_url.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"
#include "http/record/record_page_support.hpp"

namespace sgwrs::http {

using namespace record_pages;

namespace {

// The words for an entry's code: a status, a decision, an action's state, what a
// conversation led to, or a baseline or review of an outcome.
std::string code_label(App& app, const Ctx& c, const ChronologyEntry& e) {
  switch (e.kind) {
    case ChronologyKind::conversation:
      return label(app, c, "led_to", e.code);
    case ChronologyKind::status:
      return label(app, c, "statuses", e.code);
    case ChronologyKind::review:
      return label(app, c, "chronology.reviews", e.code);
    case ChronologyKind::action:
      return label(app, c, "plan.states", e.code);
    case ChronologyKind::decision:
      return label(app, c, "plan.decisions", e.code);
    case ChronologyKind::event:
      return {};
  }
  return {};
}

Response chronology_page(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto f =
      app.svc().records.view_family(*c.actor, *id, false, RecordService::kWithoutConversations);
  if (!f) return app.error_page(c, App::status_for(f.error().code));
  ChronologyFilter filter;
  const auto q = [&](const char* name) {
    const auto it = c.query.find(name);
    return it == c.query.end() ? std::string() : it->second;
  };
  filter.kind = kChronologyKinds.parse(q("kind"));
  filter.person_id = parse_id(q("person_id"));
  auto entries = app.svc().chronologies.chronology(*c.actor, *id, filter);
  if (!entries) return app.error_page(c, App::status_for(entries.error().code));
  std::map<Id, std::string> names;
  for (const auto& p : f->people) names[p.id] = p.called() + " " + p.family_name;

  const auto title =
      app.cat().format(c.lang, "record.chronology.title", {{"name", f->family.name}});
  Data d = app.shell(c, title);
  d.set("heading", title);
  d.set("family_id", id_text(*id));
  d.set("family", f->family.name);
  Data kinds = list();
  Data any = obj();
  any.set("value", "");
  any.set("label", app.t(c, "record.chronology.every_kind"));
  kinds.push_back(any);
  for (const auto k : kChronologyKinds.values()) {
    Data x = obj();
    x.set("value", std::string(kChronologyKinds.id(k)));
    x.set("label", label(app, c, "chronology.kinds", kChronologyKinds.id(k)));
    if (filter.kind == k) x.set("selected", true);
    kinds.push_back(x);
  }
  d.set("kinds", kinds);
  Data people = list();
  Data everyone = obj();
  everyone.set("value", "");
  everyone.set("label", app.t(c, "record.chronology.everyone"));
  people.push_back(everyone);
  for (const auto& [pid, name] : names) {
    Data x = obj();
    x.set("value", id_text(pid));
    x.set("label", name);
    if (filter.person_id == pid) x.set("selected", true);
    people.push_back(x);
  }
  d.set("people", people);
  Data rows = list();
  for (const auto& e : *entries) {
    Data r = obj();
    r.set("on", e.on);
    r.set("kind", label(app, c, "chronology.kinds", kChronologyKinds.id(e.kind)));
    r.set("code", code_label(app, c, e));
    r.set("detail", e.detail);
    std::string who;
    for (Id p : e.people)
      if (names.count(p)) who += (who.empty() ? "" : ", ") + names[p];
    r.set("who", who.empty() ? app.t(c, "record.chronology.whole_family") : who);
    rows.push_back(r);
  }
  if (!rows.is_empty_list()) d.set("has_rows", true);
  d.set("rows", rows);
  return app.page(c, "chronology", d);
}

std::vector<Field> event_fields(App& app, const Ctx& c, const FamilyRecord& f,
                                const SignificantEvent& e) {
  std::vector<std::pair<std::string, std::string>> people{
      {"", app.t(c, "record.chronology.whole_family")}};
  for (const auto& p : f.people)
    people.emplace_back(id_text(p.id), p.called() + " " + p.family_name);
  return {{"happened_on", "core.fields.happened_on", "core.hints.held_on", "text", e.happened_on},
          {"what", "core.fields.event_what", "core.hints.event_what", "textarea", e.what},
          {"person_id", "core.fields.person_id", "", "select",
           e.person_id ? id_text(*e.person_id) : "", people}};
}

Response event_form(App& app, Ctx& c, const SignificantEvent& e, const Error* error) {
  auto f = app.svc().records.view_family(*c.actor, e.family_id, false,
                                         RecordService::kWithoutConversations);
  if (!f) return app.error_page(c, App::status_for(f.error().code));
  return app.form_page(c, app.t(c, "record.chronology.event_title"),
                       "/families/" + id_text(e.family_id) + "/events", event_fields(app, c, *f, e),
                       "record.chronology.save_event",
                       "/families/" + id_text(e.family_id) + "/chronology", error);
}

Response event_new(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  SignificantEvent e;
  e.family_id = *id;
  return event_form(app, c, e, nullptr);
}

Response event_create(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  SignificantEvent e;
  e.family_id = *id;
  e.happened_on = field(*c.form, "happened_on");
  e.what = field(*c.form, "what");
  e.person_id = parse_id(field(*c.form, "person_id"));
  auto saved = app.svc().chronologies.add_event(*c.actor, e);
  if (saved)
    return redirect(
        c.req, local_url("/families/" + id_text(*id) + "/chronology", {{"done", "event_saved"}}));
  if (saved.error().code == Errc::not_found) return app.error_page(c, bhttp::status::not_found);
  return event_form(app, c, e, &saved.error());
}

}  // namespace

void register_chronology_pages(Router& r, App& app) {
  using bhttp::verb;
  r.add(verb::get, "/families/{id}/chronology", signed_in<chronology_page>(app));
  r.add(verb::get, "/families/{id}/events/new", signed_in<event_new>(app));
  r.add(verb::post, "/families/{id}/events", signed_in<event_create>(app));
}

}  // namespace sgwrs::http
