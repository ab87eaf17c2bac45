#include "service/identity/auth_service.hpp"

#include <algorithm>

#include "domain/core/validation.hpp"
#include "domain/identity/password_policy.hpp"
#include "service/core/crypto.hpp"
#include "store/core/db.hpp"
#include "store/identity/session_store.hpp"
#include "store/identity/throttle_store.hpp"
#include "store/identity/token_store.hpp"
#include "store/organisation/user_store.hpp"

namespace sgwrs {
namespace {

std::string account_key(const std::string& email) {
  return "account:" + email;
}
std::string address_key(const std::string& address) {
  return "address:" + address;
}

Error bad_credentials() {
  return Error::of(Errc::unauthenticated, "sign_in_failed");
}

// Spent on unknown accounts so a wrong email takes as long as a wrong password.
const std::string& dummy_hash() {
  static const std::string h = crypto::hash_password("not a real password, only for timing");
  return h;
}

}  // namespace

bool AuthService::paused(store::Conn& c, const std::string& key, std::int64_t now) {
  auto e = store::throttle::get(c, key);
  return e && e->blocked_until > now;
}

void AuthService::count_failure(store::Conn& c, const std::string& key, int allowed,
                                std::int64_t now) {
  const auto e = store::throttle::add_failure(c, key, now, cfg_.failure_window_s);
  if (e.failures >= allowed) {
    const auto extra = std::min<std::int64_t>(e.failures - allowed, 10);
    store::throttle::block_until(c, key,
                                 now + std::min(cfg_.max_pause_s, cfg_.first_pause_s << extra));
  }
}

Result<SignedIn> AuthService::sign_in(std::string email, const std::string& password,
                                      const std::string& address) {
  Validator v;
  v.email("email", email);
  if (password.empty()) v.fail("password", "password_required");
  if (!v.ok()) return v.status().error();
  const auto now = clock_();
  const auto akey = account_key(email), ikey = address_key(address);

  // Read first without holding the write lock through the deliberately slow hash check.
  struct Found {
    bool paused;
    std::optional<User> user;
    std::optional<std::string> hash;
  };
  Found f = db_.transact(store::TxMode::read, [&](store::Conn& c) {
    Found r{paused(c, akey, now) || paused(c, ikey, now), store::users::find_by_email(c, email),
            std::nullopt};
    if (r.user) r.hash = store::users::password_hash(c, r.user->id);
    return r;
  });
  if (f.paused) {
    // Whoever keeps trying while paused is not signed in, and may try thousands of times.
    audit_.record_anonymous({f.user ? std::optional<Id>(f.user->id) : std::nullopt,
                             "session.start",
                             "throttled",
                             "user",
                             f.user ? std::to_string(f.user->id) : "",
                             {},
                             address});
    return Error::of(Errc::throttled, "sign_in_throttled");
  }
  const bool password_ok = f.hash ? crypto::verify_password(*f.hash, password)
                                  : (crypto::verify_password(dummy_hash(), password), false);
  if (!password_ok || f.user->disabled) {
    db_.transact(store::TxMode::write, [&](store::Conn& c) {
      count_failure(c, akey, cfg_.account_failures, now);
      count_failure(c, ikey, cfg_.address_failures, now);
      audit_.record(c, {f.user ? std::optional<Id>(f.user->id) : std::nullopt,
                        "session.start",
                        f.user && password_ok ? "refused_disabled" : "failed",
                        "user",
                        f.user ? std::to_string(f.user->id) : "",
                        {},
                        address});
    });
    return bad_credentials();
  }
  SignedIn out{crypto::random_token(), crypto::random_token(), *f.user};
  const bool rehash = crypto::needs_rehash(*f.hash);
  const std::string new_hash = rehash ? crypto::hash_password(password) : "";
  db_.transact(store::TxMode::write, [&](store::Conn& c) {
    store::throttle::clear(c, akey);
    if (rehash) store::users::set_password_hash(c, f.user->id, new_hash, now);
    store::sessions::insert(
        c, {crypto::token_hash(out.session_token), f.user->id, out.csrf_token, now, now});
    audit_.record(
        c, {f.user->id, "session.start", "ok", "user", std::to_string(f.user->id), {}, address});
  });
  return out;
}

Result<SessionCtx> AuthService::resume(const std::string& session_token) {
  if (session_token.empty() || session_token.size() > 100)
    return Error::of(Errc::unauthenticated, "signed_out");
  const auto now = clock_();
  const auto hash = crypto::token_hash(session_token);
  auto l = db_.transact(store::TxMode::single,
                        [&](store::Conn& c) { return store::users::find_by_session(c, hash); });
  if (!l) return Error::of(Errc::unauthenticated, "signed_out");
  const bool idle = now - l->last_seen_at > cfg_.idle_timeout_s;
  const bool too_old = now - l->created_at > cfg_.absolute_timeout_s;
  if (idle || too_old || l->user.disabled) {
    db_.transact(store::TxMode::write, [&](store::Conn& c) {
      store::sessions::remove(c, hash);
      audit_.record(c, {l->user.id,
                        "session.expire",
                        idle      ? "idle_timeout"
                        : too_old ? "expired"
                                  : "disabled",
                        "user",
                        std::to_string(l->user.id),
                        {},
                        ""});
    });
    return Error::of(Errc::unauthenticated, "session_expired");
  }
  if (now - l->last_seen_at >= cfg_.touch_interval_s)
    db_.transact(store::TxMode::single,
                 [&](store::Conn& c) { store::sessions::touch(c, hash, now); });
  return SessionCtx{l->user, l->csrf_token, hash};
}

void AuthService::sign_out(const SessionCtx& s, const std::string& address) {
  db_.transact(store::TxMode::write, [&](store::Conn& c) {
    store::sessions::remove(c, s.session_hash);
    audit_.record(c,
                  {s.user.id, "session.end", "ok", "user", std::to_string(s.user.id), {}, address});
  });
}

Result<User> AuthService::authenticate_token(const std::string& token, const std::string& address) {
  const auto now = clock_();
  // Without a write transaction, so that every API request does not queue for the write lock; the
  // token's "last used" moves on in a write of its own at most once per touch interval.
  std::optional<Id> touch;
  auto r = db_.transact(store::TxMode::single, [&](store::Conn& c) -> Result<User> {
    auto t = store::tokens::find_by_hash(c, crypto::token_hash(token));
    if (!t || t->revoked_at || t->expires_at <= now)
      return Error::of(Errc::unauthenticated, "token_invalid");
    auto u = store::users::find(c, t->user_id);
    if (!u || u->disabled) return Error::of(Errc::unauthenticated, "token_invalid");
    if (!t->last_used_at || now - *t->last_used_at >= cfg_.touch_interval_s) touch = t->id;
    return *u;
  });
  if (r && touch)
    db_.transact(store::TxMode::single,
                 [&](store::Conn& c) { store::tokens::touch(c, *touch, now); });
  if (!r)
    audit_.record_anonymous({std::nullopt, "token.authenticate", "failed", "", "", {}, address});
  return r;
}

Status AuthService::change_password(const Actor& actor, const std::string& current,
                                    const std::string& next, const std::string& keep_session_hash) {
  Validator v;
  auto hash = db_.transact(store::TxMode::read, [&](store::Conn& c) {
    return store::users::password_hash(c, actor.user.id);
  });
  if (!hash || !crypto::verify_password(*hash, current))
    v.fail("current_password", "password_wrong");
  if (auto p = password_problem(next, actor.user.email); !p.empty()) v.fail("new_password", p);
  if (!v.ok()) return v.status();
  const auto new_hash = crypto::hash_password(next);
  db_.transact(store::TxMode::write, [&](store::Conn& c) {
    store::users::set_password_hash(c, actor.user.id, new_hash, clock_());
    store::sessions::remove_others(c, actor.user.id, keep_session_hash);
    // Tokens were granted on the strength of the old password: they end with it.
    store::tokens::revoke_all_for_user(c, actor.user.id, clock_(), "password_changed");
    audit_.record(c, {actor.user.id,
                      "user.password_change",
                      "ok",
                      "user",
                      std::to_string(actor.user.id),
                      {},
                      actor.address});
  });
  return ok_status();
}

void AuthService::set_language(const Actor& actor, Language l) {
  db_.transact(store::TxMode::write,
               [&](store::Conn& c) { store::users::set_language(c, actor.user.id, l); });
}

}  // namespace sgwrs
