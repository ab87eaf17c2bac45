#pragma once
#include <memory>
#include <string>

#include "store/core/db.hpp"

namespace sgwrs::store {

// Connects a pool of libpq connections to a PostgreSQL URL (postgresql://user@host:port/db).
std::unique_ptr<Db> open_postgres(const std::string& url, const DbOptions& opts);

// Rewrites `?` placeholders (outside quoted text) to PostgreSQL's $1, $2, ….
std::string to_postgres_placeholders(std::string_view sql);

}  // namespace sgwrs::store
