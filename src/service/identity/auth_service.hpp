#pragma once
// Sign-in, sessions, personal access tokens and password changes.
#include <optional>
#include <string>

#include "domain/core/result.hpp"
#include "service/audit/audit_service.hpp"
#include "service/core/context.hpp"
#include "service/core/store_handle.hpp"

namespace sgwrs {

struct AuthConfig {
  std::int64_t idle_timeout_s = 30 * 60;
  std::int64_t absolute_timeout_s = 12 * 60 * 60;
  // Failed sign-ins allowed in a window before the key is paused for a while. The pause
  // doubles with each further failure up to a ceiling, and always ends: the real person is
  // slowed down, never locked out for good.
  int account_failures = 5;
  int address_failures = 20;
  std::int64_t failure_window_s = 15 * 60;
  std::int64_t first_pause_s = 60;
  std::int64_t max_pause_s = 15 * 60;
  // Sessions are written back at most this often, so reading a page is not a write.
  std::int64_t touch_interval_s = 60;
};

struct SignedIn {
  std::string session_token;  // goes into the cookie; only its hash is stored
  std::string csrf_token;
  User user;
};

struct SessionCtx {
  User user;
  std::string csrf_token;
  std::string session_hash;
};

class AuthService {
 public:
  AuthService(store::Db& db, AuditService& audit, Clock clock, AuthConfig cfg = {})
      : db_(db), audit_(audit), clock_(std::move(clock)), cfg_(cfg) {}

  Result<SignedIn> sign_in(std::string email, const std::string& password,
                           const std::string& address);
  // The signed-in person behind a session cookie, if the session is still alive.
  Result<SessionCtx> resume(const std::string& session_token);
  void sign_out(const SessionCtx& s, const std::string& address);
  // A personal access token from an Authorization: Bearer header.
  Result<User> authenticate_token(const std::string& token, const std::string& address);
  // Ends the person's other sessions; `keep_session_hash` (this one) stays open.
  Status change_password(const Actor& actor, const std::string& current, const std::string& next,
                         const std::string& keep_session_hash = "");
  void set_language(const Actor& actor, Language l);
  const AuthConfig& config() const { return cfg_; }

 private:
  bool paused(store::Conn& c, const std::string& key, std::int64_t now);
  void count_failure(store::Conn& c, const std::string& key, int allowed, std::int64_t now);

  store::Db& db_;
  AuditService& audit_;
  Clock clock_;
  AuthConfig cfg_;
};

}  // namespace sgwrs
