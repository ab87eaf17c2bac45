// Sessions, sign-in throttle counters and personal access tokens in the store.
#include <gtest/gtest.h>

#include "store/identity/session_store.hpp"
#include "store/core/store_fixture.hpp"
#include "store/identity/throttle_store.hpp"
#include "store/identity/token_store.hpp"

namespace sgwrs::test {
namespace {

using store::Conn;
using store::StoreError;
namespace sessions = store::sessions;
namespace throttle = store::throttle;
namespace tokens = store::tokens;

class SmallStoresTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    const auto org = add_org("W06000015");
    sam_ = add_user(org.id, "sam@example.org");
    alex_ = add_user(org.id, "alex@example.org", "Alex Hughes");
  }
  std::optional<sessions::SessionRow> find_session(const std::string& h) {
    return read([&](Conn& c) { return sessions::find(c, h); });
  }
  User sam_, alex_;
};

// ---- sessions --------------------------------------------------------------------------

TEST_P(SmallStoresTest, SessionInsertFindTouchRemove) {
  write([&](Conn& c) { sessions::insert(c, {"hash-1", sam_.id, "csrf-1", kNow, kNow}); });
  auto s = find_session("hash-1");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->id_hash, "hash-1");
  EXPECT_EQ(s->user_id, sam_.id);
  EXPECT_EQ(s->csrf_token, "csrf-1");
  EXPECT_EQ(s->created_at, kNow);
  EXPECT_EQ(s->last_seen_at, kNow);
  EXPECT_FALSE(find_session("hash-2").has_value());

  write([&](Conn& c) { sessions::touch(c, "hash-1", kNow + 300); });
  s = find_session("hash-1");
  EXPECT_EQ(s->last_seen_at, kNow + 300);
  EXPECT_EQ(s->created_at, kNow);

  write([&](Conn& c) { sessions::remove(c, "hash-1"); });
  EXPECT_FALSE(find_session("hash-1").has_value());
  // Removing or touching what is not there is harmless.
  write([&](Conn& c) {
    sessions::remove(c, "hash-1");
    sessions::touch(c, "hash-1", kNow);
  });
  EXPECT_EQ(count_rows("sessions"), 0);
}

TEST_P(SmallStoresTest, SessionIdHashIsUnique) {
  write([&](Conn& c) { sessions::insert(c, {"same", sam_.id, "a", kNow, kNow}); });
  EXPECT_THROW(write([&](Conn& c) {
                 sessions::insert(c, {"same", alex_.id, "b", kNow, kNow});
               }),
               StoreError);
  EXPECT_EQ(find_session("same")->user_id, sam_.id);
}

TEST_P(SmallStoresTest, RemoveForUserEndsOnlyThatPersonsSessions) {
  write([&](Conn& c) {
    sessions::insert(c, {"s1", sam_.id, "x", kNow, kNow});
    sessions::insert(c, {"s2", sam_.id, "x", kNow, kNow});
    sessions::insert(c, {"a1", alex_.id, "x", kNow, kNow});
  });
  EXPECT_EQ(write([&](Conn& c) { return sessions::remove_for_user(c, sam_.id); }), 2);
  EXPECT_FALSE(find_session("s1").has_value());
  EXPECT_FALSE(find_session("s2").has_value());
  EXPECT_TRUE(find_session("a1").has_value());
  EXPECT_EQ(write([&](Conn& c) { return sessions::remove_for_user(c, sam_.id); }), 0);
}

TEST_P(SmallStoresTest, RemoveExpiredByIdleOrAge) {
  write([&](Conn& c) {
    sessions::insert(c, {"fresh", sam_.id, "x", kNow - 100, kNow - 10});
    sessions::insert(c, {"idle", sam_.id, "x", kNow - 100, kNow - 2000});
    sessions::insert(c, {"old", alex_.id, "x", kNow - 50000, kNow - 5});
  });
  // idle_before: last seen before this; created_before: created before this.
  EXPECT_EQ(write([&](Conn& c) { return sessions::remove_expired(c, kNow - 1800, kNow - 43200); }),
            2);
  EXPECT_TRUE(find_session("fresh").has_value());
  EXPECT_FALSE(find_session("idle").has_value());
  EXPECT_FALSE(find_session("old").has_value());
}

// ---- throttle --------------------------------------------------------------------------

TEST_P(SmallStoresTest, ThrottleCountsBlocksRestartsAndClears) {
  constexpr std::int64_t kWindow = 900;
  const std::string key = "account:sam@example.org";
  auto get = [&](const std::string& k) {
    return read([&](Conn& c) { return throttle::get(c, k); });
  };
  auto fail_at = [&](std::int64_t at) {
    return write([&](Conn& c) { return throttle::add_failure(c, key, at, kWindow); });
  };
  EXPECT_FALSE(get(key).has_value());

  auto e = fail_at(kNow);
  EXPECT_EQ(e.failures, 1);
  EXPECT_EQ(e.window_start, kNow);
  EXPECT_EQ(e.blocked_until, 0);

  // Within the window failures add up on the one row, keeping the window's start.
  e = fail_at(kNow + 10);
  EXPECT_EQ(e.failures, 2);
  EXPECT_EQ(e.window_start, kNow);
  EXPECT_EQ(count_rows("auth_failures"), 1);

  write([&](Conn& c) { throttle::block_until(c, key, kNow + 60); });
  EXPECT_EQ(get(key)->blocked_until, kNow + 60);

  // After the window has passed and the pause is over, counting starts again at one.
  e = fail_at(kNow + kWindow + 100);
  EXPECT_EQ(e.failures, 1);
  EXPECT_EQ(e.window_start, kNow + kWindow + 100);

  write([&](Conn& c) { throttle::add_failure(c, "address:192.0.2.7", kNow, kWindow); });
  write([&](Conn& c) { throttle::clear(c, key); });
  EXPECT_FALSE(get(key).has_value());
  EXPECT_EQ(get("address:192.0.2.7")->failures, 1);
  write([&](Conn& c) { throttle::clear(c, "never-there"); });
}

// A pause still running keeps the count going even when the window has passed, so a
// long pause cannot be reset by one more wrong guess.
TEST_P(SmallStoresTest, ThrottleKeepsCountingDuringAPause) {
  const std::string key = "account:sam@example.org";
  write([&](Conn& c) { throttle::add_failure(c, key, kNow, 100); });
  write([&](Conn& c) { throttle::block_until(c, key, kNow + 1000); });
  auto e = write([&](Conn& c) { return throttle::add_failure(c, key, kNow + 500, 100); });
  EXPECT_EQ(e.failures, 2);
  EXPECT_EQ(e.window_start, kNow);
  EXPECT_EQ(e.blocked_until, kNow + 1000);
}

// ---- tokens ----------------------------------------------------------------------------

TEST_P(SmallStoresTest, TokenInsertFindTouchRevoke) {
  const std::string hash(64, 'a');
  const Id id = write(
      [&](Conn& c) { return tokens::insert(c, sam_.id, "reporting", hash, kNow, kNow + 86400); });
  EXPECT_GT(id, 0);
  auto t = read([&](Conn& c) { return tokens::find_by_hash(c, hash); });
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->id, id);
  EXPECT_EQ(t->user_id, sam_.id);
  EXPECT_EQ(t->name, "reporting");
  EXPECT_EQ(t->created_at, kNow);
  EXPECT_FALSE(t->last_used_at.has_value());
  EXPECT_FALSE(t->revoked_at.has_value());
  EXPECT_FALSE(
      read([&](Conn& c) { return tokens::find_by_hash(c, std::string(64, 'b')); }).has_value());

  write([&](Conn& c) { tokens::touch(c, id, kNow + 60); });
  EXPECT_EQ(read([&](Conn& c) { return tokens::find_by_hash(c, hash); })->last_used_at, kNow + 60);

  // Someone else cannot revoke it; its owner can, once.
  EXPECT_FALSE(write([&](Conn& c) { return tokens::revoke(c, id, alex_.id, kNow + 100); }));
  EXPECT_FALSE(read([&](Conn& c) { return tokens::find_by_hash(c, hash); })->revoked_at);
  EXPECT_TRUE(write([&](Conn& c) { return tokens::revoke(c, id, sam_.id, kNow + 120); }));
  EXPECT_EQ(read([&](Conn& c) { return tokens::find_by_hash(c, hash); })->revoked_at, kNow + 120);
  EXPECT_FALSE(write([&](Conn& c) { return tokens::revoke(c, id, sam_.id, kNow + 130); }));
  EXPECT_EQ(read([&](Conn& c) { return tokens::find_by_hash(c, hash); })->revoked_at, kNow + 120);
  EXPECT_FALSE(write([&](Conn& c) { return tokens::revoke(c, 999, sam_.id, kNow); }));
  EXPECT_EQ(read([&](Conn& c) { return tokens::find_by_hash(c, hash); })->revoked_reason,
            "revoked");
  EXPECT_EQ(read([&](Conn& c) { return tokens::find_by_hash(c, hash); })->expires_at, kNow + 86400);
}

TEST_P(SmallStoresTest, RevokeAllEndsOnlyThatUsersWorkingTokensAndSaysWhy) {
  write([&](Conn& c) { return tokens::insert(c, sam_.id, "one", "h1", kNow, kNow + 10); });
  const Id two =
      write([&](Conn& c) { return tokens::insert(c, sam_.id, "two", "h2", kNow, kNow + 10); });
  write([&](Conn& c) { return tokens::insert(c, alex_.id, "alex's", "h3", kNow, kNow + 10); });
  EXPECT_TRUE(write([&](Conn& c) { return tokens::revoke(c, two, sam_.id, kNow + 1); }));
  EXPECT_EQ(write([&](Conn& c) {
              return tokens::revoke_all_for_user(c, sam_.id, kNow + 2, "password_changed");
            }),
            1);
  auto mine = read([&](Conn& c) { return tokens::list_for_user(c, sam_.id); });
  EXPECT_EQ(mine[0].revoked_reason, "password_changed");
  EXPECT_EQ(mine[0].revoked_at, kNow + 2);
  EXPECT_EQ(mine[1].revoked_reason, "revoked");  // already ended: kept as it was
  EXPECT_FALSE(read([&](Conn& c) { return tokens::find_by_hash(c, "h3"); })->revoked_at);
}

TEST_P(SmallStoresTest, TokensListPerUserAndHashesAreUnique) {
  const Id t1 =
      write([&](Conn& c) { return tokens::insert(c, sam_.id, "one", "h1", kNow, kNow + 86400); });
  const Id t2 =
      write([&](Conn& c) { return tokens::insert(c, sam_.id, "two", "h2", kNow, kNow + 86400); });
  write([&](Conn& c) { return tokens::insert(c, alex_.id, "alex's", "h3", kNow, kNow + 86400); });
  auto mine = read([&](Conn& c) { return tokens::list_for_user(c, sam_.id); });
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].id, t1);
  EXPECT_EQ(mine[1].id, t2);
  EXPECT_EQ(mine[1].name, "two");
  EXPECT_THROW(
      write([&](Conn& c) { return tokens::insert(c, alex_.id, "dup", "h1", kNow, kNow + 86400); }),
      StoreError);
  EXPECT_EQ(count_rows("api_tokens"), 3);
}

INSTANTIATE_TEST_SUITE_P(Engines, SmallStoresTest, kBothEngines, EngineName());

}  // namespace
}  // namespace sgwrs::test
