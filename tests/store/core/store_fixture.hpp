#pragma once
// A migrated, empty database of the engine under test, and small helpers to fill it.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <utility>

#include "domain/organisation/organisation.hpp"
#include "domain/core/result.hpp"
#include "store/core/db.hpp"
#include "store/core/migrations.hpp"
#include "store/organisation/org_store.hpp"
#include "store/organisation/user_store.hpp"
#include "support/test_db.hpp"

namespace sgwrs::test {

// The value of a Result the test relies on; an error becomes an exception naming it, which
// GoogleTest reports as a failure of the test.
template <typename T>
T must(Result<T> r) {
  if (!r.ok())
    throw std::runtime_error("unexpected error result: " + r.error().key + " " + r.error().detail);
  return std::move(r).value();
}

class StoreTest : public EngineTest {
 protected:
  static constexpr std::int64_t kNow = 1'700'000'000;

  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    store::migrate(db());
  }

  template <typename F>
  auto write(F&& f) {
    return db().transact(store::TxMode::write, std::forward<F>(f));
  }
  template <typename F>
  auto read(F&& f) {
    return db().transact(store::TxMode::read, std::forward<F>(f));
  }

  Organisation add_org(std::string ons_code, std::string name_en = "Cardiff Council",
                       std::string name_cy = "Cyngor Caerdydd") {
    Organisation o;
    o.name_en = std::move(name_en);
    o.name_cy = std::move(name_cy);
    o.ons_code = std::move(ons_code);
    return must(write([&](store::Conn& c) { return store::orgs::insert(c, o, kNow); }));
  }

  Service add_service(Id organisation_id, std::string name_en,
                      ServiceKind kind = ServiceKind::adult_social_care) {
    Service s;
    s.organisation_id = organisation_id;
    s.kind = kind;
    s.name_cy = "Gwasanaeth " + name_en;
    s.name_en = std::move(name_en);
    return must(write([&](store::Conn& c) { return store::services::insert(c, s, kNow); }));
  }

  Pod add_pod(Id service_id, std::string name_en) {
    Pod p;
    p.service_id = service_id;
    p.name_cy = "Pod " + name_en;
    p.name_en = std::move(name_en);
    return must(write([&](store::Conn& c) { return store::pods::insert(c, p, kNow); }));
  }

  User add_user(Id organisation_id, std::string email, std::string display_name = "Sam Jones",
                Role role = Role::practitioner, std::optional<Id> pod_id = std::nullopt) {
    User u;
    u.email = std::move(email);
    u.display_name = std::move(display_name);
    u.role = role;
    u.organisation_id = organisation_id;
    u.pod_id = pod_id;
    return must(write([&](store::Conn& c) {
      return store::users::insert(c, u, "$argon2id$not-a-real-hash", kNow);
    }));
  }

  std::int64_t count_rows(const std::string& table) {
    // Table names come from the tests only.
    return read(
        [&](store::Conn& c) { return c.query("SELECT COUNT(*) FROM " + table).at(0).i64(0); });
  }
};

}  // namespace sgwrs::test
