#include "store/record/person_store.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "store/core/closed_set_column.hpp"
#include "store/core/versioned.hpp"

namespace sgwrs::store::record {
namespace {

constexpr const char* kPersonCols =
    "id, organisation_id, given_name, family_name, preferred_name, pronouns, date_of_birth, "
    "date_of_birth_expected, preferred_language, active_offer_on, interpreter, bsl, "
    "non_verbal, capacity_notes, communication_other, version, created_at";

Person person_from(const Row& r) {
  Person p;
  p.id = r.i64(0);
  p.organisation_id = r.i64(1);
  p.given_name = r.text(2);
  p.family_name = r.text(3);
  p.preferred_name = r.text(4);
  p.pronouns = r.text(5);
  p.date_of_birth = r.text(6);
  p.date_of_birth_expected = r.i64(7) != 0;
  p.preferred_language = stored_value(kLanguages, r.text(8), "people.preferred_language");
  p.active_offer_on = r.text(9);
  p.communication = {r.i64(10) != 0, r.i64(11) != 0, r.i64(12) != 0, r.text(13), r.text(14)};
  p.version = r.i64(15);
  p.created_at = r.i64(16);
  return p;
}

void write_name_keys(Conn& c, Id person, const std::vector<std::string>& keys) {
  c.exec("DELETE FROM person_name_keys WHERE person_id = ?", {person});
  for (const auto& k : keys)
    c.exec(
        "INSERT INTO person_name_keys (person_id, name_key) VALUES (?, ?) "
        "ON CONFLICT DO NOTHING",
        {person, k});
}

Params person_values(const Person& p) {
  return {p.given_name,
          p.family_name,
          p.preferred_name,
          p.pronouns,
          p.date_of_birth,
          std::int64_t{p.date_of_birth_expected},
          std::string(kLanguages.id(p.preferred_language)),
          p.active_offer_on,
          std::int64_t{p.communication.interpreter},
          std::int64_t{p.communication.bsl},
          std::int64_t{p.communication.non_verbal},
          p.communication.capacity_notes,
          p.communication.other};
}

}  // namespace

Person insert_person(Conn& c, Person p, const std::vector<std::string>& name_keys, Id by,
                     std::int64_t now) {
  Params values = person_values(p);
  values.insert(values.begin(), p.organisation_id);
  values.push_back(now);
  values.push_back(by == 0 ? null_value() : Value(by));
  p.id = c.query(
              "INSERT INTO people (organisation_id, given_name, family_name, preferred_name, "
              "pronouns, date_of_birth, date_of_birth_expected, preferred_language, "
              "active_offer_on, interpreter, bsl, non_verbal, capacity_notes, "
              "communication_other, version, created_at, created_by) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
              values)
             .at(0)
             .i64(0);
  p.version = 1;
  p.created_at = now;
  write_name_keys(c, p.id, name_keys);
  return p;
}

std::optional<Person> find_person(Conn& c, Id id) {
  const auto rows = c.query(fmt::format("SELECT {} FROM people WHERE id = ?", kPersonCols), {id});
  if (rows.empty()) return std::nullopt;
  return person_from(rows[0]);
}

Result<Person> update_person(Conn& c, const Person& p, const std::vector<std::string>& name_keys) {
  Params values = person_values(p);
  values.push_back(p.id);
  values.push_back(p.version);
  const auto n = c.exec(
      "UPDATE people SET given_name = ?, family_name = ?, preferred_name = ?, pronouns = ?, "
      "date_of_birth = ?, date_of_birth_expected = ?, preferred_language = ?, "
      "active_offer_on = ?, interpreter = ?, bsl = ?, non_verbal = ?, capacity_notes = ?, "
      "communication_other = ?, version = version + 1 WHERE id = ? AND version = ?",
      values);
  if (n != 1) return missing_or_stale(c, "people", p.id);
  write_name_keys(c, p.id, name_keys);
  return *find_person(c, p.id);
}

std::vector<Person> people_by_name_prefixes(Conn& c, const Reach& reach,
                                            const std::vector<std::string>& prefixes,
                                            std::size_t limit) {
  if (prefixes.empty()) return {};
  // One condition per word typed: "sion lly" finds people with a name starting "sion" and
  // one starting "lly". The keys are folded, so the range [prefix, prefix + U+10FFFF) is
  // every key that starts with it. The longest word leads, as a range of the keys' primary
  // key, and the other words are probes of the keys by person inside that same subquery, so
  // every word is matched in the two key indexes alone and only the people who match them
  // all are read from the table (half the time of reading every candidate of the first word;
  // docs/performance.md).
  std::vector<std::string> words = prefixes;
  std::stable_sort(words.begin(), words.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  const auto upper = [](const std::string& p) { return p + "\xF4\x8F\xBF\xBF"; };
  std::string sql = fmt::format(
      "SELECT {} FROM people WHERE id IN (SELECT k.person_id FROM person_name_keys k WHERE "
      "k.name_key >= ? AND k.name_key < ?",
      kPersonCols);
  Params params{words.front(), upper(words.front())};
  for (std::size_t i = 1; i < words.size(); ++i) {
    sql +=
        " AND EXISTS (SELECT 1 FROM person_name_keys o WHERE o.person_id = k.person_id AND "
        "o.name_key >= ? AND o.name_key < ?)";
    params.push_back(words[i]);
    params.push_back(upper(words[i]));
  }
  sql += ") AND organisation_id = ?";
  params.push_back(reach.organisation_id);
  if (!reach.whole_organisation) {
    // Checked only for the people whose names match, so the filter costs a few index
    // probes per candidate and the limit is of people the searcher may open.
    sql +=
        " AND EXISTS (SELECT 1 FROM family_members m WHERE m.person_id = people.id AND ("
        "EXISTS (SELECT 1 FROM involvements v WHERE v.family_id = m.family_id AND "
        "(v.lead_worker_id = ? OR v.pod_id = ?)) OR "
        "EXISTS (SELECT 1 FROM break_glass b WHERE b.family_id = m.family_id AND "
        "b.user_id = ? AND b.ends_at > ?)))";
    params.push_back(reach.user_id);
    params.push_back(opt(reach.pod_id));
    params.push_back(reach.user_id);
    params.push_back(reach.now);
  }
  sql += fmt::format(" ORDER BY family_name, given_name, id LIMIT {}", limit);
  std::vector<Person> out;
  for (const auto& r : c.query(sql, params)) out.push_back(person_from(r));
  return out;
}

}  // namespace sgwrs::store::record
