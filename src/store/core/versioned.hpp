#pragma once
// Rows that carry a version: an UPDATE ... WHERE id = ? AND version = ? that touched nothing
// either met a row that is gone or one that changed since the caller read it.
#include <fmt/format.h>

#include <string_view>

#include "domain/core/result.hpp"
#include "store/core/db.hpp"

namespace sgwrs::store {

// `table` is always a literal of the store, never input.
inline Error missing_or_stale(Conn& c, std::string_view table, std::int64_t id) {
  const auto rows = c.query(fmt::format("SELECT 1 FROM {} WHERE id = ?", table), {id});
  return rows.empty() ? Error::of(Errc::not_found, "not_found") : Error::of(Errc::stale, "stale");
}

}  // namespace sgwrs::store
