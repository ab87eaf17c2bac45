#pragma once
// Values the analysis repositories share when they write rows.
#include <optional>

#include "store/core/db.hpp"

namespace sgwrs::store::analysis {

// The command-line operator acts as user 0, who has no row: recorded as nobody.
inline Value by_user(std::optional<Id> id) {
  return id && *id != 0 ? Value(*id) : null_value();
}

}  // namespace sgwrs::store::analysis
