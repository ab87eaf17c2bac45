// Role, service kind and language ids are stored in the database: they must round-trip.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "domain/organisation/organisation.hpp"
#include "domain/organisation/roles.hpp"

namespace sgwrs {
namespace {

TEST(Roles, EveryRoleRoundTrips) {
  ASSERT_EQ(all_roles().size(), 10u);
  std::set<std::string> ids;
  for (Role r : all_roles()) {
    const auto id = role_id(r);
    EXPECT_FALSE(id.empty());
    ids.emplace(id);
    ASSERT_TRUE(parse_role(id).has_value()) << id;
    EXPECT_EQ(*parse_role(id), r) << id;
  }
  EXPECT_EQ(ids.size(), all_roles().size()) << "role ids must be distinct";
}

TEST(Roles, KnownIds) {
  EXPECT_EQ(role_id(Role::practitioner), "practitioner");
  EXPECT_EQ(role_id(Role::pod_manager), "pod_manager");
  EXPECT_EQ(role_id(Role::administrator), "administrator");
  EXPECT_EQ(parse_role("senior_practitioner"), Role::senior_practitioner);
  EXPECT_EQ(parse_role("analyst"), Role::analyst);
}

TEST(Roles, UnknownIdsRefused) {
  EXPECT_FALSE(parse_role("").has_value());
  EXPECT_FALSE(parse_role("Administrator").has_value());
  EXPECT_FALSE(parse_role("root").has_value());
  EXPECT_FALSE(parse_role("administrator ").has_value());
}

TEST(ServiceKinds, EveryKindRoundTrips) {
  ASSERT_EQ(all_service_kinds().size(), 7u);
  std::set<std::string> ids;
  for (ServiceKind k : all_service_kinds()) {
    const auto id = service_kind_id(k);
    EXPECT_FALSE(id.empty());
    ids.emplace(id);
    ASSERT_TRUE(parse_service_kind(id).has_value()) << id;
    EXPECT_EQ(*parse_service_kind(id), k) << id;
  }
  EXPECT_EQ(ids.size(), all_service_kinds().size()) << "service kind ids must be distinct";
}

TEST(ServiceKinds, KnownAndUnknownIds) {
  EXPECT_EQ(service_kind_id(ServiceKind::adult_social_care), "adult_social_care");
  EXPECT_EQ(parse_service_kind("childrens_services"), ServiceKind::childrens_services);
  EXPECT_EQ(parse_service_kind("third_sector"), ServiceKind::third_sector);
  EXPECT_FALSE(parse_service_kind("").has_value());
  EXPECT_FALSE(parse_service_kind("hospital").has_value());
}

TEST(Languages, RoundTrip) {
  EXPECT_EQ(language_id(Language::en), "en");
  EXPECT_EQ(language_id(Language::cy), "cy");
  EXPECT_EQ(parse_language("cy"), Language::cy);
  EXPECT_EQ(parse_language("en"), Language::en);
  EXPECT_EQ(parse_language("fr"), Language::en);  // anything unknown falls back to English
}

}  // namespace
}  // namespace sgwrs
