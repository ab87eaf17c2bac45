// Personal access tokens and the audit trail's reader.
#include <gtest/gtest.h>

#include "service/core/service_fixture.hpp"

namespace sgwrs::test {
namespace {

using store::Conn;

class TokenServiceTest : public ServiceTest {};

TEST_P(TokenServiceTest, CreatedTokenAuthenticatesUntilRevoked) {
  auto t = tokens_->create(actor(sam_), {"  Power BI  "});
  ASSERT_TRUE(t.ok()) << t.error().key;
  EXPECT_EQ(t->secret.rfind("sgwrs_", 0), 0u);
  EXPECT_EQ(t->secret.size(), 6u + 43u);
  EXPECT_EQ(t->row.name, "Power BI");
  EXPECT_EQ(last_audit().action, "token.create");
  EXPECT_EQ(last_audit().detail.find(t->secret), std::string::npos);

  auto u = auth_->authenticate_token(t->secret, kAddress);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->id, sam_.id);
  auto listed = tokens_->list(actor(sam_));
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->at(0).last_used_at, now_);

  // Nobody else can revoke it.
  EXPECT_EQ(tokens_->revoke(actor(admin_), t->row.id).error().code, Errc::not_found);
  EXPECT_TRUE(auth_->authenticate_token(t->secret, kAddress).ok());

  ASSERT_TRUE(tokens_->revoke(actor(sam_), t->row.id).ok());
  EXPECT_EQ(last_audit().action, "token.revoke");
  auto after = auth_->authenticate_token(t->secret, kAddress);
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error().code, Errc::unauthenticated);
  EXPECT_EQ(last_audit().action, "token.authenticate");
  EXPECT_EQ(last_audit().outcome, "failed");
  EXPECT_EQ(tokens_->revoke(actor(sam_), t->row.id).error().code, Errc::not_found);
}

TEST_P(TokenServiceTest, UnknownTokensAndDisabledOwnersAreRefused) {
  EXPECT_EQ(auth_->authenticate_token("sgwrs_" + crypto::random_token(), kAddress).error().code,
            Errc::unauthenticated);
  auto t = tokens_->create(actor(sam_), {"script"});
  ASSERT_TRUE(t.ok());
  User u = reload(sam_);
  u.disabled = true;
  ASSERT_TRUE(users_->update(actor(admin_), u).ok());
  EXPECT_EQ(auth_->authenticate_token(t->secret, kAddress).error().code, Errc::unauthenticated);
}

TEST_P(TokenServiceTest, TokenNameIsRequired) {
  auto t = tokens_->create(actor(sam_), {"   "});
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().fields.at(0).field, "name");
  EXPECT_EQ(t.error().fields.at(0).key, "required");
}

TEST_P(TokenServiceTest, OnlyAdministratorsReadTheAuditTrail) {
  ASSERT_TRUE(tokens_->create(actor(sam_), {"one"}).ok());
  auto refused = audit_->list(actor(sam_), 0, 10);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, Errc::forbidden);
  auto rows = audit_->list(actor(admin_), 0, 10);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ(rows->at(0).action, "access.refuse");  // sam's attempt, newest first
  EXPECT_EQ(rows->at(0).target_type, "audit");
  EXPECT_EQ(rows->at(1).action, "token.create");
}

// Issue 7, defect 3: a token made more tokens, outlived its owner's password and never
// expired.
TEST_P(TokenServiceTest, ATokenCannotMakeAnotherToken) {
  auto t = tokens_->create(actor(sam_), {"first"});
  ASSERT_TRUE(t.ok());
  Actor by_token{sam_, kAddress, true};
  auto second = tokens_->create(by_token, {"second"});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, Errc::forbidden);
  EXPECT_EQ(second.error().key, "token_needs_session");
  EXPECT_EQ(last_audit().action, "token.create");
  EXPECT_EQ(last_audit().outcome, "refused");
  EXPECT_EQ(tokens_->list(actor(sam_))->size(), 1u);
}

TEST_P(TokenServiceTest, TokensExpireAfterTheirLifetime) {
  auto standard = tokens_->create(actor(sam_), {"standard"});
  auto week = tokens_->create(actor(sam_), {"a week", 7});
  ASSERT_TRUE(standard.ok() && week.ok());
  EXPECT_EQ(standard->row.expires_at, now_ + 90 * 86400);
  EXPECT_EQ(week->row.expires_at, now_ + 7 * 86400);
  advance(7 * 86400 - 1);
  EXPECT_TRUE(auth_->authenticate_token(week->secret, kAddress).ok());
  advance(1);
  EXPECT_EQ(auth_->authenticate_token(week->secret, kAddress).error().code, Errc::unauthenticated);
  EXPECT_TRUE(auth_->authenticate_token(standard->secret, kAddress).ok());
  advance(83 * 86400);
  EXPECT_FALSE(auth_->authenticate_token(standard->secret, kAddress).ok());
  // The list still shows them, with when they expired.
  auto listed = tokens_->list(actor(sam_));
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ(listed->at(1).expires_at, week->row.expires_at);
}

TEST_P(TokenServiceTest, LifetimeIsFromOneDayToAYear) {
  for (std::int64_t days : {0, -3, 366, 100000}) {
    auto t = tokens_->create(actor(sam_), {"x", days});
    ASSERT_FALSE(t.ok()) << days;
    ASSERT_EQ(t.error().fields.size(), 1u);
    EXPECT_EQ(t.error().fields[0].field, "expires_in_days");
    EXPECT_EQ(t.error().fields[0].key, "token_lifetime_range");
  }
  EXPECT_TRUE(tokens_->create(actor(sam_), {"x", 1}).ok());
  EXPECT_TRUE(tokens_->create(actor(sam_), {"x", 365}).ok());
  EXPECT_EQ(tokens_->list(actor(sam_))->size(), 2u);
}

TEST_P(TokenServiceTest, TokensEndWhenTheOwnersPasswordChanges) {
  auto t = tokens_->create(actor(sam_), {"script"});
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE(auth_->change_password(actor(sam_), kPassword, "Newydd-Cadarn-Afon-93").ok());
  EXPECT_EQ(auth_->authenticate_token(t->secret, kAddress).error().code, Errc::unauthenticated);
  auto listed = tokens_->list(actor(sam_));
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->at(0).revoked_reason, "password_changed");
}

TEST_P(TokenServiceTest, TokensEndWhenAnAdministratorSetsThePassword) {
  auto t = tokens_->create(actor(sam_), {"script"});
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE(users_->set_password(actor(admin_), sam_.id, "Newydd-Cadarn-Afon-93").ok());
  EXPECT_FALSE(auth_->authenticate_token(t->secret, kAddress).ok());
  EXPECT_EQ(tokens_->list(actor(sam_))->at(0).revoked_reason, "password_reset");
}

TEST_P(TokenServiceTest, TokensOfADisabledAccountStayEndedWhenItIsEnabledAgain) {
  auto t = tokens_->create(actor(sam_), {"script"});
  ASSERT_TRUE(t.ok());
  User u = reload(sam_);
  u.disabled = true;
  ASSERT_TRUE(users_->update(actor(admin_), u).ok());
  u = reload(sam_);
  u.disabled = false;
  ASSERT_TRUE(users_->update(actor(admin_), u).ok());
  EXPECT_FALSE(auth_->authenticate_token(t->secret, kAddress).ok());
  EXPECT_EQ(tokens_->list(actor(sam_))->at(0).revoked_reason, "account_disabled");
}

INSTANTIATE_TEST_SUITE_P(Engines, TokenServiceTest, kBothEngines, EngineName());

}  // namespace
}  // namespace sgwrs::test
