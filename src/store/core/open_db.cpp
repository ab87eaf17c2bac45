#include <fmt/format.h>

#include "store/core/db.hpp"
#include "store/core/postgres_db.hpp"
#include "store/core/sqlite_db.hpp"

namespace sgwrs::store {

const std::string& Row::text(std::size_t i) const {
  const auto& c = cols_.at(i);
  if (!c) throw StoreError(StoreError::Kind::other, fmt::format("column {} is NULL", i));
  return *c;
}

std::int64_t Row::i64(std::size_t i) const {
  return std::stoll(text(i));
}

std::optional<std::int64_t> Row::opt_i64(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return i64(i);
}

std::unique_ptr<Db> open_db(const std::string& url, const DbOptions& opts) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
    return open_postgres(url, opts);
  if (url.rfind("sqlite:", 0) == 0) return open_sqlite(url.substr(7), opts);
  // A bare path is a SQLite file; any other scheme is a mistake, not a file named "x://".
  if (url.find("://") != std::string::npos || url.empty())
    throw StoreError(StoreError::Kind::other,
                     "unknown database '" + url.substr(0, url.find("://")) +
                         "': use sqlite:PATH or postgresql://USER@HOST:PORT/DATABASE");
  return open_sqlite(url, opts);
}

}  // namespace sgwrs::store
