// Who may see a family's record, on the pages: "who has looked at this record" (every view
// and change of the family, its members, conversations and outcomes: who, their role, when,
// what, and whether they broke the glass; filterable), and breaking the glass, offered to
// anyone the record is "not found" for. RecordService decides and audits both.
#include <algorithm>

#include "domain/core/date.hpp"
#include "http/core/local_url.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"
#include "http/record/record_page_support.hpp"

namespace sgwrs::http {

using namespace record_pages;

namespace {

// What the reader asked to see: every line, views, changes, or break-glass only.
enum class TrailShow { all, views, changes, break_glass };
constexpr auto kTrailShow = closed_set(
    std::pair{TrailShow::all, "all"}, std::pair{TrailShow::views, "views"},
    std::pair{TrailShow::changes, "changes"}, std::pair{TrailShow::break_glass, "break_glass"});

bool shown(const TrailEntry& t, TrailShow show) {
  switch (show) {
    case TrailShow::all:
      return true;
    case TrailShow::views:
      return !t.change;
    case TrailShow::changes:
      return t.change;
    case TrailShow::break_glass:
      return t.access == RecordAccess::break_glass;
  }
  return true;
}

// "family.view" → the catalogue's words for it, or the action itself when it has none.
std::string action_label(App& app, const Ctx& c, const std::string& action) {
  std::string id = action;
  std::replace(id.begin(), id.end(), '.', '_');
  const std::string key = "record.trail.actions." + id;
  return app.cat().has(c.lang, key) ? app.t(c, key) : action;
}

Response trail_page(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto f =
      app.svc().records.view_family(*c.actor, *id, false, RecordService::kWithoutConversations);
  if (!f) return app.error_page(c, App::status_for(f.error().code));
  auto trail = app.svc().records.record_trail(*c.actor, *id);
  if (!trail) return app.error_page(c, App::status_for(trail.error().code));
  const auto asked = c.query.count("show") ? c.query.at("show") : std::string("all");
  const auto show = kTrailShow.parse(asked).value_or(TrailShow::all);
  Data d = app.shell(c, app.cat().format(c.lang, "record.trail.title", {{"name", f->family.name}}));
  d.set("heading", app.cat().format(c.lang, "record.trail.title", {{"name", f->family.name}}));
  d.set("family_id", std::to_string(*id));
  d.set("family", f->family.name);
  Data filters = list();
  for (const auto v : kTrailShow.values()) {
    Data x = obj();
    x.set("value", std::string(kTrailShow.id(v)));
    x.set("label", label(app, c, "trail.show", kTrailShow.id(v)));
    if (v == show) x.set("selected", true);
    filters.push_back(x);
  }
  d.set("filters", filters);
  Data rows = list();
  for (const auto& t : *trail) {
    if (!shown(t, show)) continue;
    Data r = obj();
    r.set("when", format_utc_minute(t.event.at));
    r.set("who", t.who.empty() ? app.t(c, "record.trail.nobody") : t.who);
    if (t.role) r.set("role", app.t(c, "organisation.roles." + std::string(role_id(*t.role))));
    r.set("what", action_label(app, c, t.event.action));
    r.set("access", label(app, c, "trail.access", kRecordAccess.id(t.access)));
    if (t.access == RecordAccess::break_glass) r.set("break_glass", true);
    if (t.event.outcome == "refused") r.set("refused", true);
    rows.push_back(r);
  }
  d.set("rows", rows);
  if (!rows.is_empty_list()) d.set("has_rows", true);
  return app.page(c, "trail", d);
}

std::vector<Field> break_glass_fields(const BreakGlassRequest& r) {
  return {
      {"reason", "core.fields.reason", "core.hints.reason", "textarea", r.reason},
      {"minutes", "core.fields.minutes", "core.hints.minutes", "text", std::to_string(r.minutes)}};
}

Response break_glass_form(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  const std::string action = "/families/" + std::to_string(*id) + "/break-glass";
  Data d = app.form_data(c, app.t(c, "record.break_glass.title"), action,
                         break_glass_fields({*id, "", 30}), "record.break_glass.submit",
                         "/families", nullptr);
  d.set("intro", app.t(c, "record.break_glass.intro"));
  return app.page(c, "form", d);
}

Response break_glass_create(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  BreakGlassRequest r{*id, field(*c.form, "reason"),
                      static_cast<int>(parse_id(field(*c.form, "minutes")).value_or(0))};
  auto opened = app.svc().records.break_glass(*c.actor, r);
  if (opened)
    return redirect(c.req,
                    local_url("/families/" + std::to_string(*id), {{"done", "glass_broken"}}));
  if (opened.error().code == Errc::not_found) return app.error_page(c, bhttp::status::not_found);
  const std::string action = "/families/" + std::to_string(*id) + "/break-glass";
  Data d = app.form_data(c, app.t(c, "record.break_glass.title"), action, break_glass_fields(r),
                         "record.break_glass.submit", "/families", &opened.error());
  d.set("intro", app.t(c, "record.break_glass.intro"));
  return app.page(c, "form", d, App::status_for(opened.error().code));
}

}  // namespace

void register_access_pages(Router& r, App& app) {
  using bhttp::verb;
  r.add(verb::get, "/families/{id}/trail", signed_in<trail_page>(app));
  r.add(verb::get, "/families/{id}/break-glass", signed_in<break_glass_form>(app));
  r.add(verb::post, "/families/{id}/break-glass", signed_in<break_glass_create>(app));
}

}  // namespace sgwrs::http
