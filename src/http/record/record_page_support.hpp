#pragma once
// What the record's page handlers share: labels of the record's closed sets in the reader's
// language, the options of a select built from one, and the signed-in guard that sends a
// visitor to sign in and back.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <chrono>

#include "domain/core/date.hpp"
#include "domain/core/numbers.hpp"
#include "domain/record/marking.hpp"
#include "http/core/app.hpp"
#include "http/record/reveal.hpp"

namespace sgwrs::http::record_pages {

using web::Data;
using web::list;
using web::obj;

// Today, as the forms show a day (the default of a date people usually mean as today).
inline std::string today_text() {
  using namespace std::chrono;
  return format_iso_date(Date{floor<days>(system_clock::now())});
}

inline std::string id_text(Id id) {
  return std::to_string(id);
}
inline std::string optional_text(const std::optional<Id>& id) {
  return id ? std::to_string(*id) : std::string();
}

// "record.<group>.<id>" in the reader's language.
inline std::string label(App& app, const Ctx& c, std::string_view group, std::string_view id) {
  return app.t(c, "record." + std::string(group) + "." + std::string(id));
}

template <typename Set>
std::vector<std::pair<std::string, std::string>> options(App& app, const Ctx& c,
                                                         std::string_view group, const Set& set) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto v : set.values())
    out.emplace_back(std::string(set.id(v)), label(app, c, group, set.id(v)));
  return out;
}

// Scores as a select with an empty first choice, so no score is given by accident.
inline std::vector<std::pair<std::string, std::string>> score_options(App& app, const Ctx& c,
                                                                      int high = 10) {
  std::vector<std::pair<std::string, std::string>> out{
      {"", app.t(c, "record.outcome.choose_score")}};
  for (int s = 0; s <= high; ++s) out.emplace_back(std::to_string(s), std::to_string(s));
  return out;
}
inline std::string score_value(int s) {
  return s < 0 ? "" : std::to_string(s);
}
// The score chosen, or -1 (outside every scale) for none or anything that is not a number
// from 0 to 10; the service names the field.
inline int score_from(const Ctx& c, const char* name) {
  const auto v = parse_number<int>(field(*c.form, name));
  return v && *v >= 0 && *v <= 10 ? *v : -1;
}

// Beside a form refused as stale: what is saved now (label key, text), so the person can keep
// what they need from both.
inline void show_saved_now(App& app, const Ctx& c, Data& d,
                           const std::vector<std::pair<std::string, std::string>>& saved) {
  Data items = list();
  for (const auto& [label_key, text] : saved) {
    Data i = obj();
    i.set("label", app.t(c, label_key));
    i.set("text", text);
    items.push_back(i);
  }
  Data panel = obj();
  panel.set("heading", app.t(c, "record.outcome.saved_heading"));
  panel.set("items", items);
  d.set("saved_now", panel);
}

// The field that marks an item sensitive, on the form of every kind of item that can be.
inline Field sensitive_field(const Marking& m) {
  return {"sensitive_reason", "core.fields.sensitive_reason", "core.hints.sensitive_item", "text",
          m.sensitive_reason};
}
inline void marking_from_form(const Ctx& c, Marking& m) {
  m.sensitive_reason = field(*c.form, "sensitive_reason");
}

// An item's mark on a page: `sensitive` (its reason) beside the tag, or, held back from a
// break-glass reader, `withheld` (saying so) in place of what it says and of its change link.
inline void set_marking(App& app, const Ctx& c, Data& x, const Marking& m) {
  if (m.sensitive()) x.set("sensitive", m.sensitive_reason);
  if (m.withheld) x.set("withheld", app.t(c, "record.sensitive.item_withheld"));
}

// Signed in, or to the sign-in page and back here afterwards.
template <Response (*F)(App&, Ctx&)>
Handler signed_in(App& app) {
  return [&app](Ctx& c) { return c.signed_in() ? F(app, c) : app.require_sign_in(c); };
}

}  // namespace sgwrs::http::record_pages
