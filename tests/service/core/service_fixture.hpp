#pragma once
// Services over a migrated database of the engine under test, with a clock the test moves,
// one organisation, an administrator and a practitioner.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "service/audit/audit_service.hpp"
#include "service/identity/auth_service.hpp"
#include "service/core/context.hpp"
#include "service/core/crypto.hpp"
#include "service/organisation/org_service.hpp"
#include "service/identity/token_service.hpp"
#include "service/organisation/user_service.hpp"
#include "store/audit/audit_store.hpp"
#include "store/core/store_fixture.hpp"

namespace sgwrs::test {

class ServiceTest : public StoreTest {
 protected:
  static constexpr const char* kPassword = "Ffenestr-Glas-Mynydd-47";
  static constexpr const char* kAddress = "192.0.2.10";

  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    audit_ = std::make_unique<AuditService>(db(), clock());
    auth_ = std::make_unique<AuthService>(db(), *audit_, clock());
    orgs_ = std::make_unique<OrgService>(db(), *audit_, clock(), overviews_);
    users_ = std::make_unique<UserService>(db(), *audit_, clock(), overviews_);
    tokens_ = std::make_unique<TokenService>(db(), *audit_, clock());

    org_ = add_org("W06000015");
    // Hashing is deliberately slow, so every test shares one hash of kPassword.
    static const std::string hash = crypto::hash_password(kPassword);
    admin_ =
        add_user_with_hash(org_.id, "admin@example.org", "Awen Admin", Role::administrator, hash);
    sam_ =
        add_user_with_hash(org_.id, "sam.jones@example.org", "Sam Jones", Role::practitioner, hash);
  }

  void TearDown() override {
    tokens_.reset();
    users_.reset();
    orgs_.reset();
    auth_.reset();
    audit_.reset();
    StoreTest::TearDown();
  }

  Clock clock() {
    return [this] { return now_; };
  }
  void advance(std::int64_t seconds) { now_ += seconds; }

  User add_user_with_hash(Id org, std::string email, std::string name, Role role,
                          const std::string& hash) {
    User u;
    u.email = std::move(email);
    u.display_name = std::move(name);
    u.role = role;
    u.organisation_id = org;
    return must(write([&](store::Conn& c) { return store::users::insert(c, u, hash, now_); }));
  }

  Actor actor(const User& u) { return Actor{u, kAddress}; }
  // Reads the user as stored now (its current version).
  User reload(const User& u) {
    return *read([&](store::Conn& c) { return store::users::find(c, u.id); });
  }

  std::vector<AuditEvent> audit_rows(int limit = 100) {
    return read([&](store::Conn& c) { return store::audit::list(c, 0, limit); });
  }
  AuditEvent last_audit() {
    auto rows = audit_rows(1);
    if (rows.empty()) throw std::runtime_error("the audit trail is empty");
    return rows[0];
  }

  std::int64_t now_ = 1'700'000'000;
  OverviewCache overviews_;
  std::unique_ptr<AuditService> audit_;
  std::unique_ptr<AuthService> auth_;
  std::unique_ptr<OrgService> orgs_;
  std::unique_ptr<UserService> users_;
  std::unique_ptr<TokenService> tokens_;
  Organisation org_;
  User admin_, sam_;
};

}  // namespace sgwrs::test
