#include "store/identity/session_store.hpp"

namespace sgwrs::store::sessions {

void insert(Conn& c, const SessionRow& s) {
  c.exec(
      "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at) "
      "VALUES (?, ?, ?, ?, ?)",
      {s.id_hash, s.user_id, s.csrf_token, s.created_at, s.last_seen_at});
}

std::optional<SessionRow> find(Conn& c, const std::string& id_hash) {
  auto rows = c.query(
      "SELECT id_hash, user_id, csrf_token, created_at, last_seen_at FROM sessions "
      "WHERE id_hash = ?",
      {id_hash});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows[0];
  return SessionRow{r.text(0), r.i64(1), r.text(2), r.i64(3), r.i64(4)};
}

void touch(Conn& c, const std::string& id_hash, std::int64_t now) {
  c.exec("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?", {now, id_hash});
}

void remove(Conn& c, const std::string& id_hash) {
  c.exec("DELETE FROM sessions WHERE id_hash = ?", {id_hash});
}

std::int64_t remove_for_user(Conn& c, Id user_id) {
  return c.exec("DELETE FROM sessions WHERE user_id = ?", {user_id});
}

std::int64_t remove_others(Conn& c, Id user_id, const std::string& keep_hash) {
  return c.exec("DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?", {user_id, keep_hash});
}

std::int64_t remove_expired(Conn& c, std::int64_t idle_before, std::int64_t created_before) {
  return c.exec("DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?",
                {idle_before, created_before});
}

}  // namespace sgwrs::store::sessions
