#include "store/identity/throttle_store.hpp"

namespace sgwrs::store::throttle {

std::optional<Entry> get(Conn& c, const std::string& key) {
  auto rows = c.query(
      "SELECT failures, window_start, blocked_until FROM auth_failures WHERE key = ?", {key});
  if (rows.empty()) return std::nullopt;
  return Entry{rows[0].i64(0), rows[0].i64(1), rows[0].i64(2)};
}

Entry add_failure(Conn& c, const std::string& key, std::int64_t now, std::int64_t window_s) {
  // One statement, so concurrent failures for the same key each count: the upsert takes the
  // row lock and re-reads the row, where a read-then-write would lose increments. A window
  // that has passed (and is not holding a pause) starts again at one.
  constexpr const char* kExpired =
      "(? - auth_failures.window_start > ? AND "
      "auth_failures.blocked_until <= ?)";
  const std::string sql = std::string(
                              "INSERT INTO auth_failures (key, failures, window_start, "
                              "blocked_until) VALUES (?, 1, ?, 0) ON CONFLICT (key) DO UPDATE "
                              "SET failures = CASE WHEN ") +
                          kExpired + " THEN 1 ELSE auth_failures.failures + 1 END, " +
                          "window_start = CASE WHEN " + kExpired +
                          " THEN excluded.window_start ELSE auth_failures.window_start END "
                          "RETURNING failures, window_start, blocked_until";
  auto rows = c.query(sql, {key, now, now, window_s, now, now, window_s, now});
  return Entry{rows.at(0).i64(0), rows.at(0).i64(1), rows.at(0).i64(2)};
}

void block_until(Conn& c, const std::string& key, std::int64_t until) {
  c.exec("UPDATE auth_failures SET blocked_until = ? WHERE key = ?", {until, key});
}

void clear(Conn& c, const std::string& key) {
  c.exec("DELETE FROM auth_failures WHERE key = ?", {key});
}

}  // namespace sgwrs::store::throttle
