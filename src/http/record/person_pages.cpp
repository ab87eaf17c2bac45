// Adding a family, adding someone to a family, and changing a person's details, on the pages
// without JavaScript: names and the name they like to be called, pronouns, date of birth (or
// the expected date), their language and when the Welsh active offer was made, and how they
// communicate. A change against an older version keeps what was typed beside what is saved
// now. RecordService decides access and audits.
#include "http/core/local_url.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"
#include "http/record/record_page_support.hpp"

namespace sgwrs::http {

using namespace record_pages;

namespace {

Field box(const char* name, const char* label_key, bool checked) {
  Field f{name, label_key, "", "checkbox", "yes"};
  f.checked = checked;
  return f;
}

std::vector<Field> person_fields(App& app, const Ctx& c, const Person& p) {
  return {
      {"given_name", "core.fields.given_name", "", "text", p.given_name, {}, "given-name"},
      {"family_name", "core.fields.family_name", "", "text", p.family_name, {}, "family-name"},
      {"preferred_name", "core.fields.preferred_name", "core.hints.preferred_name", "text",
       p.preferred_name},
      {"pronouns", "core.fields.pronouns", "core.hints.pronouns", "text", p.pronouns},
      {"date_of_birth", "core.fields.date_of_birth", "core.hints.held_on", "text", p.date_of_birth},
      box("date_of_birth_expected", "core.fields.date_of_birth_expected", p.date_of_birth_expected),
      {"preferred_language", "core.fields.preferred_language", "", "select",
       std::string(language_id(p.preferred_language)), options(app, c, "languages", kLanguages)},
      {"active_offer_on", "core.fields.active_offer_on", "core.hints.active_offer_on", "text",
       p.active_offer_on},
      box("interpreter", "core.fields.interpreter", p.communication.interpreter),
      box("bsl", "core.fields.bsl", p.communication.bsl),
      box("non_verbal", "core.fields.non_verbal", p.communication.non_verbal),
      {"capacity_notes", "core.fields.capacity_notes", "core.hints.capacity_notes", "textarea",
       p.communication.capacity_notes},
      {"communication_other", "core.fields.communication_other", "", "textarea",
       p.communication.other}};
}

void person_from_form(const Ctx& c, Person& p) {
  const auto& f = *c.form;
  p.given_name = field(f, "given_name");
  p.family_name = field(f, "family_name");
  p.preferred_name = field(f, "preferred_name");
  p.pronouns = field(f, "pronouns");
  p.date_of_birth = field(f, "date_of_birth");
  p.date_of_birth_expected = field(f, "date_of_birth_expected") == "yes";
  p.preferred_language =
      kLanguages.parse(field(f, "preferred_language")).value_or(p.preferred_language);
  p.active_offer_on = field(f, "active_offer_on");
  p.communication.interpreter = field(f, "interpreter") == "yes";
  p.communication.bsl = field(f, "bsl") == "yes";
  p.communication.non_verbal = field(f, "non_verbal") == "yes";
  p.communication.capacity_notes = field(f, "capacity_notes");
  p.communication.other = field(f, "communication_other");
}

Field role_field(App& app, const Ctx& c, MemberRole role) {
  return {
      "role",   "core.fields.member_role",          "",
      "select", std::string(kMemberRoles.id(role)), options(app, c, "member_roles", kMemberRoles)};
}

// The service names a new family's first member's fields "members.0.<field>"; the form
// names them as the person's own fields.
Error for_the_form(Error e) {
  for (auto& f : e.fields)
    if (f.field.rfind("members.0.", 0) == 0) f.field = f.field.substr(10);
  return e;
}

// --- A new family, with its first member ----------------------------------------------

std::vector<Field> family_fields(App& app, const Ctx& c, const NewFamily& f) {
  std::vector<Field> out{
      {"name", "core.fields.family_name_as_said", "core.hints.family_name_as_said", "text", f.name},
      {"opened_on", "core.fields.opened_on", "core.hints.held_on", "text", f.opened_on},
      {"status", "core.fields.involvement_status", "", "select",
       std::string(kInvolvementStatuses.id(f.status)),
       options(app, c, "statuses", kInvolvementStatuses)}};
  const Person first = f.members.empty() ? Person{} : f.members.front().person;
  for (auto& x : person_fields(app, c, first)) out.push_back(std::move(x));
  out.push_back(
      role_field(app, c, f.members.empty() ? MemberRole::parent : f.members.front().role));
  return out;
}

Response family_new(App& app, Ctx& c) {
  NewFamily f;
  f.opened_on = today_text();
  return app.form_page(c, app.t(c, "record.families.new_title"), "/families",
                       family_fields(app, c, f), "record.families.add", "/families");
}

Response family_create(App& app, Ctx& c) {
  NewFamily f;
  f.name = field(*c.form, "name");
  f.opened_on = field(*c.form, "opened_on");
  f.status = kInvolvementStatuses.parse(field(*c.form, "status")).value_or(f.status);
  NewMember m;
  person_from_form(c, m.person);
  m.role = kMemberRoles.parse(field(*c.form, "role")).value_or(MemberRole::parent);
  f.members.push_back(m);
  auto saved = app.svc().records.create_family(*c.actor, f);
  if (saved)
    return redirect(
        c.req, local_url("/families/" + id_text(saved->family.id), {{"done", "family_saved"}}));
  const auto e = for_the_form(saved.error());
  return app.form_page(c, app.t(c, "record.families.new_title"), "/families",
                       family_fields(app, c, f), "record.families.add", "/families", &e);
}

// --- Someone new in a family ------------------------------------------------------------

std::vector<Field> member_fields(App& app, const Ctx& c, const NewMember& m) {
  auto out = person_fields(app, c, m.person);
  out.insert(out.begin(), role_field(app, c, m.role));
  return out;
}

Response member_new(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto f =
      app.svc().records.view_family(*c.actor, *id, false, RecordService::kWithoutConversations);
  if (!f) return app.error_page(c, App::status_for(f.error().code));
  NewMember m;
  m.role = MemberRole::child;
  if (!f->people.empty()) {
    m.person.family_name = f->people.front().family_name;
    m.person.preferred_language = f->people.front().preferred_language;
  }
  Data d = app.form_data(c, app.t(c, "record.family.add_member_title"),
                         "/families/" + id_text(*id) + "/members", member_fields(app, c, m),
                         "record.family.add_member", "/families/" + id_text(*id));
  d.set("intro", f->family.name);
  return app.page(c, "form", d);
}

Response member_create(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  NewMember m;
  person_from_form(c, m.person);
  m.role = kMemberRoles.parse(field(*c.form, "role")).value_or(MemberRole::other_relative);
  auto saved = app.svc().records.add_member(*c.actor, *id, m);
  if (saved)
    return redirect(c.req,
                    local_url("/families/" + id_text(*id), {{"done", "member_added"}}, "members"));
  if (saved.error().code == Errc::not_found) return app.error_page(c, bhttp::status::not_found);
  return app.form_page(c, app.t(c, "record.family.add_member_title"),
                       "/families/" + id_text(*id) + "/members", member_fields(app, c, m),
                       "record.family.add_member", "/families/" + id_text(*id), &saved.error());
}

// --- A person's details -----------------------------------------------------------------

Response person_edit(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto p = app.svc().records.view_person(*c.actor, *id);
  if (!p) return app.error_page(c, App::status_for(p.error().code));
  return app.form_page(c, app.t(c, "record.person.edit_title"), "/people/" + id_text(*id),
                       person_fields(app, c, p->person), "core.common.save",
                       "/people/" + id_text(*id), nullptr, p->person.version);
}

Response person_update(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto stored = app.svc().records.view_person(*c.actor, *id);
  if (!stored) return app.error_page(c, App::status_for(stored.error().code));
  Person p = stored->person;
  person_from_form(c, p);
  p.version = parse_id(field(*c.form, "version")).value_or(0);
  auto saved = app.svc().records.update_person(*c.actor, p);
  if (saved)
    return redirect(c.req, local_url("/people/" + id_text(*id), {{"done", "person_saved"}}));
  const bool stale = saved.error().code == Errc::stale;
  Data d = app.form_data(c, app.t(c, "record.person.edit_title"), "/people/" + id_text(*id),
                         person_fields(app, c, p), "core.common.save", "/people/" + id_text(*id),
                         &saved.error(), stale ? stored->person.version : p.version);
  if (stale) {
    const auto& now = stored->person;
    show_saved_now(app, c, d,
                   {{"core.fields.given_name", now.given_name},
                    {"core.fields.family_name", now.family_name},
                    {"core.fields.preferred_name", now.preferred_name},
                    {"core.fields.pronouns", now.pronouns},
                    {"core.fields.date_of_birth", now.date_of_birth},
                    {"core.fields.capacity_notes", now.communication.capacity_notes}});
  }
  return app.page(c, "form", d, App::status_for(saved.error().code));
}

}  // namespace

void register_person_pages(Router& r, App& app) {
  using bhttp::verb;
  r.add(verb::get, "/families/new", signed_in<family_new>(app));
  r.add(verb::post, "/families", signed_in<family_create>(app));
  r.add(verb::get, "/families/{id}/members/new", signed_in<member_new>(app));
  r.add(verb::post, "/families/{id}/members", signed_in<member_create>(app));
  r.add(verb::get, "/people/{id}/edit", signed_in<person_edit>(app));
  r.add(verb::post, "/people/{id}", signed_in<person_update>(app));
}

}  // namespace sgwrs::http
