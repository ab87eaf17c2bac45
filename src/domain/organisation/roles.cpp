#include "domain/organisation/roles.hpp"

#include "domain/core/closed_set.hpp"

namespace sgwrs {
namespace {

constexpr auto kRoles = closed_set(
    std::pair{Role::practitioner, "practitioner"},
    std::pair{Role::senior_practitioner, "senior_practitioner"},
    std::pair{Role::practitioner_in_training, "practitioner_in_training"},
    std::pair{Role::pod_manager, "pod_manager"},
    std::pair{Role::business_support, "business_support"}, std::pair{Role::mentor, "mentor"},
    std::pair{Role::senior_leader, "senior_leader"}, std::pair{Role::quality_lead, "quality_lead"},
    std::pair{Role::analyst, "analyst"}, std::pair{Role::administrator, "administrator"});
constexpr auto kRoleValues = kRoles.values();

constexpr auto kKinds =
    closed_set(std::pair{ServiceKind::childrens_services, "childrens_services"},
               std::pair{ServiceKind::adult_social_care, "adult_social_care"},
               std::pair{ServiceKind::housing, "housing"},
               std::pair{ServiceKind::hospital_discharge, "hospital_discharge"},
               std::pair{ServiceKind::community, "community"},
               std::pair{ServiceKind::integrated_front_door, "integrated_front_door"},
               std::pair{ServiceKind::third_sector, "third_sector"});
constexpr auto kKindValues = kKinds.values();

// The service areas follow-up reports used before there was one list (migration 6).
constexpr auto kOldReportAreas =
    closed_set(std::pair{ServiceKind::childrens_services, "childrens-services"},
               std::pair{ServiceKind::adult_social_care, "adult-social-care"},
               std::pair{ServiceKind::hospital_discharge, "hospital-discharge"},
               std::pair{ServiceKind::community, "community-services"},
               std::pair{ServiceKind::integrated_front_door, "integrated-front-door"});

}  // namespace

std::span<const Role> all_roles() {
  return kRoleValues;
}
std::string_view role_id(Role r) {
  return kRoles.id(r);
}
std::optional<Role> parse_role(std::string_view id) {
  return kRoles.parse(id);
}

std::string role_ids() {
  std::string out;
  for (Role r : all_roles()) out += (out.empty() ? "" : ", ") + std::string(role_id(r));
  return out;
}

std::string service_kind_ids() {
  std::string out;
  for (ServiceKind k : all_service_kinds())
    out += (out.empty() ? "" : ", ") + std::string(service_kind_id(k));
  return out;
}

std::span<const ServiceKind> all_service_kinds() {
  return kKindValues;
}
std::string_view service_kind_id(ServiceKind k) {
  return kKinds.id(k);
}
std::optional<ServiceKind> parse_service_kind(std::string_view id) {
  return kKinds.parse(id);
}
std::optional<ServiceKind> read_service_kind(std::string_view id_or_old_id) {
  if (auto k = parse_service_kind(id_or_old_id)) return k;
  return kOldReportAreas.parse(id_or_old_id);
}
std::string current_service_kind_id(std::string_view id_or_old_id) {
  const auto k = read_service_kind(id_or_old_id);
  return std::string(k ? service_kind_id(*k) : id_or_old_id);
}

}  // namespace sgwrs
