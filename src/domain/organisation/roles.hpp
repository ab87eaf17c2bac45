#pragma once
// Staff roles and service kinds from the practice model. Ids are stable strings stored in
// the database and used as catalogue keys ("roles.<id>", "service_kinds.<id>").
#include <optional>
#include <span>
#include <string_view>

namespace sgwrs {

enum class Role {
  practitioner,
  senior_practitioner,
  practitioner_in_training,
  pod_manager,
  business_support,
  mentor,
  senior_leader,
  quality_lead,
  analyst,
  administrator,
};

std::span<const Role> all_roles();
std::string_view role_id(Role r);
std::optional<Role> parse_role(std::string_view id);

enum class ServiceKind {
  childrens_services,
  adult_social_care,
  housing,
  hospital_discharge,
  community,
  integrated_front_door,
  third_sector,
};

std::span<const ServiceKind> all_service_kinds();
std::string_view service_kind_id(ServiceKind k);
std::optional<ServiceKind> parse_service_kind(std::string_view id);

}  // namespace sgwrs
