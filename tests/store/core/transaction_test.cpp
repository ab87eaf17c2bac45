// Db::transact commits what succeeded and rolls back everything else, on both engines.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "store/core/store_fixture.hpp"
#include "store/organisation/org_store.hpp"

namespace sgwrs::test {
namespace {

using store::Conn;
using store::StoreError;
using store::TxMode;

Organisation org(const std::string& ons) {
  Organisation o;
  o.name_en = "Council " + ons;
  o.name_cy = "Cyngor " + ons;
  o.ons_code = ons;
  return o;
}

class TransactionTest : public StoreTest {};

TEST_P(TransactionTest, CommitsAnOkResult) {
  auto r = write([&](Conn& c) { return store::orgs::insert(c, org("W06000001"), kNow); });
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(count_rows("organisations"), 1);
}

TEST_P(TransactionTest, RollsBackAFailedResult) {
  auto r = write([&](Conn& c) -> Result<Organisation> {
    auto inserted = store::orgs::insert(c, org("W06000001"), kNow);
    EXPECT_TRUE(inserted.ok());
    EXPECT_EQ(c.query("SELECT COUNT(*) FROM organisations").at(0).i64(0), 1);  // visible inside
    return Error::of(Errc::invalid, "invalid_input");
  });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::invalid);
  EXPECT_EQ(count_rows("organisations"), 0);
}

TEST_P(TransactionTest, RollsBackAFailedStatus) {
  Status s = write([&](Conn& c) -> Status {
    must(store::orgs::insert(c, org("W06000001"), kNow));
    return Error::of(Errc::forbidden, "forbidden");
  });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(count_rows("organisations"), 0);
}

TEST_P(TransactionTest, RollsBackWhenTheLambdaThrows) {
  EXPECT_THROW(write([&](Conn& c) {
                 must(store::orgs::insert(c, org("W06000001"), kNow));
                 throw std::runtime_error("something unexpected");
               }),
               std::runtime_error);
  EXPECT_EQ(count_rows("organisations"), 0);
  // The connection went back to the pool clean: the next transactions work and commit.
  for (int i = 0; i < 2 * kPoolSize; ++i)
    must(write(
        [&](Conn& c) { return store::orgs::insert(c, org(fmt::format("W{:08d}", i)), kNow); }));
  EXPECT_EQ(count_rows("organisations"), 2 * kPoolSize);
}

TEST_P(TransactionTest, RollsBackWhenAStatementFails) {
  EXPECT_THROW(write([&](Conn& c) {
                 must(store::orgs::insert(c, org("W06000001"), kNow));
                 c.exec("INSERT INTO organisations (name_en) VALUES ('missing columns')");
               }),
               StoreError);
  EXPECT_EQ(count_rows("organisations"), 0);
  // On PostgreSQL a failed statement aborts the transaction; the pool must not hand out a
  // connection still stuck in it.
  for (int i = 0; i < kPoolSize + 1; ++i) EXPECT_EQ(count_rows("organisations"), 0);
  must(write([&](Conn& c) { return store::orgs::insert(c, org("W06000001"), kNow); }));
  EXPECT_EQ(count_rows("organisations"), 1);
}

TEST_P(TransactionTest, PlainValuesAndVoidCommit) {
  write([&](Conn& c) { must(store::orgs::insert(c, org("W06000001"), kNow)); });
  const int n = write([&](Conn& c) {
    must(store::orgs::insert(c, org("W06000002"), kNow));
    return 7;
  });
  EXPECT_EQ(n, 7);
  EXPECT_EQ(count_rows("organisations"), 2);
}

TEST_P(TransactionTest, ReadTransactionsOnPostgresAreReadOnly) {
  if (engine() == store::Engine::postgres) {
    EXPECT_THROW(read([&](Conn& c) { (void)store::orgs::insert(c, org("W06000001"), kNow); }),
                 StoreError);
    EXPECT_EQ(count_rows("organisations"), 0);
  } else {
    // SQLite has no read-only transactions; what a read transaction sees is still committed.
    must(write([&](Conn& c) { return store::orgs::insert(c, org("W06000001"), kNow); }));
    EXPECT_EQ(count_rows("organisations"), 1);
  }
}

TEST_P(TransactionTest, ConcurrentWritersAllCommit) {
  constexpr int kThreads = 4, kEach = 10;
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        try {
          auto r = write([&](Conn& c) {
            return store::orgs::insert(c, org(fmt::format("W{:02d}{:06d}", t, i)), kNow);
          });
          if (!r.ok()) ++errors;
        } catch (const std::exception& e) {
          ADD_FAILURE() << e.what();
          ++errors;
        }
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(count_rows("organisations"), kThreads * kEach);
}

// The audit lines of reads commit like any write, and roll back like one; afterwards every
// connection of the pool waits for the disk again (SQLite synchronous FULL, PostgreSQL
// synchronous_commit on), whether the transaction committed, rolled back or threw.
TEST_P(TransactionTest, AnAuditTransactionCommitsAndLeavesCommitsDurable) {
  ASSERT_TRUE(db().transact(TxMode::audit,
                            [&](Conn& c) { return store::orgs::insert(c, org("W06000001"), kNow); })
                  .ok());
  EXPECT_EQ(count_rows("organisations"), 1);
  (void)db().transact(TxMode::audit, [&](Conn& c) -> Status {
    (void)store::orgs::insert(c, org("W06000002"), kNow);
    return Error::of(Errc::invalid, "invalid_input");
  });
  EXPECT_EQ(count_rows("organisations"), 1);
  EXPECT_THROW(db().transact(TxMode::audit,
                             [&](Conn&) -> Status { throw std::runtime_error("body failed"); }),
               std::runtime_error);
  const bool sqlite = db().engine() == store::Engine::sqlite;
  // Every pooled connection, not only the one that happened to come back first.
  std::vector<std::string> settings;
  std::vector<std::thread> readers;
  std::mutex m;
  for (int i = 0; i < 4; ++i)
    readers.emplace_back([&] {
      db().transact(TxMode::read, [&](Conn& c) {
        const auto v =
            c.query(sqlite ? "PRAGMA synchronous" : "SHOW synchronous_commit").at(0).text(0);
        std::lock_guard lock(m);
        settings.push_back(v);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      });
    });
  for (auto& t : readers) t.join();
  for (const auto& v : settings) EXPECT_EQ(v, sqlite ? "2" : "on");
}

INSTANTIATE_TEST_SUITE_P(Engines, TransactionTest, kBothEngines, EngineName());

}  // namespace
}  // namespace sgwrs::test
