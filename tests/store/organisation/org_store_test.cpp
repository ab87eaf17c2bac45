// Organisations, services and pods: insert, find, keyset pages, optimistic updates,
// uniqueness and foreign keys, on both engines.
#include <gtest/gtest.h>

#include <vector>

#include "store/organisation/org_store.hpp"
#include "store/core/store_fixture.hpp"

namespace sgwrs::test {
namespace {

using store::Conn;
using store::StoreError;

template <typename T>
std::vector<Id> ids_of(const std::vector<T>& v) {
  std::vector<Id> out;
  for (const auto& x : v) out.push_back(x.id);
  return out;
}

class OrgStoreTest : public StoreTest {};

// ---- organisations ---------------------------------------------------------------------

TEST_P(OrgStoreTest, OrganisationInsertAndFind) {
  const auto o =
      add_org("W06000001", "Isle of Anglesey County Council", "Cyngor Sir Ynys M\xC3\xB4n");
  EXPECT_GT(o.id, 0);
  EXPECT_EQ(o.version, 1);
  auto found = read([&](Conn& c) { return store::orgs::find(c, o.id); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, o.id);
  EXPECT_EQ(found->name_en, "Isle of Anglesey County Council");
  EXPECT_EQ(found->name_cy, "Cyngor Sir Ynys M\xC3\xB4n");
  EXPECT_EQ(found->ons_code, "W06000001");
  EXPECT_EQ(found->version, 1);
  EXPECT_FALSE(read([&](Conn& c) { return store::orgs::find(c, o.id + 1000); }).has_value());
}

TEST_P(OrgStoreTest, OrganisationKeysetPagination) {
  std::vector<Id> all;
  for (int i = 1; i <= 5; ++i) all.push_back(add_org("W0600000" + std::to_string(i)).id);
  auto page = [&](Id after, int limit) {
    return ids_of(read([&](Conn& c) { return store::orgs::list(c, PageRequest{after, limit}); }));
  };
  EXPECT_EQ(page(0, 50), all);
  EXPECT_EQ(page(0, 2), (std::vector<Id>{all[0], all[1]}));
  EXPECT_EQ(page(all[1], 2), (std::vector<Id>{all[2], all[3]}));
  EXPECT_EQ(page(all[3], 2), (std::vector<Id>{all[4]}));
  EXPECT_TRUE(page(all[4], 2).empty());
}

TEST_P(OrgStoreTest, OrganisationUpdateBumpsVersion) {
  auto o = add_org("W06000015");
  o.name_en = "City of Cardiff Council";
  o.ons_code = "W06000016";
  auto updated = must(write([&](Conn& c) { return store::orgs::update(c, o, kNow + 10); }));
  EXPECT_EQ(updated.version, 2);
  EXPECT_EQ(updated.name_en, "City of Cardiff Council");
  auto found = read([&](Conn& c) { return store::orgs::find(c, o.id); });
  EXPECT_EQ(found->version, 2);
  EXPECT_EQ(found->ons_code, "W06000016");
}

TEST_P(OrgStoreTest, DuplicateOnsCodeIsConflict) {
  const auto first = add_org("W06000015");
  Organisation dup;
  dup.name_en = "Another";
  dup.name_cy = "Arall";
  dup.ons_code = "W06000015";
  auto r = write([&](Conn& c) { return store::orgs::insert(c, dup, kNow); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::conflict);
  EXPECT_EQ(count_rows("organisations"), 1);

  // Changing another organisation's code to a taken one is a conflict too.
  auto second = add_org("W06000016");
  second.ons_code = first.ons_code;
  auto u = write([&](Conn& c) { return store::orgs::update(c, second, kNow); });
  ASSERT_FALSE(u.ok());
  EXPECT_EQ(u.error().code, Errc::conflict);
  EXPECT_EQ(read([&](Conn& c) { return store::orgs::find(c, second.id); })->ons_code, "W06000016");
}

TEST_P(OrgStoreTest, StaleOrganisationUpdateChangesNothing) {
  const auto original = add_org("W06000015");
  auto alice = original, bob = original;  // both read version 1
  alice.name_en = "Alice's edit";
  must(write([&](Conn& c) { return store::orgs::update(c, alice, kNow); }));
  bob.name_en = "Bob's edit";
  auto r = write([&](Conn& c) { return store::orgs::update(c, bob, kNow); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::stale);
  auto now = read([&](Conn& c) { return store::orgs::find(c, original.id); });
  EXPECT_EQ(now->name_en, "Alice's edit");
  EXPECT_EQ(now->version, 2);
}

TEST_P(OrgStoreTest, UpdatingMissingRecordsIsNotFound) {
  Organisation o;
  o.id = 4242;
  o.name_en = o.name_cy = "Nowhere";
  o.ons_code = "W06000099";
  auto r = write([&](Conn& c) { return store::orgs::update(c, o, kNow); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::not_found);

  Service s;
  s.id = 4242;
  s.name_en = s.name_cy = "Nowhere";
  auto rs = write([&](Conn& c) { return store::services::update(c, s, kNow); });
  ASSERT_FALSE(rs.ok());
  EXPECT_EQ(rs.error().code, Errc::not_found);

  Pod p;
  p.id = 4242;
  p.name_en = p.name_cy = "Nowhere";
  auto rp = write([&](Conn& c) { return store::pods::update(c, p, kNow); });
  ASSERT_FALSE(rp.ok());
  EXPECT_EQ(rp.error().code, Errc::not_found);
}

// ---- services --------------------------------------------------------------------------

TEST_P(OrgStoreTest, ServiceInsertFindAndEveryKindRoundTrips) {
  const auto org = add_org("W06000015");
  for (ServiceKind k : all_service_kinds()) {
    const auto s = add_service(org.id, "Service " + std::string(service_kind_id(k)), k);
    auto found = read([&](Conn& c) { return store::services::find(c, s.id); });
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->kind, k);
    EXPECT_EQ(found->organisation_id, org.id);
    EXPECT_EQ(found->name_en, s.name_en);
    EXPECT_EQ(found->name_cy, s.name_cy);
    EXPECT_EQ(found->version, 1);
  }
  EXPECT_FALSE(read([&](Conn& c) { return store::services::find(c, 999); }).has_value());
}

TEST_P(OrgStoreTest, ServiceListFiltersByOrganisationAndPages) {
  const auto cardiff = add_org("W06000015");
  const auto swansea = add_org("W06000011", "Swansea Council", "Cyngor Abertawe");
  const auto a = add_service(cardiff.id, "Adults");
  const auto b = add_service(swansea.id, "Adults");  // same name, other organisation: fine
  const auto c = add_service(cardiff.id, "Housing", ServiceKind::housing);
  const auto d = add_service(cardiff.id, "Front door", ServiceKind::integrated_front_door);
  auto list = [&](std::optional<Id> org, PageRequest p) {
    return ids_of(read([&](Conn& cn) { return store::services::list(cn, org, p); }));
  };
  EXPECT_EQ(list(std::nullopt, PageRequest{}), (std::vector<Id>{a.id, b.id, c.id, d.id}));
  EXPECT_EQ(list(cardiff.id, PageRequest{}), (std::vector<Id>{a.id, c.id, d.id}));
  EXPECT_EQ(list(swansea.id, PageRequest{}), (std::vector<Id>{b.id}));
  EXPECT_EQ(list(cardiff.id, PageRequest{0, 2}), (std::vector<Id>{a.id, c.id}));
  EXPECT_EQ(list(cardiff.id, PageRequest{c.id, 2}), (std::vector<Id>{d.id}));
  EXPECT_TRUE(list(cardiff.id, PageRequest{d.id, 2}).empty());
  EXPECT_TRUE(list(Id{999}, PageRequest{}).empty());
}

TEST_P(OrgStoreTest, ServiceNameIsUniqueWithinAnOrganisation) {
  const auto org = add_org("W06000015");
  add_service(org.id, "Adults");
  Service dup;
  dup.organisation_id = org.id;
  dup.name_en = "Adults";
  dup.name_cy = "Oedolion";
  auto r = write([&](Conn& c) { return store::services::insert(c, dup, kNow); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::conflict);
  EXPECT_EQ(count_rows("services"), 1);
}

TEST_P(OrgStoreTest, ServiceUpdateAndStaleUpdate) {
  const auto org = add_org("W06000015");
  auto s = add_service(org.id, "Adults");
  auto stale = s;
  s.kind = ServiceKind::hospital_discharge;
  s.name_cy = "Rhyddhau o'r ysbyty";
  auto updated = must(write([&](Conn& c) { return store::services::update(c, s, kNow); }));
  EXPECT_EQ(updated.version, 2);
  EXPECT_EQ(updated.kind, ServiceKind::hospital_discharge);
  EXPECT_EQ(updated.name_cy, "Rhyddhau o'r ysbyty");

  stale.name_en = "Overwritten?";
  auto r = write([&](Conn& c) { return store::services::update(c, stale, kNow); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::stale);
  auto now = read([&](Conn& c) { return store::services::find(c, s.id); });
  EXPECT_EQ(now->name_en, "Adults");
  EXPECT_EQ(now->version, 2);
}

// ---- pods ------------------------------------------------------------------------------

TEST_P(OrgStoreTest, PodsListByServiceOrOrganisation) {
  const auto cardiff = add_org("W06000015");
  const auto swansea = add_org("W06000011");
  const auto adults = add_service(cardiff.id, "Adults");
  const auto housing = add_service(cardiff.id, "Housing");
  const auto other = add_service(swansea.id, "Adults");
  const auto p1 = add_pod(adults.id, "North");
  const auto p2 = add_pod(housing.id, "North");  // same name, other service: fine
  const auto p3 = add_pod(adults.id, "South");
  const auto p4 = add_pod(other.id, "West");
  auto list = [&](std::optional<Id> svc, std::optional<Id> org, PageRequest p = {}) {
    return ids_of(read([&](Conn& c) { return store::pods::list(c, svc, org, p); }));
  };
  EXPECT_EQ(list(std::nullopt, std::nullopt), (std::vector<Id>{p1.id, p2.id, p3.id, p4.id}));
  EXPECT_EQ(list(adults.id, std::nullopt), (std::vector<Id>{p1.id, p3.id}));
  EXPECT_EQ(list(std::nullopt, cardiff.id), (std::vector<Id>{p1.id, p2.id, p3.id}));
  EXPECT_EQ(list(std::nullopt, swansea.id), (std::vector<Id>{p4.id}));
  EXPECT_TRUE(list(other.id, cardiff.id).empty());  // both filters apply
  EXPECT_EQ(list(std::nullopt, cardiff.id, PageRequest{p1.id, 1}), (std::vector<Id>{p2.id}));

  EXPECT_EQ(read([&](Conn& c) { return store::pods::organisation_of(c, p4.id); }), swansea.id);
  EXPECT_EQ(read([&](Conn& c) { return store::pods::organisation_of(c, p2.id); }), cardiff.id);
  EXPECT_FALSE(read([&](Conn& c) { return store::pods::organisation_of(c, 999); }).has_value());

  auto found = read([&](Conn& c) { return store::pods::find(c, p3.id); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->service_id, adults.id);
  EXPECT_EQ(found->name_en, "South");
  EXPECT_EQ(found->name_cy, "Pod South");
}

TEST_P(OrgStoreTest, PodUpdateConflictAndStale) {
  const auto org = add_org("W06000015");
  const auto svc = add_service(org.id, "Adults");
  add_pod(svc.id, "North");
  auto south = add_pod(svc.id, "South");
  auto stale = south;

  auto renamed = south;
  renamed.name_en = "North";
  auto clash = write([&](Conn& c) { return store::pods::update(c, renamed, kNow); });
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error().code, Errc::conflict);

  south.name_cy = "De";
  auto ok = must(write([&](Conn& c) { return store::pods::update(c, south, kNow); }));
  EXPECT_EQ(ok.version, 2);
  EXPECT_EQ(ok.name_cy, "De");

  stale.name_cy = "Gogledd";
  auto r = write([&](Conn& c) { return store::pods::update(c, stale, kNow); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::stale);
  EXPECT_EQ(read([&](Conn& c) { return store::pods::find(c, south.id); })->name_cy, "De");
}

// ---- foreign keys ----------------------------------------------------------------------

TEST_P(OrgStoreTest, ForeignKeysAreEnforced) {
  Service s;
  s.organisation_id = 777;
  s.name_en = s.name_cy = "Orphan";
  EXPECT_THROW(write([&](Conn& c) { return store::services::insert(c, s, kNow); }), StoreError);
  EXPECT_EQ(count_rows("services"), 0);

  Pod p;
  p.service_id = 777;
  p.name_en = p.name_cy = "Orphan";
  EXPECT_THROW(write([&](Conn& c) { return store::pods::insert(c, p, kNow); }), StoreError);
  EXPECT_EQ(count_rows("pods"), 0);

  User u;
  u.email = "orphan@example.org";
  u.display_name = "Orphan";
  u.organisation_id = 777;
  EXPECT_THROW(write([&](Conn& c) { return store::users::insert(c, u, "hash", kNow); }),
               StoreError);
  const auto org = add_org("W06000015");
  u.organisation_id = org.id;
  u.pod_id = 777;
  EXPECT_THROW(write([&](Conn& c) { return store::users::insert(c, u, "hash", kNow); }),
               StoreError);
  EXPECT_EQ(count_rows("users"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, OrgStoreTest, kBothEngines, EngineName());

}  // namespace
}  // namespace sgwrs::test
