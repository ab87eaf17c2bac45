// Staff accounts in the store, on both engines.
#include <gtest/gtest.h>

#include <vector>

#include "store/core/store_fixture.hpp"
#include "store/organisation/user_store.hpp"

namespace sgwrs::test {
namespace {

using store::Conn;

std::vector<std::string> emails_of(const std::vector<User>& v) {
  std::vector<std::string> out;
  for (const auto& u : v) out.push_back(u.email);
  return out;
}

class UserStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    org_ = add_org("W06000015");
    other_org_ = add_org("W06000011", "Swansea Council", "Cyngor Abertawe");
    service_ = add_service(org_.id, "Adults");
    pod_ = add_pod(service_.id, "North");
  }
  Organisation org_, other_org_;
  Service service_;
  Pod pod_;
};

TEST_P(UserStoreTest, InsertThenFindByIdAndEmail) {
  User u;
  u.email = "ceri.evans@example.org";
  u.display_name = "Ceri Ev\xC3\xA1ns";
  u.role = Role::pod_manager;
  u.organisation_id = org_.id;
  u.pod_id = pod_.id;
  u.language = Language::cy;
  const auto inserted =
      must(write([&](Conn& c) { return store::users::insert(c, u, "$argon2id$h1", kNow); }));
  EXPECT_GT(inserted.id, 0);
  EXPECT_EQ(inserted.version, 1);

  for (const auto& found :
       {read([&](Conn& c) { return store::users::find(c, inserted.id); }),
        read([&](Conn& c) { return store::users::find_by_email(c, "ceri.evans@example.org"); })}) {
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->id, inserted.id);
    EXPECT_EQ(found->email, "ceri.evans@example.org");
    EXPECT_EQ(found->display_name, "Ceri Ev\xC3\xA1ns");
    EXPECT_EQ(found->role, Role::pod_manager);
    EXPECT_EQ(found->organisation_id, org_.id);
    EXPECT_EQ(found->pod_id, pod_.id);
    EXPECT_EQ(found->language, Language::cy);
    EXPECT_FALSE(found->disabled);
    EXPECT_EQ(found->version, 1);
  }
  EXPECT_EQ(read([&](Conn& c) { return store::users::password_hash(c, inserted.id); }),
            "$argon2id$h1");
  EXPECT_FALSE(read([&](Conn& c) { return store::users::find(c, 999); }).has_value());
  EXPECT_FALSE(read([&](Conn& c) {
                 return store::users::find_by_email(c, "nobody@example.org");
               }).has_value());
  EXPECT_FALSE(read([&](Conn& c) { return store::users::password_hash(c, 999); }).has_value());
}

TEST_P(UserStoreTest, EveryRoleRoundTrips) {
  int i = 0;
  for (Role r : all_roles()) {
    const auto u = add_user(org_.id, "person" + std::to_string(i++) + "@example.org", "P", r);
    EXPECT_EQ(read([&](Conn& c) { return store::users::find(c, u.id); })->role, r) << role_id(r);
  }
}

TEST_P(UserStoreTest, DuplicateEmailIsConflictOnEmail) {
  add_user(org_.id, "sam@example.org");
  User dup;
  dup.email = "sam@example.org";
  dup.display_name = "Another Sam";
  dup.organisation_id = other_org_.id;
  auto r = write([&](Conn& c) { return store::users::insert(c, dup, "h", kNow); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::conflict);
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "email");
  EXPECT_EQ(r.error().fields[0].key, "email_taken");
  EXPECT_EQ(count_rows("users"), 1);

  auto alex = add_user(org_.id, "alex@example.org");
  alex.email = "sam@example.org";
  auto u = write([&](Conn& c) { return store::users::update(c, alex, kNow); });
  ASSERT_FALSE(u.ok());
  EXPECT_EQ(u.error().code, Errc::conflict);
  EXPECT_EQ(read([&](Conn& c) { return store::users::find(c, alex.id); })->email,
            "alex@example.org");
}

TEST_P(UserStoreTest, ListFiltersByOrganisationAndPages) {
  const auto a = add_user(org_.id, "a@example.org");
  const auto b = add_user(other_org_.id, "b@example.org");
  const auto c = add_user(org_.id, "c@example.org");
  const auto d = add_user(org_.id, "d@example.org");
  auto list = [&](std::optional<Id> org, PageRequest p) {
    return emails_of(read([&](Conn& cn) { return store::users::list(cn, org, p); }));
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(list(std::nullopt, {}), (V{a.email, b.email, c.email, d.email}));
  EXPECT_EQ(list(org_.id, {}), (V{a.email, c.email, d.email}));
  EXPECT_EQ(list(other_org_.id, {}), (V{b.email}));
  EXPECT_EQ(list(org_.id, PageRequest{0, 2}), (V{a.email, c.email}));
  EXPECT_EQ(list(org_.id, PageRequest{c.id, 2}), (V{d.email}));
  EXPECT_TRUE(list(org_.id, PageRequest{d.id, 2}).empty());
  EXPECT_EQ(read([&](Conn& cn) { return store::users::count(cn); }), 4);
}

TEST_P(UserStoreTest, ListByPodIsOrderedByName) {
  add_user(org_.id, "z@example.org", "Zara Williams", Role::practitioner, pod_.id);
  add_user(org_.id, "a@example.org", "Aled Roberts", Role::mentor, pod_.id);
  add_user(org_.id, "m@example.org", "Megan Davies", Role::practitioner, pod_.id);
  add_user(org_.id, "x@example.org", "Not In Pod");
  auto in_pod = read([&](Conn& c) { return store::users::list_by_pod(c, pod_.id); });
  std::vector<std::string> names;
  for (const auto& u : in_pod) names.push_back(u.display_name);
  EXPECT_EQ(names, (std::vector<std::string>{"Aled Roberts", "Megan Davies", "Zara Williams"}));
}

TEST_P(UserStoreTest, UpdateChangesProfileAndBumpsVersion) {
  auto u = add_user(org_.id, "sam@example.org");
  u.display_name = "Sam Jones-Price";
  u.role = Role::senior_practitioner;
  u.pod_id = pod_.id;
  u.disabled = true;
  const auto updated = must(write([&](Conn& c) { return store::users::update(c, u, kNow); }));
  EXPECT_EQ(updated.version, 2);
  auto found = read([&](Conn& c) { return store::users::find(c, u.id); });
  EXPECT_EQ(found->display_name, "Sam Jones-Price");
  EXPECT_EQ(found->role, Role::senior_practitioner);
  EXPECT_EQ(found->pod_id, pod_.id);
  EXPECT_TRUE(found->disabled);
  EXPECT_EQ(found->version, 2);

  // Clearing the pod stores NULL.
  auto again = *found;
  again.pod_id.reset();
  must(write([&](Conn& c) { return store::users::update(c, again, kNow); }));
  EXPECT_FALSE(read([&](Conn& c) { return store::users::find(c, u.id); })->pod_id.has_value());
}

TEST_P(UserStoreTest, StaleUpdateChangesNothingAndMissingIsNotFound) {
  const auto original = add_user(org_.id, "sam@example.org");
  auto first = original, second = original;
  first.display_name = "First";
  must(write([&](Conn& c) { return store::users::update(c, first, kNow); }));
  second.display_name = "Second";
  second.disabled = true;
  auto r = write([&](Conn& c) { return store::users::update(c, second, kNow); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::stale);
  auto found = read([&](Conn& c) { return store::users::find(c, original.id); });
  EXPECT_EQ(found->display_name, "First");
  EXPECT_FALSE(found->disabled);
  EXPECT_EQ(found->version, 2);

  User ghost = original;
  ghost.id = 999;
  auto m = write([&](Conn& c) { return store::users::update(c, ghost, kNow); });
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().code, Errc::not_found);
}

TEST_P(UserStoreTest, PasswordChangeBumpsVersionLanguageDoesNot) {
  const auto u = add_user(org_.id, "sam@example.org");
  write([&](Conn& c) { store::users::set_password_hash(c, u.id, "$argon2id$new", kNow + 5); });
  EXPECT_EQ(read([&](Conn& c) { return store::users::password_hash(c, u.id); }), "$argon2id$new");
  EXPECT_EQ(read([&](Conn& c) { return store::users::find(c, u.id); })->version, 2);

  write([&](Conn& c) { store::users::set_language(c, u.id, Language::cy); });
  auto found = read([&](Conn& c) { return store::users::find(c, u.id); });
  EXPECT_EQ(found->language, Language::cy);
  EXPECT_EQ(found->version, 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, UserStoreTest, kBothEngines, EngineName());

}  // namespace
}  // namespace sgwrs::test
