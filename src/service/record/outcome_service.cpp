#include "service/record/outcome_service.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

#include "service/record/outcome_wording.hpp"
#include "service/record/record_checks.hpp"
#include "store/core/db.hpp"
#include "store/record/outcome_store.hpp"
#include "store/record/person_store.hpp"

namespace sgwrs {
namespace {

namespace rec = store::record;
using namespace record_checks;

// Framework and area ids are written into links for good: lower-case letters, digits, _ or -.
bool well_formed_id(const std::string& id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
  });
}

void check_view(Validator& v, const std::string& field, ViewScore& s, OutcomeScale scale) {
  const auto range = range_of(scale);
  if (s.score < range.low || s.score > range.high) v.fail(field + "_score", "score_out_of_range");
  v.text(field + "_reason", s.reason, 0, kNotes);
}

void check_review(Validator& v, OutcomeReview& r, OutcomeScale scale, std::int64_t now) {
  check_day(v, "reviewed_on", r.reviewed_on, false, false, now);
  check_view(v, "person", r.person_view, scale);
  check_view(v, "worker", r.worker_view, scale);
}

// Links that name no framework mean the current one; every link must name a known area.
void resolve_links(store::Conn& c, Validator& v, std::vector<AreaLink>& links) {
  if (links.empty()) return v.fail("areas", "required");
  const auto current = rec::current_framework(c);
  for (auto& l : links) {
    if (l.framework_id.empty() && current) l.framework_id = current->id;
    if (!rec::area_exists(c, l)) return v.fail("areas", "unknown_area");
  }
  std::sort(links.begin(), links.end(), [](const AreaLink& x, const AreaLink& y) {
    return std::tie(x.framework_id, x.area_id) < std::tie(y.framework_id, y.area_id);
  });
  links.erase(std::unique(links.begin(), links.end()), links.end());
}

AuditService::Entry entry(const Actor& a, std::string action, const Outcome& o,
                          std::map<std::string, std::string> detail, RecordAccess access) {
  detail.emplace("person_id", std::to_string(o.person_id));
  detail.emplace("access", std::string(kRecordAccess.id(access)));
  return {a.user.id,         std::move(action), "ok", "outcome", std::to_string(o.id),
          std::move(detail), a.address};
}

}  // namespace

Result<std::vector<WellbeingFramework>> OutcomeService::frameworks(const Actor&) {
  return gate_.db().transact(store::TxMode::read,
                             [&](store::Conn& c) { return rec::frameworks(c); });
}

Result<WellbeingFramework> OutcomeService::load_framework(const Actor& a, WellbeingFramework f,
                                                          bool make_current) {
  if (a.user.role != Role::administrator) return Error::of(Errc::forbidden, "forbidden");
  Validator v;
  if (!well_formed_id(f.id)) v.fail("id", "invalid_input");
  v.text("name_en", f.name_en, 1, kShortText);
  v.text("name_cy", f.name_cy, 1, kShortText);
  if (f.areas.empty()) v.fail("areas", "required");
  for (std::size_t i = 0; i < f.areas.size(); ++i) {
    const std::string at = "areas." + std::to_string(i) + ".";
    if (!well_formed_id(f.areas[i].id)) v.fail(at + "id", "invalid_input");
    v.text(at + "name_en", f.areas[i].name_en, 1, kShortText);
    v.text(at + "name_cy", f.areas[i].name_cy, 1, kShortText);
  }
  if (!v.ok()) return v.status().error();
  return gate_.db().transact(store::TxMode::write,
                             [&](store::Conn& c) -> Result<WellbeingFramework> {
                               rec::load_framework(c, f, make_current, gate_.now());
                               gate_.record(c, {a.user.id,
                                                "framework.load",
                                                "ok",
                                                "framework",
                                                f.id,
                                                {{"areas", std::to_string(f.areas.size())},
                                                 {"current", make_current ? "yes" : "no"}},
                                                a.address});
                               for (auto& loaded : rec::frameworks(c))
                                 if (loaded.id == f.id) return loaded;
                               return Error::of(Errc::not_found, "not_found");
                             });
}

Result<OutcomeSaved> OutcomeService::create(const Actor& a, NewOutcome n) {
  const auto now = gate_.now();
  Validator v;
  v.text("statement", n.statement, 1, kNotes);
  check_review(v, n.baseline, n.scale, now);
  // The areas are checked against the store, inside; every field is reported at once.
  return gate_.run<OutcomeSaved>(a, [&](store::Conn& c, Refusal& refused) -> Result<OutcomeSaved> {
    const auto access = gate_.to_person(c, a, n.person_id);
    if (access == RecordAccess::none) return refused.of("person", n.person_id);
    resolve_links(c, v, n.areas);
    if (!v.ok()) return v.status().error();
    Outcome o;
    o.person_id = n.person_id;
    o.statement = n.statement;
    o.importance = n.importance;
    o.areas = n.areas;
    o.scale = n.scale;
    o.created_by = a.user.id;
    n.baseline.recorded_by = a.user.id;
    o.reviews = {n.baseline};
    const Outcome saved = rec::insert_outcome(c, o, now);
    gate_.record(c, entry(a, "outcome.create", saved, {}, access));
    return OutcomeSaved{saved, reads_like_service(saved.statement)};
  });
}

Result<OutcomeSaved> OutcomeService::update(const Actor& a, Outcome o) {
  Validator v;
  v.text("statement", o.statement, 1, kNotes);
  return gate_.run<OutcomeSaved>(a, [&](store::Conn& c, Refusal& refused) -> Result<OutcomeSaved> {
    const auto stored = rec::find_outcome(c, o.id);
    const auto access = stored ? gate_.to_person(c, a, stored->person_id) : RecordAccess::none;
    if (access == RecordAccess::none) return refused.of("outcome", o.id);
    resolve_links(c, v, o.areas);
    if (!v.ok()) return v.status().error();
    auto saved = rec::update_outcome(c, o);
    if (!saved) return saved.error();
    std::map<std::string, std::string> changed;
    if (stored->statement != saved->statement)
      changed.insert({"statement", stored->statement + " → " + saved->statement});
    if (stored->status != saved->status)
      changed.insert({"status", std::string(kOutcomeStatuses.id(stored->status)) + " → " +
                                    std::string(kOutcomeStatuses.id(saved->status))});
    if (stored->importance != saved->importance)
      changed.insert({"importance", std::string(kImportance.id(stored->importance)) + " → " +
                                        std::string(kImportance.id(saved->importance))});
    gate_.record(c, entry(a, "outcome.update", *saved, std::move(changed), access));
    return OutcomeSaved{*saved, reads_like_service(saved->statement)};
  });
}

Result<Outcome> OutcomeService::review(const Actor& a, OutcomeReview r,
                                       std::optional<OutcomeStatus> status) {
  const auto now = gate_.now();
  return gate_.run<Outcome>(a, [&](store::Conn& c, Refusal& refused) -> Result<Outcome> {
    auto o = rec::find_outcome(c, r.outcome_id);
    const auto access = o ? gate_.to_person(c, a, o->person_id) : RecordAccess::none;
    if (access == RecordAccess::none) return refused.of("outcome", r.outcome_id);
    Validator v;
    check_review(v, r, o->scale, now);
    if (!o->reviews.empty() && !r.reviewed_on.empty() &&
        r.reviewed_on < o->reviews.front().reviewed_on)
      v.fail("reviewed_on", "before_baseline");
    if (!v.ok()) return v.status().error();
    r.recorded_by = a.user.id;
    const auto added = rec::insert_review(c, r, now);
    std::map<std::string, std::string> detail{{"review_id", std::to_string(added.id)},
                                              {"scores", std::to_string(r.person_view.score) + "/" +
                                                             std::to_string(r.worker_view.score)}};
    if (status && *status != o->status) {
      auto moved = *rec::find_outcome(c, o->id);
      detail.insert({"status", std::string(kOutcomeStatuses.id(moved.status)) + " → " +
                                   std::string(kOutcomeStatuses.id(*status))});
      moved.status = *status;
      if (auto s = rec::update_outcome(c, moved); !s) return s.error();
    }
    auto now_stored = *rec::find_outcome(c, o->id);
    gate_.record(c, entry(a, "outcome.review", now_stored, std::move(detail), access));
    return now_stored;
  });
}

Result<Outcome> OutcomeService::get(const Actor& a, Id id) {
  return gate_.view<Outcome>(a, [&](store::Conn& c, Refusal& refused) -> Result<Outcome> {
    auto o = rec::find_outcome(c, id);
    const auto access = o ? gate_.to_person(c, a, o->person_id) : RecordAccess::none;
    if (access == RecordAccess::none) return refused.of("outcome", id);
    gate_.record(c, entry(a, "outcome.view", *o, {}, access));
    return *o;
  });
}

Result<std::vector<Outcome>> OutcomeService::of_person(const Actor& a, Id person_id) {
  return gate_.view<std::vector<Outcome>>(
      a, [&](store::Conn& c, Refusal& refused) -> Result<std::vector<Outcome>> {
        const auto access = gate_.to_person(c, a, person_id);
        if (access == RecordAccess::none) return refused.of("person", person_id);
        auto list = rec::outcomes_of_person(c, person_id);
        gate_.record(c, {a.user.id,
                         "outcome.list",
                         "ok",
                         "person",
                         std::to_string(person_id),
                         {{"outcomes", std::to_string(list.size())},
                          {"access", std::string(kRecordAccess.id(access))}},
                         a.address});
        return list;
      });
}

}  // namespace sgwrs
