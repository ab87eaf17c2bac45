#include "store/throttle_store.hpp"

namespace sgwrs::store::throttle {

std::optional<Entry> get(Conn& c, const std::string& key) {
  auto rows = c.query(
      "SELECT failures, window_start, blocked_until FROM auth_failures WHERE key = ?", {key});
  if (rows.empty()) return std::nullopt;
  return Entry{rows[0].i64(0), rows[0].i64(1), rows[0].i64(2)};
}

void put(Conn& c, const std::string& key, const Entry& e) {
  c.exec(
      "INSERT INTO auth_failures (key, failures, window_start, blocked_until) "
      "VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, "
      "window_start = excluded.window_start, blocked_until = excluded.blocked_until",
      {key, e.failures, e.window_start, e.blocked_until});
}

void clear(Conn& c, const std::string& key) {
  c.exec("DELETE FROM auth_failures WHERE key = ?", {key});
}

}  // namespace sgwrs::store::throttle
