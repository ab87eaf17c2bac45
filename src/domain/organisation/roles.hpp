#pragma once
// Staff roles and service kinds from the practice model. Ids are stable strings stored in
// the database and used as catalogue keys ("roles.<id>", "service_kinds.<id>"). A service
// kind is one list for organisation services and follow-up reports alike (a report's
// `service_area` field holds a service kind id).
#include <optional>
#include <span>
#include <string>
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
// "practitioner, senior_practitioner, …": every id, for a message refusing an unknown one.
std::string role_ids();

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
// "childrens_services, adult_social_care, …": every id, for a message refusing an unknown one.
std::string service_kind_ids();
// Reads a service kind as files written before the one list may spell it: the id, or the
// kebab-case "service area" of older reports.csv files ("community-services" is community).
std::optional<ServiceKind> read_service_kind(std::string_view id_or_old_id);
// The current id for an id or old id; anything else comes back unchanged (for filters and
// stored text, where an unknown value should simply match nothing).
std::string current_service_kind_id(std::string_view id_or_old_id);

}  // namespace sgwrs
