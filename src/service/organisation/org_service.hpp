#pragma once
// Use cases for organisations, services and pods. Everyone signed in may read their own
// organisation; administrators may read and change every organisation.
#include <optional>
#include <vector>

#include "domain/core/paging.hpp"
#include "domain/core/result.hpp"
#include "domain/organisation/organisation.hpp"
#include "service/audit/audit_service.hpp"
#include "service/core/context.hpp"
#include "service/core/store_handle.hpp"
#include "service/organisation/overview_cache.hpp"

namespace sgwrs {

// The whole shape of one organisation, for the pages that show it at a glance.
struct OrgStructure {
  Organisation organisation;
  struct ServiceNode {
    Service service;
    std::vector<std::pair<Pod, std::vector<User>>> pods;
  };
  std::vector<ServiceNode> services;
  std::vector<User> staff_without_pod;
};

class OrgService {
 public:
  OrgService(store::Db& db, AuditService& audit, Clock clock, OverviewCache& overviews)
      : db_(db), audit_(audit), clock_(std::move(clock)), overviews_(overviews) {}

  // For pages that exist only for administrators; a refusal is audited.
  Status may_administer(const Actor& a, std::string_view area);

  Result<std::vector<Organisation>> list_organisations(const Actor& a, PageRequest p);
  Result<Organisation> get_organisation(const Actor& a, Id id);
  Result<Organisation> create_organisation(const Actor& a, Organisation o);
  // o.version must be the version the caller read.
  Result<Organisation> update_organisation(const Actor& a, Organisation o);
  Result<OrgStructure> structure(const Actor& a, Id organisation_id);
  Result<OrgOverview> overview(const Actor& a);

  Result<std::vector<Service>> list_services(const Actor& a, std::optional<Id> org, PageRequest p);
  Result<Service> get_service(const Actor& a, Id id);
  Result<Service> create_service(const Actor& a, Service s);
  Result<Service> update_service(const Actor& a, Service s);

  Result<std::vector<Pod>> list_pods(const Actor& a, std::optional<Id> service_id,
                                     std::optional<Id> org, PageRequest p);
  Result<Pod> get_pod(const Actor& a, Id id);
  Result<Pod> create_pod(const Actor& a, Pod p);
  Result<Pod> update_pod(const Actor& a, Pod p);

 private:
  Error refuse(const Actor& a, std::string_view what, std::string target_id);
  // Not found for a record outside the caller's reach: its existence is not disclosed.
  bool can_read(const Actor& a, Id organisation_id) const;

  store::Db& db_;
  AuditService& audit_;
  Clock clock_;
  OverviewCache& overviews_;
};

// Shared validation of the bilingual names every organisational record has.
void validate_names(class Validator& v, std::string& name_en, std::string& name_cy);

}  // namespace sgwrs
