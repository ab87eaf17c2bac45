// Staff accounts through UserService: administrators only, validated, audited.
#include <gtest/gtest.h>

#include <map>

#include "service/core/service_fixture.hpp"
#include "store/identity/session_store.hpp"

namespace sgwrs::test {
namespace {

using store::Conn;

class UserServiceTest : public ServiceTest {
 protected:
  NewUser new_user(std::string email, std::string password = "Afon-Taf-Llifo-2024") {
    NewUser n;
    n.user.email = std::move(email);
    n.user.display_name = "Gareth Price";
    n.user.role = Role::practitioner;
    n.user.organisation_id = org_.id;
    n.password = std::move(password);
    return n;
  }
};

TEST_P(UserServiceTest, AdministratorCreatesAnAccountThatCanSignIn) {
  auto r = users_->create(actor(admin_), new_user("Gareth.Price@Example.org"));
  ASSERT_TRUE(r.ok()) << r.error().key;
  EXPECT_EQ(r->email, "gareth.price@example.org");
  const auto e = last_audit();
  EXPECT_EQ(e.action, "user.create");
  EXPECT_EQ(e.actor_user_id, admin_.id);
  EXPECT_EQ(e.target_id, std::to_string(r->id));
  EXPECT_EQ(e.detail.find("Afon-Taf"), std::string::npos) << "no password in the audit trail";
  // The stored hash is argon2id, never the password.
  auto hash = read([&](Conn& c) { return store::users::password_hash(c, r->id); });
  ASSERT_TRUE(hash.has_value());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(auth_->sign_in("gareth.price@example.org", "Afon-Taf-Llifo-2024", kAddress).ok());
}

TEST_P(UserServiceTest, CommonPasswordIsAFieldError) {
  auto r = users_->create(actor(admin_), new_user("gareth.price@example.org", "password123"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::invalid);
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "password");
  EXPECT_EQ(r.error().fields[0].key, "password_common");
  EXPECT_EQ(count_rows("users"), 2);
}

TEST_P(UserServiceTest, EveryProblemIsReportedAtOnce) {
  auto n = new_user("not an email", "short");
  n.user.display_name = "";
  auto r = users_->create(actor(admin_), n);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::invalid);
  std::map<std::string, std::string> fields;
  for (const auto& f : r.error().fields) fields[f.field] = f.key;
  EXPECT_EQ(fields["email"], "email_format");
  EXPECT_EQ(fields["display_name"], "required");
  EXPECT_EQ(fields["password"], "password_too_short");

  auto same = users_->create(actor(admin_), new_user("gareth@example.org", "gareth@example.org"));
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(same.error().fields.at(0).key, "password_is_username");
}

TEST_P(UserServiceTest, DuplicateEmailIsConflict) {
  auto r = users_->create(actor(admin_), new_user("SAM.JONES@example.org"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::conflict);
  EXPECT_EQ(r.error().fields.at(0).field, "email");
}

TEST_P(UserServiceTest, NonAdministratorsCannotManageAccounts) {
  auto r = users_->create(actor(sam_), new_user("gareth.price@example.org"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::forbidden);
  EXPECT_EQ(last_audit().action, "access.refuse");
  EXPECT_EQ(last_audit().actor_user_id, sam_.id);

  User me = reload(sam_);
  me.role = Role::administrator;  // promoting oneself
  auto u = users_->update(actor(sam_), me);
  ASSERT_FALSE(u.ok());
  EXPECT_EQ(u.error().code, Errc::forbidden);
  EXPECT_EQ(reload(sam_).role, Role::practitioner);
  EXPECT_EQ(users_->set_password(actor(sam_), admin_.id, "Ymosodwr-Drwg-99").error().code,
            Errc::forbidden);
}

TEST_P(UserServiceTest, UpdateIsOptimisticAndAdminsCannotDisableThemselves) {
  User u = reload(sam_);
  User stale = u;
  u.role = Role::senior_practitioner;
  auto ok = users_->update(actor(admin_), u);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->version, 2);
  EXPECT_EQ(last_audit().action, "user.update");
  stale.display_name = "Lost update";
  EXPECT_EQ(users_->update(actor(admin_), stale).error().code, Errc::stale);
  EXPECT_EQ(reload(sam_).display_name, "Sam Jones");

  User self = reload(admin_);
  self.disabled = true;
  auto r = users_->update(actor(admin_), self);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fields.at(0).field, "disabled");
  EXPECT_FALSE(reload(admin_).disabled);
}

TEST_P(UserServiceTest, PodMustBelongToTheUsersOrganisation) {
  const auto other = add_org("W06000011", "Swansea Council", "Cyngor Abertawe");
  const auto pod = add_pod(add_service(other.id, "Adults").id, "West");
  User u = reload(sam_);
  u.pod_id = pod.id;
  auto r = users_->update(actor(admin_), u);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::invalid);
  EXPECT_EQ(r.error().fields.at(0).field, "pod_id");
  EXPECT_EQ(r.error().fields.at(0).key, "pod_other_organisation");
}

TEST_P(UserServiceTest, SetPasswordEndsTheOldSessions) {
  auto in = auth_->sign_in("sam.jones@example.org", kPassword, kAddress);
  ASSERT_TRUE(in.ok());
  auto common = users_->set_password(actor(admin_), sam_.id, "password123");
  ASSERT_FALSE(common.ok());
  EXPECT_EQ(common.error().fields.at(0).key, "password_common");
  ASSERT_TRUE(users_->set_password(actor(admin_), sam_.id, "Newydd-Gan-Weinyddwr-7").ok());
  EXPECT_EQ(last_audit().action, "user.password_set");
  EXPECT_FALSE(auth_->resume(in->session_token).ok());
  EXPECT_TRUE(auth_->sign_in("sam.jones@example.org", "Newydd-Gan-Weinyddwr-7", kAddress).ok());
}

TEST_P(UserServiceTest, StaffListOnlyTheirOwnOrganisation) {
  const auto other = add_org("W06000011", "Swansea Council", "Cyngor Abertawe");
  add_user(other.id, "elsewhere@example.org");
  auto mine = users_->list(actor(sam_), std::nullopt, PageRequest{});
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->size(), 2u);
  EXPECT_TRUE(users_->list(actor(sam_), other.id, PageRequest{})->empty());
  EXPECT_EQ(users_->list(actor(admin_), std::nullopt, PageRequest{})->size(), 3u);
  EXPECT_EQ(users_->get(actor(sam_), admin_.id)->email, "admin@example.org");
}

TEST_P(UserServiceTest, OperatorActsAsAdministratorWithoutAnAccount) {
  auto r = users_->create(UserService::operator_actor(), new_user("first.admin@example.org"));
  ASSERT_TRUE(r.ok()) << r.error().key;
  EXPECT_EQ(last_audit().action, "user.create");
  EXPECT_FALSE(last_audit().actor_user_id.has_value());
  EXPECT_EQ(last_audit().address, "command-line");
}

INSTANTIATE_TEST_SUITE_P(Engines, UserServiceTest, kBothEngines, EngineName());

}  // namespace
}  // namespace sgwrs::test
