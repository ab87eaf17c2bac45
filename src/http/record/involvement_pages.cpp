// The periods of work with a family on the pages, without JavaScript: the family page's
// "our work with the family" (each period and its dated statuses), a status change from a
// day, closing a period (its history kept) and reopening as a new one. InvolvementService
// decides access and audits.
#include "http/record/involvement_pages.hpp"
#include "http/core/local_url.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"
#include "http/record/record_page_support.hpp"

namespace sgwrs::http {

using namespace record_pages;

namespace {

std::string family_href(Id family) {
  return "/families/" + id_text(family);
}

Response done(const Ctx& c, Id family, const char* what) {
  return redirect(c.req, local_url(family_href(family), {{"done", what}}, "work"));
}

std::vector<Field> status_fields(App& app, const Ctx& c, const StatusMove& m) {
  return {{"status", "core.fields.involvement_status", "", "select",
           std::string(kInvolvementStatuses.id(m.status)),
           options(app, c, "statuses", kInvolvementStatuses)},
          {"from", "core.fields.status_from", "core.hints.held_on", "text", m.from},
          {"note", "core.fields.note", "", "textarea", m.note}};
}

Response status_new(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto v = app.svc().involvements.get(*c.actor, *id);
  if (!v) return app.error_page(c, App::status_for(v.error().code));
  StatusMove m;
  m.from = today_text();
  if (!v->history.empty()) m.status = v->history.back().status;
  return app.form_page(c, app.t(c, "record.work.status_title"),
                       "/involvements/" + id_text(*id) + "/status", status_fields(app, c, m),
                       "core.common.save", family_href(v->family_id), nullptr, v->version);
}

Response status_create(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto v = app.svc().involvements.get(*c.actor, *id);
  if (!v) return app.error_page(c, App::status_for(v.error().code));
  StatusMove m;
  m.involvement_id = *id;
  m.version = parse_id(field(*c.form, "version")).value_or(0);
  m.status = kInvolvementStatuses.parse(field(*c.form, "status")).value_or(m.status);
  m.from = field(*c.form, "from");
  m.note = field(*c.form, "note");
  auto saved = app.svc().involvements.change_status(*c.actor, m);
  if (saved) return done(c, v->family_id, "status_saved");
  return app.form_page(c, app.t(c, "record.work.status_title"),
                       "/involvements/" + id_text(*id) + "/status", status_fields(app, c, m),
                       "core.common.save", family_href(v->family_id), &saved.error(), v->version);
}

std::vector<Field> close_fields(const Closing& cl) {
  return {{"on", "core.fields.closed_on", "core.hints.held_on", "text", cl.on},
          {"note", "core.fields.closing_note", "core.hints.closing_note", "textarea", cl.note}};
}

Response close_new(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto v = app.svc().involvements.get(*c.actor, *id);
  if (!v) return app.error_page(c, App::status_for(v.error().code));
  Closing cl;
  cl.on = today_text();
  return app.form_page(c, app.t(c, "record.work.close_title"),
                       "/involvements/" + id_text(*id) + "/close", close_fields(cl),
                       "record.work.close", family_href(v->family_id), nullptr, v->version);
}

Response close_create(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto v = app.svc().involvements.get(*c.actor, *id);
  if (!v) return app.error_page(c, App::status_for(v.error().code));
  Closing cl;
  cl.involvement_id = *id;
  cl.version = parse_id(field(*c.form, "version")).value_or(0);
  cl.on = field(*c.form, "on");
  cl.note = field(*c.form, "note");
  auto saved = app.svc().involvements.close(*c.actor, cl);
  if (saved) return done(c, v->family_id, "involvement_closed");
  return app.form_page(c, app.t(c, "record.work.close_title"),
                       "/involvements/" + id_text(*id) + "/close", close_fields(cl),
                       "record.work.close", family_href(v->family_id), &saved.error(), v->version);
}

std::vector<Field> reopen_fields(App& app, const Ctx& c, const Reopening& r) {
  return {{"opened_on", "core.fields.opened_on", "core.hints.held_on", "text", r.opened_on},
          {"status", "core.fields.involvement_status", "", "select",
           std::string(kInvolvementStatuses.id(r.status)),
           options(app, c, "statuses", kInvolvementStatuses)}};
}

Response reopen_new(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto periods = app.svc().involvements.of_family(*c.actor, *id);
  if (!periods) return app.error_page(c, App::status_for(periods.error().code));
  Reopening r;
  r.opened_on = today_text();
  return app.form_page(c, app.t(c, "record.work.reopen_title"), family_href(*id) + "/involvements",
                       reopen_fields(app, c, r), "record.work.reopen", family_href(*id));
}

Response reopen_create(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  Reopening r;
  r.family_id = *id;
  r.opened_on = field(*c.form, "opened_on");
  r.status = kInvolvementStatuses.parse(field(*c.form, "status")).value_or(r.status);
  auto saved = app.svc().involvements.reopen(*c.actor, r);
  if (saved) return done(c, *id, "involvement_reopened");
  if (saved.error().code == Errc::not_found) return app.error_page(c, bhttp::status::not_found);
  return app.form_page(c, app.t(c, "record.work.reopen_title"), family_href(*id) + "/involvements",
                       reopen_fields(app, c, r), "record.work.reopen", family_href(*id),
                       &saved.error());
}

}  // namespace

void add_work(App& app, const Ctx& c, const FamilyRecord& f, Data& d) {
  Data periods = list();
  bool any_open = false;
  for (const auto& v : f.involvements) {
    Data x = obj();
    x.set("id", id_text(v.id));
    x.set("opened_on", v.opened_on);
    if (v.open()) {
      any_open = true;
      x.set("open", true);
    } else {
      x.set("closed_on", v.closed_on);
    }
    Data history = list();
    for (const auto& s : v.history) {
      Data h = obj();
      h.set("from", s.from);
      h.set("status", label(app, c, "statuses", kInvolvementStatuses.id(s.status)));
      if (!s.note.empty()) h.set("note", s.note);
      history.push_back(h);
    }
    x.set("history", history);
    periods.push_back(x);
  }
  d.set("periods", periods);
  if (!any_open) d.set("can_reopen", true);
}

void register_involvement_pages(Router& r, App& app) {
  using bhttp::verb;
  r.add(verb::get, "/involvements/{id}/status", signed_in<status_new>(app));
  r.add(verb::post, "/involvements/{id}/status", signed_in<status_create>(app));
  r.add(verb::get, "/involvements/{id}/close", signed_in<close_new>(app));
  r.add(verb::post, "/involvements/{id}/close", signed_in<close_create>(app));
  r.add(verb::get, "/families/{id}/involvements/new", signed_in<reopen_new>(app));
  r.add(verb::post, "/families/{id}/involvements", signed_in<reopen_create>(app));
}

}  // namespace sgwrs::http
