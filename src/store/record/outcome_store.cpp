#include "store/record/outcome_store.hpp"

#include <fmt/format.h>

#include <map>

#include "store/core/closed_set_column.hpp"
#include "store/core/versioned.hpp"

namespace sgwrs::store::record {
namespace {

std::vector<WellbeingArea> areas_of(Conn& c, const std::string& framework_id) {
  std::vector<WellbeingArea> out;
  for (const auto& r : c.query("SELECT area_id, name_en, name_cy, applies_to FROM wellbeing_areas "
                               "WHERE framework_id = ? ORDER BY position, area_id",
                               {framework_id}))
    out.push_back({r.text(0), r.text(1), r.text(2),
                   stored_value(kAreaAppliesTo, r.text(3), "wellbeing_areas.applies_to")});
  return out;
}

constexpr const char* kOutcomeCols =
    "id, person_id, statement, importance, scale, status, version, created_by, created_at";

Outcome outcome_from(const Row& r) {
  Outcome o;
  o.id = r.i64(0);
  o.person_id = r.i64(1);
  o.statement = r.text(2);
  o.importance = stored_value(kImportance, r.text(3), "outcomes.importance");
  o.scale = stored_value(kOutcomeScales, r.text(4), "outcomes.scale");
  o.status = stored_value(kOutcomeStatuses, r.text(5), "outcomes.status");
  o.version = r.i64(6);
  o.created_by = r.opt_i64(7).value_or(0);
  o.created_at = r.i64(8);
  return o;
}

constexpr const char* kReviewCols =
    "r.id, r.outcome_id, r.reviewed_on, r.person_score, r.person_reason, r.worker_score, "
    "r.worker_reason, r.recorded_by, COALESCE(u.display_name, ''), r.recorded_at";

OutcomeReview review_from(const Row& r) {
  OutcomeReview v;
  v.id = r.i64(0);
  v.outcome_id = r.i64(1);
  v.reviewed_on = r.text(2);
  v.person_view = {static_cast<int>(r.i64(3)), r.text(4)};
  v.worker_view = {static_cast<int>(r.i64(5)), r.text(6)};
  v.recorded_by = r.opt_i64(7).value_or(0);
  v.recorded_by_name = r.text(8);
  v.recorded_at = r.i64(9);
  return v;
}

void write_links(Conn& c, const Outcome& o) {
  c.exec("DELETE FROM outcome_areas WHERE outcome_id = ?", {o.id});
  for (const auto& l : o.areas)
    c.exec(
        "INSERT INTO outcome_areas (outcome_id, framework_id, area_id) VALUES (?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        {o.id, l.framework_id, l.area_id});
}

// Links and reviews for outcomes chosen by `where` (over outcomes o), in two queries
// whatever their number.
void fill_parts(Conn& c, std::vector<Outcome>& outcomes, const std::string& where,
                const Params& params) {
  std::map<Id, Outcome*> by_id;
  for (auto& o : outcomes) by_id[o.id] = &o;
  for (const auto& r : c.query(fmt::format("SELECT a.outcome_id, a.framework_id, a.area_id "
                                           "FROM outcome_areas a JOIN outcomes o ON o.id = "
                                           "a.outcome_id WHERE {} ORDER BY a.framework_id, "
                                           "a.area_id",
                                           where),
                               params))
    if (auto it = by_id.find(r.i64(0)); it != by_id.end())
      it->second->areas.push_back({r.text(1), r.text(2)});
  for (const auto& r : c.query(fmt::format("SELECT {} FROM outcome_reviews r JOIN outcomes o ON "
                                           "o.id = r.outcome_id LEFT JOIN users u ON u.id = "
                                           "r.recorded_by WHERE {} ORDER BY r.reviewed_on, r.id",
                                           kReviewCols, where),
                               params))
    if (auto it = by_id.find(r.i64(1)); it != by_id.end())
      it->second->reviews.push_back(review_from(r));
}

std::vector<Outcome> outcomes_where(Conn& c, const std::string& where, const Params& params) {
  std::vector<Outcome> out;
  for (const auto& r :
       c.query(fmt::format("SELECT {} FROM outcomes o WHERE {} ORDER BY o.id", kOutcomeCols, where),
               params))
    out.push_back(outcome_from(r));
  if (!out.empty()) fill_parts(c, out, where, params);
  return out;
}

void insert_review_row(Conn& c, OutcomeReview& r, std::int64_t now) {
  r.id =
      c.query(
           "INSERT INTO outcome_reviews (outcome_id, reviewed_on, person_score, "
           "person_reason, worker_score, worker_reason, recorded_by, recorded_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
           {r.outcome_id, r.reviewed_on, std::int64_t{r.person_view.score}, r.person_view.reason,
            std::int64_t{r.worker_view.score}, r.worker_view.reason, by_user(r.recorded_by), now})
          .at(0)
          .i64(0);
  r.recorded_at = now;
}

}  // namespace

std::vector<WellbeingFramework> frameworks(Conn& c) {
  std::vector<WellbeingFramework> out;
  for (const auto& r : c.query("SELECT id, name_en, name_cy, is_current FROM wellbeing_frameworks "
                               "ORDER BY is_current DESC, id",
                               {})) {
    WellbeingFramework f{r.text(0), r.text(1), r.text(2), {}, r.i64(3) != 0};
    f.areas = areas_of(c, f.id);
    out.push_back(std::move(f));
  }
  return out;
}

std::optional<WellbeingFramework> current_framework(Conn& c) {
  const auto rows =
      c.query("SELECT id, name_en, name_cy FROM wellbeing_frameworks WHERE is_current = 1", {});
  if (rows.empty()) return std::nullopt;
  WellbeingFramework f{rows[0].text(0), rows[0].text(1), rows[0].text(2), {}, true};
  f.areas = areas_of(c, f.id);
  return f;
}

void load_framework(Conn& c, const WellbeingFramework& f, bool make_current, std::int64_t now) {
  if (make_current)
    c.exec("UPDATE wellbeing_frameworks SET is_current = 0 WHERE is_current = 1", {});
  c.exec(
      "INSERT INTO wellbeing_frameworks (id, name_en, name_cy, is_current, loaded_at) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name_en = excluded.name_en, "
      "name_cy = excluded.name_cy, loaded_at = excluded.loaded_at",
      {f.id, f.name_en, f.name_cy, std::int64_t{0}, now});
  if (make_current) c.exec("UPDATE wellbeing_frameworks SET is_current = 1 WHERE id = ?", {f.id});
  std::int64_t position = 0;
  for (const auto& a : f.areas)
    c.exec(
        "INSERT INTO wellbeing_areas (framework_id, area_id, name_en, name_cy, applies_to, "
        "position) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (framework_id, area_id) DO UPDATE SET "
        "name_en = excluded.name_en, name_cy = excluded.name_cy, applies_to = "
        "excluded.applies_to, position = excluded.position",
        {f.id, a.id, a.name_en, a.name_cy, std::string(kAreaAppliesTo.id(a.applies_to)),
         ++position});
}

bool area_exists(Conn& c, const AreaLink& link) {
  return !c.query("SELECT 1 FROM wellbeing_areas WHERE framework_id = ? AND area_id = ?",
                  {link.framework_id, link.area_id})
              .empty();
}

Outcome insert_outcome(Conn& c, Outcome o, std::int64_t now) {
  o.id = c.query(
              "INSERT INTO outcomes (person_id, statement, importance, scale, status, version, "
              "created_by, created_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
              {o.person_id, o.statement, std::string(kImportance.id(o.importance)),
               std::string(kOutcomeScales.id(o.scale)), std::string(kOutcomeStatuses.id(o.status)),
               by_user(o.created_by), now})
             .at(0)
             .i64(0);
  o.version = 1;
  o.created_at = now;
  write_links(c, o);
  for (auto& r : o.reviews) {
    r.outcome_id = o.id;
    insert_review_row(c, r, now);
  }
  return *find_outcome(c, o.id);
}

std::optional<Outcome> find_outcome(Conn& c, Id id) {
  auto found = outcomes_where(c, "o.id = ?", {id});
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<Outcome> outcomes_of_person(Conn& c, Id person_id) {
  return outcomes_where(c, "o.person_id = ?", {person_id});
}

Result<Outcome> update_outcome(Conn& c, const Outcome& o) {
  if (c.exec("UPDATE outcomes SET statement = ?, importance = ?, status = ?, "
             "version = version + 1 WHERE id = ? AND version = ?",
             {o.statement, std::string(kImportance.id(o.importance)),
              std::string(kOutcomeStatuses.id(o.status)), o.id, o.version}) != 1)
    return missing_or_stale(c, "outcomes", o.id);
  write_links(c, o);
  return *find_outcome(c, o.id);
}

OutcomeReview insert_review(Conn& c, OutcomeReview r, std::int64_t now) {
  insert_review_row(c, r, now);
  c.exec("UPDATE outcomes SET version = version + 1 WHERE id = ?", {r.outcome_id});
  return r;
}

}  // namespace sgwrs::store::record
