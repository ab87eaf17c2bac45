#pragma once
#include <memory>
#include <string>

#include "store/core/db.hpp"

namespace sgwrs::store {

// Opens (creating if needed) a SQLite database in WAL mode with synchronous=FULL, foreign
// keys on and a busy timeout; throws StoreError if any setting does not read back.
std::unique_ptr<Db> open_sqlite(const std::string& path, const DbOptions& opts);

}  // namespace sgwrs::store
