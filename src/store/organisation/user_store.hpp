#pragma once
// Staff accounts. The password hash is read only by sign-in and never leaves the service.
#include <optional>
#include <string>
#include <vector>

#include "domain/organisation/organisation.hpp"
#include "domain/core/result.hpp"
#include "store/core/db.hpp"
#include "store/organisation/org_store.hpp"

namespace sgwrs::store::users {

Result<User> insert(Conn& c, User u, const std::string& password_hash, std::int64_t now);
std::optional<User> find(Conn& c, Id id);
std::optional<User> find_by_email(Conn& c, const std::string& email);
std::optional<std::string> password_hash(Conn& c, Id id);
std::vector<User> list(Conn& c, std::optional<Id> organisation_id, PageRequest p);
std::vector<User> list_by_pod(Conn& c, Id pod_id);
// Changes profile, role, pod and disabled flag; fails as stale if u.version is not current.
Result<User> update(Conn& c, const User& u, std::int64_t now);
void set_password_hash(Conn& c, Id id, const std::string& hash, std::int64_t now);
// A personal preference: it does not bump the record's version.
void set_language(Conn& c, Id id, Language l);
std::int64_t count(Conn& c);

struct SessionAndUser {
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
  std::string csrf_token;
  User user;
};
// The live session with this id hash and the person it belongs to, in one statement.
std::optional<SessionAndUser> find_by_session(Conn& c, const std::string& id_hash);

}  // namespace sgwrs::store::users
