#pragma once
// Organisations, services and pods. Updates are optimistic: they name the version the
// caller read and fail as `stale` if someone else changed the record since.
#include <optional>
#include <vector>

#include "domain/core/paging.hpp"
#include "domain/core/result.hpp"
#include "domain/organisation/organisation.hpp"
#include "store/core/db.hpp"
#include "store/core/versioned.hpp"

namespace sgwrs::store {

namespace orgs {
OrgCounts counts(Conn& c, Id organisation_id);
Result<Organisation> insert(Conn& c, Organisation o, std::int64_t now);
std::optional<Organisation> find(Conn& c, Id id);
std::vector<Organisation> list(Conn& c, PageRequest p);
Result<Organisation> update(Conn& c, const Organisation& o, std::int64_t now);
}  // namespace orgs

namespace services {
Result<Service> insert(Conn& c, Service s, std::int64_t now);
std::optional<Service> find(Conn& c, Id id);
std::vector<Service> list(Conn& c, std::optional<Id> organisation_id, PageRequest p);
Result<Service> update(Conn& c, const Service& s, std::int64_t now);
}  // namespace services

namespace pods {
Result<Pod> insert(Conn& c, Pod p, std::int64_t now);
std::optional<Pod> find(Conn& c, Id id);
// Pods of one service, or (service_id empty) of every service of one organisation.
std::vector<Pod> list(Conn& c, std::optional<Id> service_id, std::optional<Id> organisation_id,
                      PageRequest p);
Result<Pod> update(Conn& c, const Pod& p, std::int64_t now);
std::optional<Id> organisation_of(Conn& c, Id pod_id);
}  // namespace pods

}  // namespace sgwrs::store
