#pragma once
// The shape every versioned item of a family's record is saved, read and listed in (strengths,
// network members, safety statements): under the family's access (RecordGate), the
// family-dependent checks inside the transaction, the audit line in the same transaction,
// and a change log of what changed from what to what. Each service passes its store's
// functions; this header knows the store only as `store::Conn&`.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/core/validation.hpp"
#include "service/record/family_links.hpp"
#include "service/record/record_gate.hpp"

namespace sgwrs::family_items {

// "old → new" for each text field a change touched, for the change log.
inline void changed_text(std::map<std::string, std::string>& out, const char* field,
                         const std::string& was, const std::string& now) {
  if (was != now) out[field] = was + " → " + now;
}

// Saves a new item or a change to a stored one, under the family's access: `find` reads
// the stored item, `check` adds the family-dependent checks to `v`, `insert`/`update` write.
template <typename T, typename Find, typename Check, typename Insert, typename Update,
          typename Changes>
Result<T> save_item(const RecordGate& gate, const Actor& a, T item, Validator& v, const char* type,
                    Find find, Check check, Insert insert, Update update, Changes changes) {
  const auto now = gate.now();
  return gate.run<T>(a, [&](store::Conn& c, Refusal& refused) -> Result<T> {
    std::optional<T> stored;
    if (item.id != 0) {
      stored = find(c, item.id);
      if (!stored) return refused.of(type, item.id);
      item.family_id = stored->family_id;
    }
    const auto access = gate.to_family(c, a, item.family_id);
    if (access == RecordAccess::none)
      return refused.of(stored ? type : "family", stored ? item.id : item.family_id);
    check(c, family_links::family_of(c, item.family_id));
    if (!v.ok()) return v.status().error();
    const std::string action = std::string(type) + (stored ? ".update" : ".create");
    if (!stored) {
      item.created_by = a.user.id;
      const T saved = insert(c, item, now);
      gate.record(c, RecordGate::entry(a, action, type, saved.id, saved.family_id, access));
      return saved;
    }
    auto saved = update(c, item);
    if (!saved) return saved;
    gate.record(c, RecordGate::entry(a, action, type, saved->id, saved->family_id, access,
                                     changes(*stored, *saved)));
    return saved;
  });
}

template <typename T, typename Find>
Result<T> get_item(const RecordGate& gate, const Actor& a, Id id, const char* type, Find find) {
  return gate.view<T>(a, [&](store::Conn& c, Refusal& refused) -> Result<T> {
    auto stored = find(c, id);
    const auto access = stored ? gate.to_family(c, a, stored->family_id) : RecordAccess::none;
    if (access == RecordAccess::none) return refused.of(type, id);
    gate.record(
        c, RecordGate::entry(a, std::string(type) + ".view", type, id, stored->family_id, access));
    return std::move(*stored);
  });
}

template <typename T, typename List>
Result<std::vector<T>> list_items(const RecordGate& gate, const Actor& a, Id family_id,
                                  const char* type, List list) {
  return gate.view<std::vector<T>>(
      a, [&](store::Conn& c, Refusal& refused) -> Result<std::vector<T>> {
        const auto access = gate.to_family(c, a, family_id);
        if (access == RecordAccess::none) return refused.of("family", family_id);
        gate.record(c, RecordGate::entry(a, std::string(type) + ".list", "family", family_id,
                                         family_id, access));
        return list(c, family_id);
      });
}

}  // namespace sgwrs::family_items
