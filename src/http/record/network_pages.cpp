// Strengths and the family's network on the pages, without JavaScript: the eco-map page
// (/families/{id}/network: the map drawn on the server with a table beside it), adding and
// changing a network member or a strength, a change against an older version shown beside
// the one saved now. NetworkService decides access and audits.
#include <map>

#include "http/core/local_url.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"
#include "http/record/eco_map.hpp"
#include "http/record/family_choices.hpp"
#include "http/record/network_pages.hpp"
#include "http/record/record_page_support.hpp"

namespace sgwrs::http {

using namespace record_pages;

namespace {

std::string family_href(Id family) {
  return "/families/" + id_text(family);
}

// A form for an item of a family: fresh, refused (with what was typed), or refused as stale
// (with what is saved now beside it).
Response item_form(App& app, const Ctx& c, const std::string& title_key, const std::string& action,
                   const std::vector<Field>& fields, const std::string& submit_key,
                   const std::string& back, const Error* error, std::int64_t version,
                   const std::vector<std::pair<std::string, std::string>>* saved_now = nullptr) {
  Data d = app.form_data(c, app.t(c, title_key), action, fields, submit_key, back, error, version);
  if (saved_now) show_saved_now(app, c, d, *saved_now);
  return app.page(c, "form", d, error ? App::status_for(error->code) : bhttp::status::ok);
}

// --- Network members -------------------------------------------------------------------

std::vector<Field> member_fields(App& app, const Ctx& c, const FamilyChoices& ch,
                                 const NetworkMember& m) {
  auto whose = ch.people;
  whose.front().second = app.t(c, "record.network.whole_family");
  return {
      {"name", "core.fields.network_name", "core.hints.network_name", "text", m.name},
      {"role", "core.fields.network_role", "", "select", std::string(kNetworkRoles.id(m.role)),
       options(app, c, "network.roles", kNetworkRoles)},
      {"person_id", "core.fields.whose_network", "", "select", optional_text(m.person_id), whose},
      {"tie", "core.fields.tie", "core.hints.tie", "select", std::string(kTieQualities.id(m.tie)),
       options(app, c, "network.ties", kTieQualities)},
      {"flow", "core.fields.flow", "", "select", std::string(kSupportFlows.id(m.flow)),
       options(app, c, "network.flows", kSupportFlows)},
      {"support", "core.fields.support", "core.hints.support", "textarea", m.support},
      {"how_often", "core.fields.how_often", "core.hints.how_often", "text", m.how_often},
      {"their_words", "core.fields.network_words", "core.hints.network_words", "textarea",
       m.their_words},
      sensitive_field(m.marking)};
}

void member_from_form(const Ctx& c, NetworkMember& m) {
  m.name = field(*c.form, "name");
  m.role = kNetworkRoles.parse(field(*c.form, "role")).value_or(m.role);
  m.person_id = parse_id(field(*c.form, "person_id"));
  m.tie = kTieQualities.parse(field(*c.form, "tie")).value_or(m.tie);
  m.flow = kSupportFlows.parse(field(*c.form, "flow")).value_or(m.flow);
  m.support = field(*c.form, "support");
  m.how_often = field(*c.form, "how_often");
  m.their_words = field(*c.form, "their_words");
  marking_from_form(c, m.marking);
}

Response member_new(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  Response refusal;
  auto f = family_of(app, c, *id, refusal);
  if (!f) return refusal;
  return item_form(app, c, "record.network.add_title", family_href(*id) + "/network",
                   member_fields(app, c, choices(app, c, *f), {}), "record.network.add",
                   family_href(*id) + "/network", nullptr, 0);
}

Response member_create(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  NetworkMember m;
  m.family_id = *id;
  member_from_form(c, m);
  auto saved = app.svc().networks.save_member(*c.actor, m);
  if (saved)
    return redirect(c.req, local_url(family_href(*id) + "/network", {{"done", "member_saved"}},
                                     "member-" + id_text(saved->id)));
  Response refusal;
  auto f = family_of(app, c, *id, refusal);
  if (!f) return refusal;
  return item_form(app, c, "record.network.add_title", family_href(*id) + "/network",
                   member_fields(app, c, choices(app, c, *f), m), "record.network.add",
                   family_href(*id) + "/network", &saved.error(), 0);
}

Response member_edit(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto m = app.svc().networks.get_member(*c.actor, *id);
  if (!m) return app.error_page(c, App::status_for(m.error().code));
  Response refusal;
  auto f = family_of(app, c, m->family_id, refusal);
  if (!f) return refusal;
  return item_form(app, c, "record.network.edit_title", "/network/" + id_text(*id),
                   member_fields(app, c, choices(app, c, *f), *m), "core.common.save",
                   family_href(m->family_id) + "/network", nullptr, m->version);
}

Response member_update(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto stored = app.svc().networks.get_member(*c.actor, *id);
  if (!stored) return app.error_page(c, App::status_for(stored.error().code));
  NetworkMember m = *stored;
  member_from_form(c, m);
  m.version = parse_id(field(*c.form, "version")).value_or(0);
  auto saved = app.svc().networks.save_member(*c.actor, m);
  const auto back = family_href(stored->family_id) + "/network";
  if (saved)
    return redirect(c.req, local_url(back, {{"done", "member_saved"}}, "member-" + id_text(*id)));
  Response refusal;
  auto f = family_of(app, c, stored->family_id, refusal);
  if (!f) return refusal;
  const bool stale = saved.error().code == Errc::stale;
  const std::vector<std::pair<std::string, std::string>> now{
      {"core.fields.network_name", stored->name},
      {"core.fields.support", stored->support},
      {"core.fields.network_words", stored->their_words}};
  return item_form(app, c, "record.network.edit_title", "/network/" + id_text(*id),
                   member_fields(app, c, choices(app, c, *f), m), "core.common.save", back,
                   &saved.error(), stale ? stored->version : m.version, stale ? &now : nullptr);
}

// --- Strengths -------------------------------------------------------------------------

std::vector<Field> strength_fields(App& app, const Ctx& c, const FamilyChoices& ch,
                                   const Strength& s) {
  auto whose = ch.people;
  whose.front().second = app.t(c, "record.network.whole_family");
  std::vector<Field> out{
      {"text", "core.fields.strength", "core.hints.strength", "textarea", s.text},
      {"kind", "core.fields.strength_kind", "", "select", std::string(kStrengthKinds.id(s.kind)),
       options(app, c, "strength.kinds", kStrengthKinds)},
      {"person_id", "core.fields.whose_strength", "", "select", optional_text(s.person_id), whose}};
  add_outcome_boxes(app, c, ch, "record.strength.supports", s.outcome_ids, out);
  out.push_back(sensitive_field(s.marking));
  return out;
}

void strength_from_form(const Ctx& c, const FamilyChoices& ch, Strength& s) {
  s.text = field(*c.form, "text");
  s.kind = kStrengthKinds.parse(field(*c.form, "kind")).value_or(s.kind);
  s.person_id = parse_id(field(*c.form, "person_id"));
  s.outcome_ids = outcomes_ticked(c, ch);
  marking_from_form(c, s.marking);
}

Response strength_new(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  Response refusal;
  auto f = family_of(app, c, *id, refusal);
  if (!f) return refusal;
  return item_form(app, c, "record.strength.add_title", family_href(*id) + "/strengths",
                   strength_fields(app, c, choices(app, c, *f), {}), "record.strength.add",
                   family_href(*id), nullptr, 0);
}

Response strength_create(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  Response refusal;
  auto f = family_of(app, c, *id, refusal);
  if (!f) return refusal;
  const auto ch = choices(app, c, *f);
  Strength s;
  s.family_id = *id;
  strength_from_form(c, ch, s);
  auto saved = app.svc().networks.save_strength(*c.actor, s);
  if (saved)
    return redirect(c.req, local_url(family_href(*id), {{"done", "strength_saved"}}, "strengths"));
  return item_form(app, c, "record.strength.add_title", family_href(*id) + "/strengths",
                   strength_fields(app, c, ch, s), "record.strength.add", family_href(*id),
                   &saved.error(), 0);
}

Response strength_edit(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto s = app.svc().networks.get_strength(*c.actor, *id);
  if (!s) return app.error_page(c, App::status_for(s.error().code));
  Response refusal;
  auto f = family_of(app, c, s->family_id, refusal);
  if (!f) return refusal;
  return item_form(app, c, "record.strength.edit_title", "/strengths/" + id_text(*id),
                   strength_fields(app, c, choices(app, c, *f), *s), "core.common.save",
                   family_href(s->family_id), nullptr, s->version);
}

Response strength_update(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto stored = app.svc().networks.get_strength(*c.actor, *id);
  if (!stored) return app.error_page(c, App::status_for(stored.error().code));
  Response refusal;
  auto f = family_of(app, c, stored->family_id, refusal);
  if (!f) return refusal;
  const auto ch = choices(app, c, *f);
  Strength s = *stored;
  strength_from_form(c, ch, s);
  s.version = parse_id(field(*c.form, "version")).value_or(0);
  auto saved = app.svc().networks.save_strength(*c.actor, s);
  if (saved)
    return redirect(c.req, local_url(family_href(stored->family_id), {{"done", "strength_saved"}},
                                     "strengths"));
  const bool stale = saved.error().code == Errc::stale;
  const std::vector<std::pair<std::string, std::string>> now{
      {"core.fields.strength", stored->text}};
  return item_form(app, c, "record.strength.edit_title", "/strengths/" + id_text(*id),
                   strength_fields(app, c, ch, s), "core.common.save", family_href(s.family_id),
                   &saved.error(), stale ? stored->version : s.version, stale ? &now : nullptr);
}

// --- The eco-map page ------------------------------------------------------------------

Response network_page(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  Response refusal;
  auto f = family_of(app, c, *id, refusal);
  if (!f) return refusal;
  auto network = app.svc().networks.network_of(*c.actor, *id, reveal_sensitive(c));
  if (!network) return app.error_page(c, App::status_for(network.error().code));
  Data d =
      app.shell(c, app.cat().format(c.lang, "record.network.title", {{"family", f->family.name}}));
  d.set("id", id_text(*id));
  d.set("name", f->family.name);
  add_network(app, c, *f, *network, d);
  return app.page(c, "network", d);
}

}  // namespace

void add_network(App& app, const Ctx& c, const FamilyRecord& f,
                 const std::vector<NetworkMember>& network, Data& d) {
  std::map<Id, std::string> names;
  for (const auto& p : f.people) names[p.id] = p.called();
  std::vector<eco_map::Tie> ties;
  Data rows = list();
  std::string description;
  for (const auto& m : network) {
    Data x = obj();
    x.set("id", id_text(m.id));
    set_marking(app, c, x, m.marking);
    if (m.marking.withheld) {
      // Someone held back is not drawn: the table says they are there, and why.
      rows.push_back(x);
      continue;
    }
    ties.push_back({m.name, m.tie, m.flow});
    x.set("name", m.name);
    x.set("role", label(app, c, "network.roles", kNetworkRoles.id(m.role)));
    x.set("tie", label(app, c, "network.ties", kTieQualities.id(m.tie)));
    x.set("flow", label(app, c, "network.flows", kSupportFlows.id(m.flow)));
    x.set("whose", m.person_id && names.count(*m.person_id)
                       ? names[*m.person_id]
                       : app.t(c, "record.network.whole_family"));
    if (!m.support.empty()) x.set("support", m.support);
    if (!m.how_often.empty()) x.set("how_often", m.how_often);
    if (!m.their_words.empty()) x.set("their_words", m.their_words);
    rows.push_back(x);
    description +=
        app.cat().format(c.lang, "record.network.reads_as",
                         {{"name", m.name},
                          {"role", label(app, c, "network.roles", kNetworkRoles.id(m.role))},
                          {"tie", label(app, c, "network.ties", kTieQualities.id(m.tie))},
                          {"flow", label(app, c, "network.flows", kSupportFlows.id(m.flow))}}) +
        " ";
  }
  const auto drawing = eco_map::draw(ties);
  Data map = obj();
  map.set("width", std::to_string(drawing.width));
  map.set("height", std::to_string(drawing.height));
  map.set("cx", std::to_string(drawing.centre_x));
  map.set("cy", std::to_string(drawing.centre_y));
  map.set("r", std::to_string(drawing.centre_r));
  map.set("node_r", std::to_string(drawing.node_r));
  map.set("family", f.family.name);
  map.set("description", description);
  Data lines = list();
  for (const auto& l : drawing.lines) {
    Data x = obj();
    x.set("points", l.points);
    x.set("width", std::to_string(l.width));
    if (!l.dasharray.empty()) x.set("dash", l.dasharray);
    if (l.arrow_to_family) x.set("to_family", true);
    if (l.arrow_to_person) x.set("to_person", true);
    lines.push_back(x);
  }
  map.set("lines", lines);
  Data nodes = list();
  for (const auto& n : drawing.nodes) {
    Data x = obj();
    x.set("cx", std::to_string(n.cx));
    x.set("cy", std::to_string(n.cy));
    x.set("label", n.label);
    nodes.push_back(x);
  }
  map.set("nodes", nodes);
  d.set("eco_map", map);
  d.set("network", rows);
  if (!network.empty()) d.set("has_network", true);
}

int add_strengths(App& app, const Ctx& c, const FamilyRecord& f, const FamilyWords& words,
                  Data& d) {
  Data out = list();
  int withheld = 0;
  if (auto strengths = app.svc().networks.strengths_of(*c.actor, f.family.id, reveal_sensitive(c)))
    for (const auto& s : *strengths) {
      Data x = obj();
      x.set("id", id_text(s.id));
      x.set("text", s.text);
      set_marking(app, c, x, s.marking);
      withheld += s.marking.withheld;
      x.set("kind", label(app, c, "strength.kinds", kStrengthKinds.id(s.kind)));
      if (const auto name = words.name_of(s.person_id); !name.empty()) x.set("whose", name);
      const auto supports = words.quoted(s.outcome_ids);
      if (!supports.empty()) x.set("supports", supports);
      out.push_back(x);
    }
  if (!out.is_empty_list()) d.set("has_strengths", true);
  d.set("strength_items", out);
  return withheld;
}

void register_network_pages(Router& r, App& app) {
  using bhttp::verb;
  r.add(verb::get, "/families/{id}/network", signed_in<network_page>(app));
  r.add(verb::get, "/families/{id}/network/new", signed_in<member_new>(app));
  r.add(verb::post, "/families/{id}/network", signed_in<member_create>(app));
  r.add(verb::get, "/network/{id}/edit", signed_in<member_edit>(app));
  r.add(verb::post, "/network/{id}", signed_in<member_update>(app));
  r.add(verb::get, "/families/{id}/strengths/new", signed_in<strength_new>(app));
  r.add(verb::post, "/families/{id}/strengths", signed_in<strength_create>(app));
  r.add(verb::get, "/strengths/{id}/edit", signed_in<strength_edit>(app));
  r.add(verb::post, "/strengths/{id}", signed_in<strength_update>(app));
}

}  // namespace sgwrs::http
