// Numbered migrations for sqlite. Append new ones; never edit one that has shipped.
#include <array>

#include "store/migrations.hpp"

namespace sgwrs::store {
namespace {

constexpr std::string_view k001 = R"sql(
CREATE TABLE organisations (
  id INTEGER PRIMARY KEY,
  name_en TEXT NOT NULL,
  name_cy TEXT NOT NULL,
  ons_code TEXT NOT NULL UNIQUE,
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE services (
  id INTEGER PRIMARY KEY,
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  kind TEXT NOT NULL,
  name_en TEXT NOT NULL,
  name_cy TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (organisation_id, name_en)
);
CREATE TABLE pods (
  id INTEGER PRIMARY KEY,
  service_id BIGINT NOT NULL REFERENCES services(id),
  name_en TEXT NOT NULL,
  name_cy TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (service_id, name_en)
);
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  pod_id BIGINT REFERENCES pods(id),
  password_hash TEXT NOT NULL,
  language TEXT NOT NULL DEFAULT 'en',
  disabled INTEGER NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX users_by_org ON users (organisation_id);
CREATE INDEX users_by_pod ON users (pod_id);
-- Only a hash of the session id is stored, so a copy of the database opens no sessions.
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE TABLE auth_failures (
  key TEXT PRIMARY KEY,
  failures BIGINT NOT NULL,
  window_start BIGINT NOT NULL,
  blocked_until BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_at BIGINT
);
CREATE TABLE audit_events (
  id INTEGER PRIMARY KEY,
  at_ms BIGINT NOT NULL,
  actor_user_id BIGINT,
  action TEXT NOT NULL,
  outcome TEXT NOT NULL,
  target_type TEXT,
  target_id TEXT,
  detail TEXT,
  address TEXT
);
CREATE INDEX audit_by_time ON audit_events (at_ms);

-- The audit trail is append-only: the database itself refuses changes and deletions.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
)sql";

}  // namespace

std::span<const Migration> sqlite_migrations() {
  static const std::array kMigrations = {
      Migration{1, "organisations, staff, sessions, tokens, audit", k001},
      Migration{2, "follow-up reports, codebook, codings, suggestions, findings",
                analysis_schema(Engine::sqlite)},
      Migration{3, "active staff counted from an index", kActiveStaffIndex},
      Migration{4, "tokens expire and end with their owner's password", kTokenLifetime},
  };
  return kMigrations;
}

}  // namespace sgwrs::store
