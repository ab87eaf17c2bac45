#pragma once
// Sign-in sessions, stored in the database so that any node can serve any request.
#include <optional>
#include <string>

#include "domain/organisation/organisation.hpp"
#include "store/core/db.hpp"

namespace sgwrs::store::sessions {

struct SessionRow {
  std::string id_hash;
  Id user_id = 0;
  std::string csrf_token;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
};

void insert(Conn& c, const SessionRow& s);
std::optional<SessionRow> find(Conn& c, const std::string& id_hash);
void touch(Conn& c, const std::string& id_hash, std::int64_t now);
void remove(Conn& c, const std::string& id_hash);
std::int64_t remove_for_user(Conn& c, Id user_id);
// Every session of the user except one (the one that is changing the password).
std::int64_t remove_others(Conn& c, Id user_id, const std::string& keep_hash);
std::int64_t remove_expired(Conn& c, std::int64_t idle_before, std::int64_t created_before);

}  // namespace sgwrs::store::sessions
