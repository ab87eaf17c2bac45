#pragma once
// Reading a closed set's id back from a column: a value Sgwrs never writes means the
// database is not the one this Sgwrs expects, which is a schema failure, not a default.
#include <fmt/format.h>

#include <string_view>

#include "domain/core/closed_set.hpp"
#include "store/core/db.hpp"

namespace sgwrs::store {

template <typename E, std::size_t N>
E stored_value(const ClosedSet<E, N>& set, std::string_view text, std::string_view column) {
  if (const auto value = set.parse(text)) return *value;
  throw StoreError(StoreError::Kind::schema,
                   fmt::format("{} holds '{}', which this Sgwrs does not know", column, text));
}

}  // namespace sgwrs::store
