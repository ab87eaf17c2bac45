#pragma once
// The shape every versioned item of a family's record is saved, read and listed in (strengths,
// network members, safety statements): under the family's access (RecordGate), the
// family-dependent checks inside the transaction, the audit line in the same transaction,
// and a change log of what changed from what to what. Each item can be marked sensitive
// (marking.hpp): a break-glass reader sees a sensitive item withheld (the type's
// `withhold(T&)`) until they ask to see it, which is audited, and cannot change it. Each
// service passes its store's functions; this header knows the store only as `store::Conn&`.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/core/validation.hpp"
#include "service/record/family_links.hpp"
#include "service/record/marking.hpp"
#include "service/record/record_checks.hpp"
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
  v.text("sensitive_reason", item.marking.sensitive_reason, 0, record_checks::kNotes);
  return gate.run<T>(a, [&](store::Conn& c, Refusal& refused) -> Result<T> {
    std::optional<T> stored;
    if (item.id != 0) {
      stored = find(c, item.id);
      if (!stored) return refused.of(type, item.id);
      item.family_id = stored->family_id;
      stored->marking.sensitive_reason =
          marking::reason_of(marking::of_family(c, item.family_id), type, item.id);
    }
    const auto access = gate.to_family(c, a, item.family_id);
    if (access == RecordAccess::none)
      return refused.of(stored ? type : "family", stored ? item.id : item.family_id);
    // What a break-glass reader was never shown, they cannot change.
    if (stored && stored->marking.sensitive() && access == RecordAccess::break_glass)
      return Error::of(Errc::forbidden, "sensitive_withheld");
    check(c, family_links::family_of(c, item.family_id));
    if (!v.ok()) return v.status().error();
    const std::string action = std::string(type) + (stored ? ".update" : ".create");
    const auto mark = [&](T& saved) {
      if (!stored || stored->marking.sensitive_reason != item.marking.sensitive_reason)
        marking::put(c, type, saved.id, saved.family_id, item.marking.sensitive_reason, a.user.id,
                     now);
      saved.marking.sensitive_reason = item.marking.sensitive_reason;
    };
    if (!stored) {
      item.created_by = a.user.id;
      T saved = insert(c, item, now);
      mark(saved);
      gate.record(c, RecordGate::entry(a, action, type, saved.id, saved.family_id, access));
      return saved;
    }
    auto saved = update(c, item);
    if (!saved) return saved;
    mark(*saved);
    auto changed = changes(*stored, *saved);
    changed_text(changed, "sensitive_reason", stored->marking.sensitive_reason,
                 saved->marking.sensitive_reason);
    gate.record(c, RecordGate::entry(a, action, type, saved->id, saved->family_id, access,
                                     std::move(changed)));
    return saved;
  });
}

// Fills in each item's mark; a break-glass reader gets sensitive items withheld, or, when
// they asked to see them (`reveal`), shown, with an audit line saying how many.
template <typename T>
void apply_marks(const RecordGate& gate, store::Conn& c, const Actor& a, std::vector<T*> items,
                 Id family_id, const char* type, RecordAccess access, bool reveal) {
  const auto marks = marking::of_family(c, family_id);
  if (marks.empty()) return;
  int revealed = 0;
  for (T* item : items) {
    item->marking.sensitive_reason = marking::reason_of(marks, type, item->id);
    if (!item->marking.sensitive() || access != RecordAccess::break_glass) continue;
    if (reveal)
      ++revealed;
    else
      withhold(*item);
  }
  if (revealed)
    gate.record(c, RecordGate::entry(a, "sensitive.reveal", "family", family_id, family_id, access,
                                     {{"items", std::to_string(revealed)}, {"item_type", type}}));
}

template <typename T, typename Find>
Result<T> get_item(const RecordGate& gate, const Actor& a, Id id, const char* type, Find find,
                   bool reveal = false) {
  return gate.view<T>(a, [&](store::Conn& c, Refusal& refused) -> Result<T> {
    auto stored = find(c, id);
    const auto access = stored ? gate.to_family(c, a, stored->family_id) : RecordAccess::none;
    if (access == RecordAccess::none) return refused.of(type, id);
    apply_marks<T>(gate, c, a, {&*stored}, stored->family_id, type, access, reveal);
    gate.record(
        c, RecordGate::entry(a, std::string(type) + ".view", type, id, stored->family_id, access));
    return std::move(*stored);
  });
}

template <typename T, typename List>
Result<std::vector<T>> list_items(const RecordGate& gate, const Actor& a, Id family_id,
                                  const char* type, List list, bool reveal = false) {
  return gate.view<std::vector<T>>(
      a, [&](store::Conn& c, Refusal& refused) -> Result<std::vector<T>> {
        const auto access = gate.to_family(c, a, family_id);
        if (access == RecordAccess::none) return refused.of("family", family_id);
        auto out = list(c, family_id);
        if constexpr (requires(T t) { t.marking; }) {  // scalings are never marked
          std::vector<T*> items;
          for (auto& x : out) items.push_back(&x);
          apply_marks<T>(gate, c, a, std::move(items), family_id, type, access, reveal);
        }
        gate.record(c, RecordGate::entry(a, std::string(type) + ".list", "family", family_id,
                                         family_id, access));
        return out;
      });
}

}  // namespace sgwrs::family_items
