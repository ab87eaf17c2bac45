#include "store/organisation/user_store.hpp"

#include <fmt/format.h>

namespace sgwrs::store::users {
namespace {

constexpr const char* kCols =
    "id, email, display_name, role, organisation_id, pod_id, language, disabled, version";

User from(const Row& r) {
  User u;
  u.id = r.i64(0);
  u.email = r.text(1);
  u.display_name = r.text(2);
  u.role = parse_role(r.text(3)).value_or(Role::practitioner);
  u.organisation_id = r.i64(4);
  u.pod_id = r.opt_i64(5);
  u.language = parse_language(r.text(6));
  u.disabled = r.i64(7) != 0;
  u.version = r.i64(8);
  return u;
}

Result<User> conflict_as_error(const std::function<Result<User>()>& f) {
  try {
    return f();
  } catch (const StoreError& e) {
    if (e.kind == StoreError::Kind::unique_violation) {
      Error err = Error::of(Errc::conflict, "email_taken");
      err.fields.push_back({"email", "email_taken"});
      return err;
    }
    throw;
  }
}

}  // namespace

Result<User> insert(Conn& c, User u, const std::string& password_hash, std::int64_t now) {
  return conflict_as_error([&]() -> Result<User> {
    auto rows = c.query(
        "INSERT INTO users (email, display_name, role, organisation_id, pod_id, password_hash, "
        "language, disabled, version, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
        {u.email, u.display_name, std::string(role_id(u.role)), u.organisation_id, opt(u.pod_id),
         password_hash, std::string(language_id(u.language)), std::int64_t{u.disabled}, now, now});
    u.id = rows.at(0).i64(0);
    u.version = 1;
    return u;
  });
}

std::optional<User> find(Conn& c, Id id) {
  static const std::string sql =
      fmt::format("SELECT {} FROM users WHERE id = ?", kCols);  // formatted once
  auto rows = c.query(sql, {id});
  if (rows.empty()) return std::nullopt;
  return from(rows[0]);
}

std::optional<User> find_by_email(Conn& c, const std::string& email) {
  static const std::string sql =
      fmt::format("SELECT {} FROM users WHERE email = ?", kCols);  // formatted once
  auto rows = c.query(sql, {email});
  if (rows.empty()) return std::nullopt;
  return from(rows[0]);
}

std::optional<std::string> password_hash(Conn& c, Id id) {
  auto rows = c.query("SELECT password_hash FROM users WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return rows[0].text(0);
}

std::vector<User> list(Conn& c, std::optional<Id> organisation_id, PageRequest p) {
  std::vector<User> out;
  for (const auto& r :
       c.query(fmt::format("SELECT {} FROM users WHERE (CAST(? AS BIGINT) IS NULL OR "
                           "organisation_id = ?) AND id > ? ORDER BY id LIMIT ?",
                           kCols),
               {opt(organisation_id), opt(organisation_id), p.after, std::int64_t{p.limit}}))
    out.push_back(from(r));
  return out;
}

std::vector<User> list_by_pod(Conn& c, Id pod_id) {
  static const std::string sql =
      fmt::format("SELECT {} FROM users WHERE pod_id = ? ORDER BY display_name", kCols);
  std::vector<User> out;
  for (const auto& r : c.query(sql, {pod_id})) out.push_back(from(r));
  return out;
}

Result<User> update(Conn& c, const User& u, std::int64_t now) {
  return conflict_as_error([&]() -> Result<User> {
    const auto n = c.exec(
        "UPDATE users SET email = ?, display_name = ?, role = ?, pod_id = ?, disabled = ?, "
        "version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
        {u.email, u.display_name, std::string(role_id(u.role)), opt(u.pod_id),
         std::int64_t{u.disabled}, now, u.id, u.version});
    if (n == 0) return missing_or_stale(c, "users", u.id);
    return *find(c, u.id);
  });
}

void set_password_hash(Conn& c, Id id, const std::string& hash, std::int64_t now) {
  c.exec("UPDATE users SET password_hash = ?, version = version + 1, updated_at = ? WHERE id = ?",
         {hash, now, id});
}

void set_language(Conn& c, Id id, Language l) {
  c.exec("UPDATE users SET language = ? WHERE id = ?", {std::string(language_id(l)), id});
}

std::optional<SessionAndUser> find_by_session(Conn& c, const std::string& id_hash) {
  auto rows = c.query(
      "SELECT u.id, u.email, u.display_name, u.role, u.organisation_id, u.pod_id, u.language, "
      "u.disabled, u.version, s.created_at, s.last_seen_at, s.csrf_token "
      "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ?",
      {id_hash});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows[0];
  return SessionAndUser{r.i64(9), r.i64(10), r.text(11), from(r)};
}

std::int64_t count(Conn& c) {
  return c.query("SELECT COUNT(*) FROM users").at(0).i64(0);
}

}  // namespace sgwrs::store::users
