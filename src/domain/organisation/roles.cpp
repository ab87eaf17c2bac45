#include "domain/organisation/roles.hpp"

#include <array>

namespace sgwrs {
namespace {

constexpr std::array kRoles = {
    Role::practitioner,  Role::senior_practitioner, Role::practitioner_in_training,
    Role::pod_manager,   Role::business_support,    Role::mentor,
    Role::senior_leader, Role::quality_lead,        Role::analyst,
    Role::administrator,
};
constexpr std::array<std::string_view, kRoles.size()> kRoleIds = {
    "practitioner",  "senior_practitioner", "practitioner_in_training",
    "pod_manager",   "business_support",    "mentor",
    "senior_leader", "quality_lead",        "analyst",
    "administrator",
};

constexpr std::array kKinds = {
    ServiceKind::childrens_services,
    ServiceKind::adult_social_care,
    ServiceKind::housing,
    ServiceKind::hospital_discharge,
    ServiceKind::community,
    ServiceKind::integrated_front_door,
    ServiceKind::third_sector,
};
constexpr std::array<std::string_view, kKinds.size()> kKindIds = {
    "childrens_services", "adult_social_care",     "housing",      "hospital_discharge",
    "community",          "integrated_front_door", "third_sector",
};

template <typename E, size_t N>
std::optional<E> parse(const std::array<E, N>& values, const std::array<std::string_view, N>& ids,
                       std::string_view id) {
  for (size_t i = 0; i < N; ++i)
    if (ids[i] == id) return values[i];
  return std::nullopt;
}

}  // namespace

std::span<const Role> all_roles() {
  return kRoles;
}
std::string_view role_id(Role r) {
  return kRoleIds[static_cast<size_t>(r)];
}
std::optional<Role> parse_role(std::string_view id) {
  return parse(kRoles, kRoleIds, id);
}

std::span<const ServiceKind> all_service_kinds() {
  return kKinds;
}
std::string_view service_kind_id(ServiceKind k) {
  return kKindIds[static_cast<size_t>(k)];
}
std::optional<ServiceKind> parse_service_kind(std::string_view id) {
  return parse(kKinds, kKindIds, id);
}

}  // namespace sgwrs
