#pragma once
// People on the record, and the folded name keys that search reads.
#include <optional>
#include <string>
#include <vector>

#include "domain/core/result.hpp"
#include "domain/record/reach.hpp"
#include "domain/record/record.hpp"
#include "store/core/db.hpp"

namespace sgwrs::store::record {

Person insert_person(Conn& c, Person p, const std::vector<std::string>& name_keys, Id by,
                     std::int64_t now);
std::optional<Person> find_person(Conn& c, Id id);
// Writes the edit when `p.version` is still the stored one; stale otherwise.
Result<Person> update_person(Conn& c, const Person& p, const std::vector<std::string>& name_keys);
// People within `reach` with a name key starting with each of `prefixes` (folded), at most
// `limit`, by family name.
std::vector<Person> people_by_name_prefixes(Conn& c, const Reach& reach,
                                            const std::vector<std::string>& prefixes,
                                            std::size_t limit);

}  // namespace sgwrs::store::record
