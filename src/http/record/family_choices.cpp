#include "http/record/family_choices.hpp"

#include <algorithm>

#include "http/core/request.hpp"
#include "http/record/record_page_support.hpp"

namespace sgwrs::http::record_pages {

FamilyChoices choices(App& app, const Ctx& c, const FamilyRecord& f) {
  FamilyChoices out;
  out.people.emplace_back("", app.t(c, "record.plan.nobody_in_family"));
  out.outcomes.emplace_back("", app.t(c, "record.plan.no_outcome"));
  for (const auto& p : f.people) {
    out.people.emplace_back(id_text(p.id), p.called() + " " + p.family_name);
    if (auto os = app.svc().outcomes.of_person(*c.actor, p.id))
      for (const auto& o : *os) {
        const auto text = p.called() + ": “" + o.statement + "”";
        out.outcomes.emplace_back(id_text(o.id), text);
        out.outcome_list.emplace_back(o.id, text);
      }
  }
  return out;
}

FamilyWords family_words(App& app, const Ctx& c, const FamilyRecord& f) {
  FamilyWords out;
  for (const auto& p : f.people) {
    out.names[p.id] = p.called();
    if (auto os = app.svc().outcomes.of_person(*c.actor, p.id))
      for (const auto& o : *os) out.outcomes[o.id] = o.statement;
  }
  return out;
}

std::string FamilyWords::name_of(const std::optional<Id>& person) const {
  const auto it = person ? names.find(*person) : names.end();
  return it == names.end() ? std::string() : it->second;
}

std::string FamilyWords::quoted(const std::vector<Id>& outcome_ids) const {
  std::string out;
  for (Id o : outcome_ids)
    if (const auto it = outcomes.find(o); it != outcomes.end())
      out += (out.empty() ? "“" : "; “") + it->second + "”";
  return out;
}

std::optional<FamilyRecord> family_of(App& app, const Ctx& c, Id id, Response& refusal) {
  auto f = app.svc().records.view_family(*c.actor, id, false, RecordService::kWithoutConversations);
  if (!f) {
    refusal = app.error_page(c, App::status_for(f.error().code));
    return std::nullopt;
  }
  return std::move(*f);
}

void add_outcome_boxes(App& app, const Ctx& c, const FamilyChoices& ch,
                       const std::string& label_key, const std::vector<Id>& ticked,
                       std::vector<Field>& out) {
  for (const auto& [oid, text] : ch.outcome_list) {
    Field box{"outcome_" + id_text(oid), "", "", "checkbox", "yes"};
    box.label = app.cat().format(c.lang, label_key, {{"outcome", text}});
    box.checked = std::find(ticked.begin(), ticked.end(), oid) != ticked.end();
    out.push_back(box);
  }
}

std::vector<Id> outcomes_ticked(const Ctx& c, const FamilyChoices& ch) {
  std::vector<Id> out;
  for (const auto& [oid, text] : ch.outcome_list)
    if (field(*c.form, "outcome_" + id_text(oid)) == "yes") out.push_back(oid);
  return out;
}

}  // namespace sgwrs::http::record_pages
