// The story of a family or a person on its own page: changing it (a save that meets a newer
// version keeps what was typed and shows what is saved now beside it), every version with
// who wrote it and when, and a word-by-word comparison of any two versions in which added
// and removed words are marked in text as well as in style, never by colour alone.
#include "domain/core/date.hpp"
#include "http/core/local_url.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"
#include "http/record/record_page_support.hpp"

namespace sgwrs::http {

using namespace record_pages;

namespace {

// Whose story it is, and where their page is: the family or the person, read through the
// service (which decides access and audits the view).
struct Subject {
  StorySubject kind;
  Id id;
  std::string name;
  std::string href;
};

std::optional<Subject> subject_of(App& app, const Ctx& c, StorySubject kind, Id id, Errc& refused) {
  if (kind == StorySubject::family) {
    auto f =
        app.svc().records.view_family(*c.actor, id, false, RecordService::kWithoutConversations);
    if (!f) return refused = f.error().code, std::nullopt;
    return Subject{kind, id, f->family.name, "/families/" + std::to_string(id)};
  }
  auto p = app.svc().records.view_person(*c.actor, id);
  if (!p) return refused = p.error().code, std::nullopt;
  return Subject{kind, id, p->person.called() + " " + p->person.family_name,
                 "/people/" + std::to_string(id)};
}

const StoryVersion* version_of(const std::vector<StoryVersion>& all, std::int64_t v) {
  for (const auto& s : all)
    if (s.version == v) return &s;
  return nullptr;
}

Data diff_data(App& app, const Ctx& c, const StoryVersion& from, const StoryVersion& to) {
  // Neighbouring words of the same kind are one run, so a reader hears "added: …" once
  // for a phrase rather than before every word.
  std::vector<DiffPiece> runs;
  for (auto& p : word_diff(from.text, to.text)) {
    if (!runs.empty() && runs.back().run == p.run)
      runs.back().text += p.text;
    else
      runs.push_back(std::move(p));
  }
  Data pieces = list();
  for (const auto& p : runs) {
    Data x = obj();
    x.set("text", p.text);
    x.set(p.run == DiffRun::inserted  ? "inserted"
          : p.run == DiffRun::deleted ? "deleted"
                                      : "kept",
          true);
    pieces.push_back(x);
  }
  Data d = obj();
  d.set("heading", app.cat().format(c.lang, "record.story.compare_heading",
                                    {{"from", std::to_string(from.version)},
                                     {"to", std::to_string(to.version)}}));
  d.set("pieces", pieces);
  return d;
}

// The page: the story in a form to change, its versions, and (when asked) a comparison.
// `typed` is what came back from a refused save; `saved_now` the version it met.
Response story_page(App& app, Ctx& c, const Subject& s, const std::vector<StoryVersion>& all,
                    const std::string* typed, const Error* error) {
  const StoryVersion* latest = all.empty() ? nullptr : &all.front();
  Data d = app.shell(c, app.cat().format(c.lang, "record.story.title", {{"name", s.name}}));
  d.set("heading", app.cat().format(c.lang, "record.story.title", {{"name", s.name}}));
  d.set("back_href", s.href);
  d.set("back", s.name);
  d.set("action", s.href + "/story");
  d.set("text", typed ? *typed : latest ? latest->text : std::string());
  d.set("version", std::to_string(latest ? latest->version : 0));
  if (error) {
    app.error_summary(c, *error, d);
    if (error->code == Errc::stale && latest) {
      d.set("saved_now", latest->text);
      d.set("saved_now_by", app.cat().format(c.lang, "record.story.written_by",
                                             {{"name", latest->author_name},
                                              {"when", format_utc_minute(latest->written_at)}}));
    }
  }
  Data versions = list();
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto& v = all[i];
    Data x = obj();
    x.set("version", std::to_string(v.version));
    x.set("by", v.author_name);
    x.set("when", format_utc_minute(v.written_at));
    if (i + 1 < all.size()) {
      const std::string from = std::to_string(all[i + 1].version), to = std::to_string(v.version);
      x.set("compare_href",
            std::string(
                local_url(s.href + "/story", {{"from", from}, {"to", to}}, "compare").buffer()));
    }
    versions.push_back(x);
  }
  d.set("versions", versions);
  if (!all.empty()) d.set("has_versions", true);
  const auto from = parse_id(c.query.count("from") ? c.query.at("from") : "");
  const auto to = parse_id(c.query.count("to") ? c.query.at("to") : "");
  if (from && to)
    if (const auto* a = version_of(all, *from), *b = version_of(all, *to); a && b)
      d.set("compare", diff_data(app, c, *a, *b));
  return app.page(c, "story", d, error ? App::status_for(error->code) : bhttp::status::ok);
}

template <StorySubject Kind>
Response story_view(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  Errc refused{};
  const auto s = subject_of(app, c, Kind, *id, refused);
  if (!s) return app.error_page(c, App::status_for(refused));
  auto all = app.svc().records.story_history(*c.actor, Kind, *id);
  if (!all) return app.error_page(c, App::status_for(all.error().code));
  return story_page(app, c, *s, *all, nullptr, nullptr);
}

template <StorySubject Kind>
Response story_save(App& app, Ctx& c) {
  auto id = parse_id(c.params["id"]);
  if (!id) return app.error_page(c, bhttp::status::not_found);
  Errc refused{};
  const auto s = subject_of(app, c, Kind, *id, refused);
  if (!s) return app.error_page(c, App::status_for(refused));
  const std::string text = field(*c.form, "story");
  const auto after = parse_id(field(*c.form, "version")).value_or(0);
  auto saved = app.svc().records.save_story(*c.actor, Kind, *id, text, after);
  if (saved) return redirect(c.req, local_url(s->href, {{"done", "story_saved"}}));
  auto all = app.svc().records.story_history(*c.actor, Kind, *id);
  if (!all) return app.error_page(c, App::status_for(all.error().code));
  return story_page(app, c, *s, *all, &text, &saved.error());
}

}  // namespace

void register_story_pages(Router& r, App& app) {
  using bhttp::verb;
  r.add(verb::get, "/families/{id}/story", signed_in<story_view<StorySubject::family>>(app));
  r.add(verb::post, "/families/{id}/story", signed_in<story_save<StorySubject::family>>(app));
  r.add(verb::get, "/people/{id}/story", signed_in<story_view<StorySubject::person>>(app));
  r.add(verb::post, "/people/{id}/story", signed_in<story_save<StorySubject::person>>(app));
}

}  // namespace sgwrs::http
