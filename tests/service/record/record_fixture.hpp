#pragma once
// A small organisation for the record's service tests: two pods of one service, a lead
// worker, a colleague in the same pod, its manager, a practitioner of the other pod, a
// senior leader, and a senior leader of another organisation; and a family of three.
#include <memory>
#include <string>
#include <vector>

#include "service/core/service_fixture.hpp"
#include "service/record/record_service.hpp"

namespace sgwrs::test {

inline Person person(std::string given, std::string family, std::string preferred = {},
                     std::string dob = "2015-04-02") {
  Person p;
  p.given_name = std::move(given);
  p.family_name = std::move(family);
  p.preferred_name = std::move(preferred);
  p.date_of_birth = std::move(dob);
  return p;
}

class RecordServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    records_ = std::make_unique<RecordService>(db(), *audit_, clock());
    const auto service = add_service(org_.id, "Children's services");
    pod_a_ = add_pod(service.id, "Tawe");
    pod_b_ = add_pod(service.id, "Nedd");
    lead_ = add_user(org_.id, "lead@example.org", "Nia Lead", Role::practitioner, pod_a_.id);
    podmate_ = add_user(org_.id, "mate@example.org", "Ifan Mate", Role::practitioner, pod_a_.id);
    manager_ =
        add_user(org_.id, "manager@example.org", "Mair Manager", Role::pod_manager, pod_a_.id);
    outsider_ =
        add_user(org_.id, "other@example.org", "Osian Other", Role::practitioner, pod_b_.id);
    leader_ = add_user(org_.id, "leader@example.org", "Lowri Leader", Role::senior_leader);
    const auto elsewhere = add_org("W06000011");
    const auto far_service = add_service(elsewhere.id, "Adults");
    stranger_ = add_user(elsewhere.id, "far@example.org", "Far Away", Role::senior_leader,
                         add_pod(far_service.id, "Far").id);
  }
  void TearDown() override {
    records_.reset();
    ServiceTest::TearDown();
  }

  FamilyRecord make_family(const User& by, std::string name = "The Prys family") {
    NewFamily f;
    f.name = std::move(name);
    f.opened_on = "2023-05-01";
    f.members = {{person("Siôn", "Prys", "", "1984-02-11"), MemberRole::parent},
                 {person("Gwenllïan", "Prys", "Gwen"), MemberRole::child},
                 {person("Llŷr", "Prys", "", "2018-09-30"), MemberRole::child}};
    return must(records_->create_family(actor(by), f));
  }
  std::vector<std::string> found(const User& by, const std::string& q) {
    std::vector<std::string> out;
    for (const auto& p : must(records_->search_people(actor(by), q))) out.push_back(p.given_name);
    return out;
  }

  std::unique_ptr<RecordService> records_;
  Pod pod_a_, pod_b_;
  User lead_, podmate_, manager_, outsider_, leader_, stranger_;
};

}  // namespace sgwrs::test
