// Sign-in, sessions, throttling and timeouts, driven by a fake clock.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "service/core/service_fixture.hpp"
#include "store/identity/session_store.hpp"
#include "store/identity/throttle_store.hpp"

namespace sgwrs::test {
namespace {

using store::Conn;

class AuthServiceTest : public ServiceTest {
 protected:
  Result<SignedIn> sign_in(const std::string& email, const std::string& password) {
    return auth_->sign_in(email, password, kAddress);
  }
  std::int64_t sessions_of(const User& u) {
    return read([&](Conn& c) {
      return c.query("SELECT COUNT(*) FROM sessions WHERE user_id = ?", {u.id}).at(0).i64(0);
    });
  }
};

TEST_P(AuthServiceTest, SignInResumeSignOut) {
  auto in = sign_in("sam.jones@example.org", kPassword);
  ASSERT_TRUE(in.ok()) << in.error().key;
  EXPECT_EQ(in->session_token.size(), 43u);
  EXPECT_FALSE(in->csrf_token.empty());
  EXPECT_NE(in->session_token, in->csrf_token);
  EXPECT_EQ(in->user.id, sam_.id);
  EXPECT_EQ(last_audit().action, "session.start");
  EXPECT_EQ(last_audit().outcome, "ok");
  EXPECT_EQ(last_audit().actor_user_id, sam_.id);
  EXPECT_EQ(last_audit().address, kAddress);

  // Only a hash of the session token is stored.
  auto stored = read(
      [&](Conn& c) { return store::sessions::find(c, crypto::token_hash(in->session_token)); });
  ASSERT_TRUE(stored.has_value());
  EXPECT_FALSE(
      read([&](Conn& c) { return store::sessions::find(c, in->session_token); }).has_value());

  advance(5 * 60);
  auto s = auth_->resume(in->session_token);
  ASSERT_TRUE(s.ok()) << s.error().key;
  EXPECT_EQ(s->user.id, sam_.id);
  EXPECT_EQ(s->user.email, "sam.jones@example.org");
  EXPECT_EQ(s->csrf_token, in->csrf_token);

  auth_->sign_out(*s, kAddress);
  EXPECT_EQ(last_audit().action, "session.end");
  auto after = auth_->resume(in->session_token);
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error().code, Errc::unauthenticated);
  EXPECT_EQ(sessions_of(sam_), 0);
}

TEST_P(AuthServiceTest, EmailIsCaseInsensitiveAndTrimmed) {
  auto in = sign_in("  Sam.Jones@Example.ORG ", kPassword);
  ASSERT_TRUE(in.ok()) << in.error().key;
  EXPECT_EQ(in->user.id, sam_.id);
}

TEST_P(AuthServiceTest, ResumeRefusesUnknownAndMalformedTokens) {
  for (const std::string& t : {std::string(), crypto::random_token(), std::string(5000, 'a')}) {
    auto r = auth_->resume(t);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, Errc::unauthenticated);
  }
}

TEST_P(AuthServiceTest, WrongPasswordIsUnauthenticatedAndAudited) {
  auto r = sign_in("sam.jones@example.org", "not-the-password");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::unauthenticated);
  const auto e = last_audit();
  EXPECT_EQ(e.action, "session.start");
  EXPECT_EQ(e.outcome, "failed");
  EXPECT_EQ(e.actor_user_id, sam_.id);
  EXPECT_EQ(e.address, kAddress);
  EXPECT_EQ(sessions_of(sam_), 0);
}

TEST_P(AuthServiceTest, UnknownEmailLooksLikeAWrongPassword) {
  auto r = sign_in("nobody@example.org", kPassword);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::unauthenticated);
  EXPECT_EQ(r.error().key, sign_in("sam.jones@example.org", "wrong-password-1").error().key);
  const auto rows = audit_rows(2);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].action, "session.start");
  EXPECT_EQ(rows[1].outcome, "failed");
  EXPECT_FALSE(rows[1].actor_user_id.has_value());
}

TEST_P(AuthServiceTest, MissingFieldsAreInvalid) {
  auto r = sign_in("", "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::invalid);
  ASSERT_EQ(r.error().fields.size(), 2u);
  EXPECT_EQ(r.error().fields[0].field, "email");
  EXPECT_EQ(r.error().fields[1].field, "password");
}

TEST_P(AuthServiceTest, FiveFailuresPauseTheAccountButNotForGood) {
  const auto& cfg = auth_->config();
  ASSERT_EQ(cfg.account_failures, 5);
  for (int i = 0; i < cfg.account_failures; ++i) {
    auto r = sign_in("sam.jones@example.org", "guess-number-" + std::to_string(i));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, Errc::unauthenticated) << "attempt " << i + 1;
    advance(1);
  }
  // Paused: even the right password is refused for now, and that is audited.
  auto paused = sign_in("sam.jones@example.org", kPassword);
  ASSERT_FALSE(paused.ok());
  EXPECT_EQ(paused.error().code, Errc::throttled);
  EXPECT_EQ(last_audit().action, "session.start");
  EXPECT_EQ(last_audit().outcome, "throttled");
  // Another person from another address is not affected.
  auto admin = auth_->sign_in("admin@example.org", kPassword, "198.51.100.20");
  EXPECT_TRUE(admin.ok());

  // Once the pause is over the right password works again.
  advance(cfg.first_pause_s + 1);
  auto ok = sign_in("sam.jones@example.org", kPassword);
  ASSERT_TRUE(ok.ok()) << ok.error().key;
  // And success starts the count again: one more mistake does not pause the account.
  auto miss = sign_in("sam.jones@example.org", "one-more-typo");
  EXPECT_EQ(miss.error().code, Errc::unauthenticated);
  EXPECT_TRUE(sign_in("sam.jones@example.org", kPassword).ok());
}

TEST_P(AuthServiceTest, PausesDoubleUpToACeilingAndAlwaysEnd) {
  AuthConfig cfg;
  cfg.account_failures = 2;
  cfg.first_pause_s = 10;
  cfg.max_pause_s = 30;
  AuthService auth(db(), *audit_, clock(), cfg);
  auto attempt = [&](const std::string& pw) {
    return auth.sign_in("sam.jones@example.org", pw, kAddress);
  };
  EXPECT_EQ(attempt("wrong-1").error().code, Errc::unauthenticated);
  EXPECT_EQ(attempt("wrong-2").error().code, Errc::unauthenticated);  // paused 10 s
  EXPECT_EQ(attempt(kPassword).error().code, Errc::throttled);
  advance(11);
  EXPECT_EQ(attempt("wrong-3").error().code, Errc::unauthenticated);  // paused 20 s
  advance(19);
  EXPECT_EQ(attempt(kPassword).error().code, Errc::throttled);
  advance(2);
  EXPECT_EQ(attempt("wrong-4").error().code, Errc::unauthenticated);  // 40 s, capped at 30
  advance(29);
  EXPECT_EQ(attempt(kPassword).error().code, Errc::throttled);
  advance(2);
  EXPECT_TRUE(attempt(kPassword).ok());
}

TEST_P(AuthServiceTest, IdleTimeoutEndsTheSession) {
  auto in = sign_in("sam.jones@example.org", kPassword);
  ASSERT_TRUE(in.ok());
  // Activity keeps it alive: each resume moves the idle clock on.
  advance(29 * 60);
  ASSERT_TRUE(auth_->resume(in->session_token).ok());
  advance(29 * 60);
  ASSERT_TRUE(auth_->resume(in->session_token).ok());
  // Thirty minutes and one second without activity ends it.
  advance(30 * 60 + 1);
  auto r = auth_->resume(in->session_token);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::unauthenticated);
  EXPECT_EQ(last_audit().action, "session.expire");
  EXPECT_EQ(last_audit().outcome, "idle_timeout");
  EXPECT_EQ(sessions_of(sam_), 0);
  // Ended for good: going back in time does not revive it.
  now_ -= 60 * 60;
  EXPECT_FALSE(auth_->resume(in->session_token).ok());
}

TEST_P(AuthServiceTest, AbsoluteTimeoutEndsEvenABusySession) {
  auto in = sign_in("sam.jones@example.org", kPassword);
  ASSERT_TRUE(in.ok());
  // Used every ten minutes for twelve hours: never idle, still alive at 12 h exactly.
  for (int i = 1; i <= 72; ++i) {
    advance(10 * 60);
    auto r = auth_->resume(in->session_token);
    ASSERT_TRUE(r.ok()) << "after " << i * 10 << " minutes";
  }
  advance(10 * 60);  // 12 h 10 min
  auto r = auth_->resume(in->session_token);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::unauthenticated);
  EXPECT_EQ(last_audit().action, "session.expire");
  EXPECT_EQ(last_audit().outcome, "expired");
}

TEST_P(AuthServiceTest, DisablingAUserEndsTheirSessionsAtOnce) {
  auto in = sign_in("sam.jones@example.org", kPassword);
  ASSERT_TRUE(in.ok());
  auto second = auth_->sign_in("sam.jones@example.org", kPassword, "198.51.100.3");
  ASSERT_TRUE(second.ok());
  ASSERT_TRUE(auth_->resume(in->session_token).ok());
  EXPECT_EQ(sessions_of(sam_), 2);

  User u = reload(sam_);
  u.disabled = true;
  auto updated = users_->update(actor(admin_), u);
  ASSERT_TRUE(updated.ok()) << updated.error().key;
  EXPECT_EQ(last_audit().action, "user.disable");
  EXPECT_EQ(sessions_of(sam_), 0);
  EXPECT_EQ(auth_->resume(in->session_token).error().code, Errc::unauthenticated);
  EXPECT_EQ(auth_->resume(second->session_token).error().code, Errc::unauthenticated);

  // The right password no longer opens a session, and the trail says why.
  auto again = sign_in("sam.jones@example.org", kPassword);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, Errc::unauthenticated);
  EXPECT_EQ(last_audit().outcome, "refused_disabled");
}

TEST_P(AuthServiceTest, ChangePasswordNeedsTheCurrentOne) {
  auto wrong = auth_->change_password(actor(sam_), "not-my-password", "Newydd-Sbon-Cyfrinair-1");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, Errc::invalid);
  ASSERT_FALSE(wrong.error().fields.empty());
  EXPECT_EQ(wrong.error().fields[0].field, "current_password");
  EXPECT_EQ(wrong.error().fields[0].key, "password_wrong");
  EXPECT_TRUE(sign_in("sam.jones@example.org", kPassword).ok()) << "password unchanged";

  auto weak = auth_->change_password(actor(sam_), kPassword, "password123");
  ASSERT_FALSE(weak.ok());
  ASSERT_EQ(weak.error().fields.size(), 1u);
  EXPECT_EQ(weak.error().fields[0].field, "new_password");
  EXPECT_EQ(weak.error().fields[0].key, "password_common");

  auto ok = auth_->change_password(actor(sam_), kPassword, "Newydd-Sbon-Cyfrinair-1");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(last_audit().action, "user.password_change");
  EXPECT_FALSE(sign_in("sam.jones@example.org", kPassword).ok());
  EXPECT_TRUE(sign_in("sam.jones@example.org", "Newydd-Sbon-Cyfrinair-1").ok());
}

TEST_P(AuthServiceTest, LanguagePreferenceIsStored) {
  auth_->set_language(actor(sam_), Language::cy);
  EXPECT_EQ(reload(sam_).language, Language::cy);
}

// ---- Regressions -------------------------------------------------------------------------

// Was a bug (auth_service.cpp, count_failure): the counter is read (throttle::get) and written
// back (throttle::put) as two statements. On PostgreSQL (READ COMMITTED) two failed sign-ins
// finishing together both read n and both write n+1, so failures are lost and a parallel
// guesser gets more tries than account_failures. Seen: 8 concurrent failures recorded as 7.
// SQLite is not affected (BEGIN IMMEDIATE serialises writers). Fix: make the increment
// atomic, e.g. take pg_advisory_xact_lock(hashtext(key)) or SELECT ... FOR UPDATE before the
// read, or do "ON CONFLICT (key) DO UPDATE SET failures = auth_failures.failures + 1".
// The race is timing-dependent, so this test can pass by luck while the bug is present.
TEST_P(AuthServiceTest, ConcurrentFailuresAreAllCounted) {
  constexpr int kAttempts = 12;
  std::atomic<int> refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kAttempts; ++i)
    threads.emplace_back([&, i] {
      // From different addresses, so that only the account's counter is shared.
      auto r = auth_->sign_in("sam.jones@example.org", "wrong-" + std::to_string(i),
                              "198.51.100." + std::to_string(i + 1));
      if (!r.ok() && r.error().code == Errc::unauthenticated) ++refused;
    });
  for (auto& t : threads) t.join();
  auto e = read([&](Conn& c) { return store::throttle::get(c, "account:sam.jones@example.org"); });
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->failures, refused.load());
}

INSTANTIATE_TEST_SUITE_P(Engines, AuthServiceTest, kBothEngines, EngineName());

}  // namespace
}  // namespace sgwrs::test
