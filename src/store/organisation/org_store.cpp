#include "store/organisation/org_store.hpp"

#include <fmt/format.h>

namespace sgwrs::store {

namespace {

template <typename T, typename F>
Result<T> insert_unique(F&& f) {
  try {
    return f();
  } catch (const StoreError& e) {
    if (e.kind == StoreError::Kind::unique_violation)
      return Error::of(Errc::conflict, "already_exists");
    throw;
  }
}

Organisation org_from(const Row& r) {
  return {r.i64(0), r.text(1), r.text(2), r.text(3), r.i64(4)};
}
constexpr const char* kOrgCols = "id, name_en, name_cy, ons_code, version";

Service service_from(const Row& r) {
  return {r.i64(0),  r.i64(1),  parse_service_kind(r.text(2)).value_or(ServiceKind::community),
          r.text(3), r.text(4), r.i64(5)};
}
constexpr const char* kServiceCols = "id, organisation_id, kind, name_en, name_cy, version";

Pod pod_from(const Row& r) {
  return {r.i64(0), r.i64(1), r.text(2), r.text(3), r.i64(4)};
}
constexpr const char* kPodCols = "p.id, p.service_id, p.name_en, p.name_cy, p.version";

}  // namespace

namespace orgs {

Result<Organisation> insert(Conn& c, Organisation o, std::int64_t now) {
  return insert_unique<Organisation>([&]() -> Result<Organisation> {
    auto rows = c.query(
        "INSERT INTO organisations (name_en, name_cy, ons_code, version, created_at, updated_at) "
        "VALUES (?, ?, ?, 1, ?, ?) RETURNING id",
        {o.name_en, o.name_cy, o.ons_code, now, now});
    o.id = rows.at(0).i64(0);
    o.version = 1;
    return o;
  });
}

OrgCounts counts(Conn& c, Id organisation_id) {
  const auto r = c.query(
      "SELECT (SELECT COUNT(*) FROM services WHERE organisation_id = ?), "
      "(SELECT COUNT(*) FROM pods p JOIN services s ON s.id = p.service_id "
      "WHERE s.organisation_id = ?), "
      "(SELECT COUNT(*) FROM users WHERE organisation_id = ? AND disabled = 0)",
      {organisation_id, organisation_id, organisation_id});
  return {r.at(0).i64(0), r.at(0).i64(1), r.at(0).i64(2)};
}

std::optional<Organisation> find(Conn& c, Id id) {
  static const std::string sql =
      fmt::format("SELECT {} FROM organisations WHERE id = ?", kOrgCols);  // formatted once
  auto rows = c.query(sql, {id});
  if (rows.empty()) return std::nullopt;
  return org_from(rows[0]);
}

std::vector<Organisation> list(Conn& c, PageRequest p) {
  std::vector<Organisation> out;
  for (const auto& r : c.query(fmt::format("SELECT {} FROM organisations WHERE id > ? "
                                           "ORDER BY id LIMIT ?",
                                           kOrgCols),
                               {p.after, std::int64_t{p.limit}}))
    out.push_back(org_from(r));
  return out;
}

Result<Organisation> update(Conn& c, const Organisation& o, std::int64_t now) {
  return insert_unique<Organisation>([&]() -> Result<Organisation> {
    const auto n = c.exec(
        "UPDATE organisations SET name_en = ?, name_cy = ?, ons_code = ?, version = version + 1, "
        "updated_at = ? WHERE id = ? AND version = ?",
        {o.name_en, o.name_cy, o.ons_code, now, o.id, o.version});
    if (n == 0) return missing_or_stale(c, "organisations", o.id);
    return *find(c, o.id);
  });
}

}  // namespace orgs

namespace services {

Result<Service> insert(Conn& c, Service s, std::int64_t now) {
  return insert_unique<Service>([&]() -> Result<Service> {
    auto rows = c.query(
        "INSERT INTO services (organisation_id, kind, name_en, name_cy, version, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, 1, ?, ?) RETURNING id",
        {s.organisation_id, std::string(service_kind_id(s.kind)), s.name_en, s.name_cy, now, now});
    s.id = rows.at(0).i64(0);
    s.version = 1;
    return s;
  });
}

std::optional<Service> find(Conn& c, Id id) {
  static const std::string sql =
      fmt::format("SELECT {} FROM services WHERE id = ?", kServiceCols);  // formatted once
  auto rows = c.query(sql, {id});
  if (rows.empty()) return std::nullopt;
  return service_from(rows[0]);
}

std::vector<Service> list(Conn& c, std::optional<Id> organisation_id, PageRequest p) {
  std::vector<Service> out;
  for (const auto& r : c.query(
           fmt::format(
               "SELECT {} FROM services WHERE (CAST(? AS BIGINT) IS NULL OR organisation_id = ?) "
               "AND id > ? ORDER BY id LIMIT ?",
               kServiceCols),
           {opt(organisation_id), opt(organisation_id), p.after, std::int64_t{p.limit}}))
    out.push_back(service_from(r));
  return out;
}

Result<Service> update(Conn& c, const Service& s, std::int64_t now) {
  return insert_unique<Service>([&]() -> Result<Service> {
    const auto n = c.exec(
        "UPDATE services SET kind = ?, name_en = ?, name_cy = ?, version = version + 1, "
        "updated_at = ? WHERE id = ? AND version = ?",
        {std::string(service_kind_id(s.kind)), s.name_en, s.name_cy, now, s.id, s.version});
    if (n == 0) return missing_or_stale(c, "services", s.id);
    return *find(c, s.id);
  });
}

}  // namespace services

namespace pods {

Result<Pod> insert(Conn& c, Pod p, std::int64_t now) {
  return insert_unique<Pod>([&]() -> Result<Pod> {
    auto rows = c.query(
        "INSERT INTO pods (service_id, name_en, name_cy, version, created_at, updated_at) "
        "VALUES (?, ?, ?, 1, ?, ?) RETURNING id",
        {p.service_id, p.name_en, p.name_cy, now, now});
    p.id = rows.at(0).i64(0);
    p.version = 1;
    return p;
  });
}

std::optional<Pod> find(Conn& c, Id id) {
  static const std::string sql =
      fmt::format("SELECT {} FROM pods p WHERE p.id = ?", kPodCols);  // formatted once
  auto rows = c.query(sql, {id});
  if (rows.empty()) return std::nullopt;
  return pod_from(rows[0]);
}

std::vector<Pod> list(Conn& c, std::optional<Id> service_id, std::optional<Id> organisation_id,
                      PageRequest pg) {
  std::vector<Pod> out;
  for (const auto& r :
       c.query(fmt::format("SELECT {} FROM pods p JOIN services s ON s.id = p.service_id "
                           "WHERE (CAST(? AS BIGINT) IS NULL OR p.service_id = ?) AND (CAST(? AS "
                           "BIGINT) IS NULL OR "
                           "s.organisation_id = ?) AND p.id > ? ORDER BY p.id LIMIT ?",
                           kPodCols),
               {opt(service_id), opt(service_id), opt(organisation_id), opt(organisation_id),
                pg.after, std::int64_t{pg.limit}}))
    out.push_back(pod_from(r));
  return out;
}

Result<Pod> update(Conn& c, const Pod& p, std::int64_t now) {
  return insert_unique<Pod>([&]() -> Result<Pod> {
    const auto n = c.exec(
        "UPDATE pods SET name_en = ?, name_cy = ?, version = version + 1, updated_at = ? "
        "WHERE id = ? AND version = ?",
        {p.name_en, p.name_cy, now, p.id, p.version});
    if (n == 0) return missing_or_stale(c, "pods", p.id);
    return *find(c, p.id);
  });
}

std::optional<Id> organisation_of(Conn& c, Id pod_id) {
  auto rows = c.query(
      "SELECT s.organisation_id FROM pods p JOIN services s ON s.id = p.service_id WHERE p.id = ?",
      {pod_id});
  if (rows.empty()) return std::nullopt;
  return rows[0].i64(0);
}

}  // namespace pods
}  // namespace sgwrs::store
