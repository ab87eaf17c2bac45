// Organisations, services and pods through OrgService: who may do what, validation, audit.
#include <gtest/gtest.h>

#include "service/core/service_fixture.hpp"

namespace sgwrs::test {
namespace {

using store::Conn;

Organisation new_org(std::string ons, std::string en = "Swansea Council",
                     std::string cy = "Cyngor Abertawe") {
  Organisation o;
  o.name_en = std::move(en);
  o.name_cy = std::move(cy);
  o.ons_code = std::move(ons);
  return o;
}

class OrgServiceTest : public ServiceTest {};

TEST_P(OrgServiceTest, NonAdministratorCannotCreateOrganisations) {
  auto r = orgs_->create_organisation(actor(sam_), new_org("W06000011"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::forbidden);
  const auto e = last_audit();
  EXPECT_EQ(e.action, "access.refuse");
  EXPECT_EQ(e.outcome, "refused");
  EXPECT_EQ(e.actor_user_id, sam_.id);
  EXPECT_EQ(e.target_type, "organisation");
  EXPECT_EQ(e.address, kAddress);
  EXPECT_EQ(count_rows("organisations"), 1);  // only the fixture's
}

TEST_P(OrgServiceTest, AdministratorCreatesOrganisationWithAuditLine) {
  auto r = orgs_->create_organisation(actor(admin_), new_org(" w06000011 "));
  ASSERT_TRUE(r.ok()) << r.error().key;
  EXPECT_EQ(r->ons_code, "W06000011");  // trimmed and upper-cased
  EXPECT_EQ(r->version, 1);
  const auto e = last_audit();
  EXPECT_EQ(e.action, "organisation.create");
  EXPECT_EQ(e.outcome, "ok");
  EXPECT_EQ(e.actor_user_id, admin_.id);
  EXPECT_EQ(e.target_type, "organisation");
  EXPECT_EQ(e.target_id, std::to_string(r->id));
  EXPECT_NE(e.detail.find("W06000011"), std::string::npos) << e.detail;
  EXPECT_EQ(e.at, now_);

  auto got = orgs_->get_organisation(actor(admin_), r->id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->name_cy, "Cyngor Abertawe");
}

TEST_P(OrgServiceTest, OrganisationInputIsValidated) {
  auto bad = orgs_->create_organisation(actor(admin_), new_org("X1", "", "Cyngor"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, Errc::invalid);
  ASSERT_EQ(bad.error().fields.size(), 2u);
  EXPECT_EQ(bad.error().fields[0].field, "name_en");
  EXPECT_EQ(bad.error().fields[0].key, "required");
  EXPECT_EQ(bad.error().fields[1].field, "ons_code");
  EXPECT_EQ(bad.error().fields[1].key, "ons_code_format");

  auto taken = orgs_->create_organisation(actor(admin_), new_org("w06000015"));
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, Errc::conflict);
  ASSERT_EQ(taken.error().fields.size(), 1u);
  EXPECT_EQ(taken.error().fields[0].field, "ons_code");
  EXPECT_EQ(count_rows("organisations"), 1);
  EXPECT_EQ(count_rows("audit_events"), 0) << "nothing happened, so nothing is audited";
}

TEST_P(OrgServiceTest, NamesAreNormalisedToNfc) {
  const std::string decomposed = std::string("Ynys Mo") + "\xCC\x82" + "n";  // o + U+0302
  auto r = orgs_->create_organisation(actor(admin_),
                                      new_org("W06000001", "Isle of Anglesey", decomposed));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->name_cy, "Ynys M\xC3\xB4n");
  EXPECT_EQ(orgs_->get_organisation(actor(admin_), r->id)->name_cy, "Ynys M\xC3\xB4n");
}

TEST_P(OrgServiceTest, UpdateNeedsTheCurrentVersion) {
  auto o = orgs_->get_organisation(actor(admin_), org_.id).value();
  auto first = o;
  first.name_en = "City of Cardiff Council";
  auto ok = orgs_->update_organisation(actor(admin_), first);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->version, 2);
  EXPECT_EQ(last_audit().action, "organisation.update");

  auto stale = o;  // still version 1
  stale.name_en = "Lost update";
  auto r = orgs_->update_organisation(actor(admin_), stale);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::stale);
  EXPECT_EQ(orgs_->get_organisation(actor(admin_), org_.id)->name_en, "City of Cardiff Council");

  auto refused = orgs_->update_organisation(actor(sam_), ok.value());
  EXPECT_EQ(refused.error().code, Errc::forbidden);
  EXPECT_EQ(last_audit().action, "access.refuse");
}

TEST_P(OrgServiceTest, StaffSeeOnlyTheirOwnOrganisation) {
  auto other = orgs_->create_organisation(actor(admin_), new_org("W06000011")).value();
  auto mine = orgs_->list_organisations(actor(sam_), PageRequest{});
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ(mine->at(0).id, org_.id);
  EXPECT_EQ(orgs_->list_organisations(actor(admin_), PageRequest{})->size(), 2u);
  // Another organisation is "not found", not "forbidden": its existence is not disclosed.
  EXPECT_EQ(orgs_->get_organisation(actor(sam_), other.id).error().code, Errc::not_found);
  EXPECT_TRUE(orgs_->get_organisation(actor(sam_), org_.id).ok());
}

TEST_P(OrgServiceTest, ServicesAndPodsMakeAStructure) {
  Service s;
  s.organisation_id = org_.id;
  s.kind = ServiceKind::adult_social_care;
  s.name_en = "Adult Services";
  s.name_cy = "Gwasanaethau Oedolion";
  auto svc = orgs_->create_service(actor(admin_), s);
  ASSERT_TRUE(svc.ok()) << svc.error().key;
  EXPECT_EQ(last_audit().action, "service.create");
  EXPECT_EQ(orgs_->create_service(actor(admin_), s).error().code, Errc::conflict);
  EXPECT_EQ(orgs_->create_service(actor(sam_), s).error().code, Errc::forbidden);

  Pod p;
  p.service_id = svc->id;
  p.name_en = "North";
  p.name_cy = "Gogledd";
  auto pod = orgs_->create_pod(actor(admin_), p);
  ASSERT_TRUE(pod.ok()) << pod.error().key;
  EXPECT_EQ(last_audit().action, "pod.create");

  Pod orphan = p;
  orphan.service_id = 999;
  auto bad = orgs_->create_pod(actor(admin_), orphan);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, Errc::invalid);
  EXPECT_EQ(bad.error().fields.at(0).field, "service_id");

  User u = reload(sam_);
  u.pod_id = pod->id;
  ASSERT_TRUE(users_->update(actor(admin_), u).ok());

  auto st = orgs_->structure(actor(sam_), org_.id);
  ASSERT_TRUE(st.ok());
  ASSERT_EQ(st->services.size(), 1u);
  EXPECT_EQ(st->services[0].service.name_cy, "Gwasanaethau Oedolion");
  ASSERT_EQ(st->services[0].pods.size(), 1u);
  EXPECT_EQ(st->services[0].pods[0].first.name_en, "North");
  ASSERT_EQ(st->services[0].pods[0].second.size(), 1u);
  EXPECT_EQ(st->services[0].pods[0].second[0].id, sam_.id);
  ASSERT_EQ(st->staff_without_pod.size(), 1u);
  EXPECT_EQ(st->staff_without_pod[0].id, admin_.id);
}

// The overview is kept for a moment: an edit through the services shows at once, one made
// elsewhere (another node, the command line: here, straight into the store) within
// OverviewCache::kFreshSeconds.
TEST_P(OrgServiceTest, OverviewShowsEditsAtOnceAndOtherNodesEditsWithinSeconds) {
  auto first = orgs_->overview(actor(sam_));
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->counts.staff, 2);
  EXPECT_EQ(first->organisation.name_en, "Cardiff Council");

  NewUser n;
  n.user.email = "new.starter@example.org";
  n.user.display_name = "Nia Starter";
  n.user.role = Role::practitioner;
  n.user.organisation_id = org_.id;
  n.password = "Afon-Taf-Llifo-2024";
  ASSERT_TRUE(users_->create(actor(admin_), n).ok());
  EXPECT_EQ(orgs_->overview(actor(sam_))->counts.staff, 3);  // through this node: at once

  Organisation renamed = *read([&](Conn& c) { return store::orgs::find(c, org_.id); });
  renamed.name_en = "Cardiff County Council";
  ASSERT_TRUE(write([&](Conn& c) { return store::orgs::update(c, renamed, now_); }).ok());
  add_service(org_.id, "Housing");
  EXPECT_EQ(orgs_->overview(actor(sam_))->organisation.name_en, "Cardiff Council");  // kept
  EXPECT_EQ(orgs_->overview(actor(sam_))->counts.services, 0);
  advance(OverviewCache::kFreshSeconds);
  auto later = orgs_->overview(actor(sam_));
  EXPECT_EQ(later->organisation.name_en, "Cardiff County Council");
  EXPECT_EQ(later->counts.services, 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, OrgServiceTest, kBothEngines, EngineName());

}  // namespace
}  // namespace sgwrs::test
