// The audit trail: append, read newest first, and no way to change or delete a line.
#include <gtest/gtest.h>

#include <vector>

#include "store/audit/audit_store.hpp"
#include "store/core/store_fixture.hpp"

namespace sgwrs::test {
namespace {

using store::Conn;
using store::StoreError;
namespace audit = store::audit;

class AuditStoreTest : public StoreTest {
 protected:
  Id append(const std::string& action, std::optional<Id> actor = std::nullopt) {
    AuditEvent e;
    e.at = kNow;
    e.actor_user_id = actor;
    e.action = action;
    e.outcome = "ok";
    return write([&](Conn& c) { return audit::append(c, e); });
  }
  std::vector<AuditEvent> list(Id before, int limit) {
    return read([&](Conn& c) { return audit::list(c, before, limit); });
  }
};

std::vector<std::string> actions_of(const std::vector<AuditEvent>& v) {
  std::vector<std::string> out;
  for (const auto& e : v) out.push_back(e.action);
  return out;
}

TEST_P(AuditStoreTest, AppendKeepsEveryField) {
  const auto org = add_org("W06000015");
  const auto admin = add_user(org.id, "admin@example.org", "Admin", Role::administrator);
  AuditEvent e;
  e.at = 1'700'000'123;
  e.actor_user_id = admin.id;
  e.action = "user.update";
  e.outcome = "ok";
  e.target_type = "user";
  e.target_id = "42";
  e.detail = R"({"display_name":"Sam Jones-Price","name_cy":"d\u0175r"})";
  e.address = "2001:db8::7";
  const Id id = write([&](Conn& c) { return audit::append(c, e); });
  EXPECT_GT(id, 0);
  const auto rows = list(0, 10);
  ASSERT_EQ(rows.size(), 1u);
  const auto& r = rows[0];
  EXPECT_EQ(r.id, id);
  EXPECT_EQ(r.at, 1'700'000'123);
  EXPECT_EQ(r.actor_user_id, admin.id);
  EXPECT_EQ(r.action, "user.update");
  EXPECT_EQ(r.outcome, "ok");
  EXPECT_EQ(r.target_type, "user");
  EXPECT_EQ(r.target_id, "42");
  EXPECT_EQ(r.detail, e.detail);
  EXPECT_EQ(r.address, "2001:db8::7");

  // No actor (the operator, or an unknown account) is kept as no actor.
  append("session.start");
  EXPECT_FALSE(list(0, 1).at(0).actor_user_id.has_value());
}

TEST_P(AuditStoreTest, ListsNewestFirstWithACursor) {
  std::vector<Id> ids;
  for (int i = 1; i <= 5; ++i) ids.push_back(append("event" + std::to_string(i)));
  using V = std::vector<std::string>;
  EXPECT_EQ(actions_of(list(0, 10)), (V{"event5", "event4", "event3", "event2", "event1"}));
  const auto first = list(0, 2);
  EXPECT_EQ(actions_of(first), (V{"event5", "event4"}));
  const auto second = list(first.back().id, 2);
  EXPECT_EQ(actions_of(second), (V{"event3", "event2"}));
  const auto third = list(second.back().id, 2);
  EXPECT_EQ(actions_of(third), (V{"event1"}));
  EXPECT_TRUE(list(third.back().id, 2).empty());
}

TEST_P(AuditStoreTest, RowsCannotBeUpdated) {
  const Id id = append("session.start");
  EXPECT_THROW(write([&](Conn& c) {
                 c.exec("UPDATE audit_events SET outcome = 'tampered' WHERE id = ?", {id});
               }),
               StoreError);
  EXPECT_THROW(write([&](Conn& c) { c.exec("UPDATE audit_events SET action = 'x'"); }), StoreError);
  const auto rows = list(0, 10);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].action, "session.start");
  EXPECT_EQ(rows[0].outcome, "ok");
}

TEST_P(AuditStoreTest, RowsCannotBeDeleted) {
  const Id id = append("session.start");
  append("session.end");
  EXPECT_THROW(write([&](Conn& c) { c.exec("DELETE FROM audit_events WHERE id = ?", {id}); }),
               StoreError);
  EXPECT_THROW(write([&](Conn& c) { c.exec("DELETE FROM audit_events"); }), StoreError);
  EXPECT_EQ(count_rows("audit_events"), 2);
  EXPECT_EQ(list(0, 10).back().id, id);
}

TEST_P(AuditStoreTest, AnAuditLineCommitsOrRollsBackWithItsChange) {
  // A change and its audit line share the transaction: if the change fails, neither stays.
  auto r = write([&](Conn& c) -> Result<Organisation> {
    AuditEvent e;
    e.action = "organisation.create";
    e.outcome = "ok";
    audit::append(c, e);
    return Error::of(Errc::invalid, "invalid_input");
  });
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(count_rows("audit_events"), 0);
}

// ---- Regressions -------------------------------------------------------------------------

// Was a bug (audit_store.cpp, audit::list): "(? = 0 OR id < ?)" makes PostgreSQL type the first
// parameter as a 32-bit integer, so any cursor above 2147483647 (e.g. ?before=9999999999
// from a URL) fails with "value out of range for type integer" instead of listing.
// Fix: "(CAST(? AS BIGINT) = 0 OR id < ?)".
TEST_P(AuditStoreTest, CursorBeyond32BitsWorks) {
  append("session.start");
  EXPECT_EQ(list(std::int64_t{1} << 40, 10).size(), 1u);
  EXPECT_EQ(list(9'999'999'999, 10).size(), 1u);
}

// Was a bug (migration 1 on PostgreSQL): the append-only trigger is FOR EACH ROW on
// UPDATE OR DELETE, which TRUNCATE does not fire, so "TRUNCATE audit_events" empties the
// trail. Fix: also CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
// FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only(). (SQLite has no TRUNCATE;
// its DELETE without WHERE fires the row trigger, as RowsCannotBeDeleted shows.)
TEST_P(AuditStoreTest, RowsCannotBeTruncated) {
  if (engine() != store::Engine::postgres) GTEST_SKIP() << "SQLite has no TRUNCATE";
  append("session.start");
  EXPECT_THROW(write([&](Conn& c) { c.exec_script("TRUNCATE audit_events"); }), StoreError);
  EXPECT_EQ(count_rows("audit_events"), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, AuditStoreTest, kBothEngines, EngineName());

}  // namespace
}  // namespace sgwrs::test
