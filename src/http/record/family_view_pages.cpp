// The family view: a family's record written for the family to read or take away, in their
// preferred language (or the one asked for with ?lang=), with no internal words: their
// story, what matters in their own words, their outcomes and how they have moved, and who
// is doing what. Nothing marked sensitive reaches it (RecordService::family_view).
#include "http/core/request.hpp"
#include "http/core/response.hpp"
#include "http/record/record_page_support.hpp"

namespace sgwrs::http {

using namespace record_pages;

namespace {

Response family_view_page(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  auto v = app.svc().records.family_view(*c.actor, *id);
  if (!v) return app.error_page(c, App::status_for(v.error().code));
  const auto asked = c.query.count("lang") ? kLanguages.parse(c.query.at("lang")) : std::nullopt;
  c.lang = asked.value_or(v->language);
  std::map<Id, std::string> names;
  for (const auto& p : v->people) names[p.id] = p.called();

  const auto title =
      app.cat().format(c.lang, "record.family_view.title", {{"name", v->family.name}});
  Data d = app.shell(c, title);
  d.set("heading", title);
  d.set("family_id", std::to_string(*id));
  d.set("other_lang",
        std::string(language_id(c.lang == Language::cy ? Language::en : Language::cy)));
  if (v->story.version > 0) d.set("story", v->story.text);
  Data quotes = list();
  for (const auto& q : v->what_matters) {
    Data x = obj();
    x.set("text", q.text);
    x.set("by", q.by);
    x.set("lang", std::string(language_id(q.language)));
    quotes.push_back(x);
  }
  if (!quotes.is_empty_list()) d.set("has_quotes", true);
  d.set("quotes", quotes);
  Data outcomes = list();
  for (const auto& o : v->outcomes) {
    Data x = obj();
    x.set("statement", o.statement);
    x.set("who", names.count(o.person_id) ? names[o.person_id] : "");
    x.set("status", label(app, c, "outcome.statuses", kOutcomeStatuses.id(o.status)));
    if (!o.reviews.empty()) {
      const auto high = std::to_string(range_of(o.scale).high);
      x.set("progress",
            app.cat().format(c.lang, "record.family_view.progress",
                             {{"from", std::to_string(o.reviews.front().person_view.score)},
                              {"to", std::to_string(o.reviews.back().person_view.score)},
                              {"high", high}}));
    }
    outcomes.push_back(x);
  }
  if (!outcomes.is_empty_list()) d.set("has_outcomes", true);
  d.set("outcomes", outcomes);
  Data actions = list();
  for (const auto& a : v->actions) {
    Data x = obj();
    x.set("what", a.what);
    const std::string who = a.person_id && names.count(*a.person_id) ? names[*a.person_id] : a.who;
    x.set("who", who.empty() ? label(app, c, "plan.owners", kActionOwners.id(a.owner)) : who);
    x.set("by_when", a.by_when);
    x.set("state", label(app, c, "plan.states", kActionStates.id(a.state())));
    actions.push_back(x);
  }
  if (!actions.is_empty_list()) d.set("has_actions", true);
  d.set("actions", actions);
  return app.page(c, "family_view", d);
}

}  // namespace

void register_family_view_pages(Router& r, App& app) {
  r.add(bhttp::verb::get, "/families/{id}/family-view", signed_in<family_view_page>(app));
}

}  // namespace sgwrs::http
