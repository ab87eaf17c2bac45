#include "service/organisation/org_service.hpp"

#include <algorithm>
#include <map>

#include "domain/core/validation.hpp"
#include "store/core/db.hpp"
#include "store/organisation/org_store.hpp"
#include "store/organisation/user_store.hpp"

namespace sgwrs {
namespace {

constexpr std::size_t kNameMax = 200;

Status validate(Organisation& o) {
  Validator v;
  validate_names(v, o.name_en, o.name_cy);
  v.ons_code("ons_code", o.ons_code);
  return v.status();
}

Status validate(Service& s) {
  Validator v;
  validate_names(v, s.name_en, s.name_cy);
  return v.status();
}

Status validate(Pod& p) {
  Validator v;
  validate_names(v, p.name_en, p.name_cy);
  return v.status();
}

}  // namespace

void validate_names(Validator& v, std::string& name_en, std::string& name_cy) {
  v.text("name_en", name_en, 1, kNameMax);
  v.text("name_cy", name_cy, 1, kNameMax);
}

bool OrgService::can_read(const Actor& a, Id organisation_id) const {
  return a.is_admin() || a.user.organisation_id == organisation_id;
}

Error OrgService::refuse(const Actor& a, std::string_view what, std::string target_id) {
  audit_.record_now({a.user.id,
                     "access.refuse",
                     "refused",
                     std::string(what),
                     std::move(target_id),
                     {},
                     a.address});
  return Error::of(Errc::forbidden, "forbidden");
}

Status OrgService::may_administer(const Actor& a, std::string_view area) {
  if (a.is_admin()) return ok_status();
  return refuse(a, area, "");
}

Result<std::vector<Organisation>> OrgService::list_organisations(const Actor& a, PageRequest p) {
  return db_.transact(store::TxMode::read, [&](store::Conn& c) -> std::vector<Organisation> {
    if (a.is_admin()) return store::orgs::list(c, p);
    auto o = store::orgs::find(c, a.user.organisation_id);
    if (!o || o->id <= p.after) return {};
    return {*o};
  });
}

Result<Organisation> OrgService::get_organisation(const Actor& a, Id id) {
  if (!can_read(a, id)) return Error::of(Errc::not_found, "not_found");
  auto o =
      db_.transact(store::TxMode::read, [&](store::Conn& c) { return store::orgs::find(c, id); });
  if (!o) return Error::of(Errc::not_found, "not_found");
  return *o;
}

Result<Organisation> OrgService::create_organisation(const Actor& a, Organisation o) {
  const auto changed = overviews_.invalidate_on_exit();
  if (!a.is_admin()) return refuse(a, "organisation", "");
  if (auto s = validate(o); !s) return s.error();
  return db_.transact(store::TxMode::write, [&](store::Conn& c) -> Result<Organisation> {
    auto r = store::orgs::insert(c, o, clock_());
    if (!r)
      return r.error().code == Errc::conflict
                 ? Error{Errc::conflict, "ons_code_taken", "", {{"ons_code", "ons_code_taken"}}}
                 : r.error();
    audit_.record(c, {a.user.id,
                      "organisation.create",
                      "ok",
                      "organisation",
                      std::to_string(r->id),
                      {{"name_en", r->name_en}, {"name_cy", r->name_cy}, {"ons_code", r->ons_code}},
                      a.address});
    return r;
  });
}

Result<Organisation> OrgService::update_organisation(const Actor& a, Organisation o) {
  const auto changed = overviews_.invalidate_on_exit();
  if (!a.is_admin()) return refuse(a, "organisation", std::to_string(o.id));
  if (auto s = validate(o); !s) return s.error();
  return db_.transact(store::TxMode::write, [&](store::Conn& c) -> Result<Organisation> {
    auto r = store::orgs::update(c, o, clock_());
    if (!r)
      return r.error().code == Errc::conflict
                 ? Error{Errc::conflict, "ons_code_taken", "", {{"ons_code", "ons_code_taken"}}}
                 : r.error();
    audit_.record(c, {a.user.id,
                      "organisation.update",
                      "ok",
                      "organisation",
                      std::to_string(o.id),
                      {{"name_en", r->name_en}, {"name_cy", r->name_cy}, {"ons_code", r->ons_code}},
                      a.address});
    return r;
  });
}

Result<OrgStructure> OrgService::structure(const Actor& a, Id organisation_id) {
  if (!can_read(a, organisation_id)) return Error::of(Errc::not_found, "not_found");
  return db_.transact(store::TxMode::read, [&](store::Conn& c) -> Result<OrgStructure> {
    auto o = store::orgs::find(c, organisation_id);
    if (!o) return Error::of(Errc::not_found, "not_found");
    // Three set-based reads, grouped here, whatever the size of the organisation.
    const PageRequest all{0, 100000};
    OrgStructure s{*o, {}, {}};
    std::map<Id, std::size_t> service_index;
    for (auto& svc : store::services::list(c, o->id, all)) {
      service_index[svc.id] = s.services.size();
      s.services.push_back({svc, {}});
    }
    std::map<Id, std::pair<std::size_t, std::size_t>> pod_index;
    for (auto& pod : store::pods::list(c, std::nullopt, o->id, all)) {
      auto& node = s.services[service_index.at(pod.service_id)];
      pod_index[pod.id] = {service_index.at(pod.service_id), node.pods.size()};
      node.pods.push_back({pod, {}});
    }
    for (auto& u : store::users::list(c, o->id, all)) {
      if (!u.pod_id) {
        s.staff_without_pod.push_back(std::move(u));
        continue;
      }
      const auto [si, pi] = pod_index.at(*u.pod_id);
      s.services[si].pods[pi].second.push_back(std::move(u));
    }
    auto by_name = [](const User& x, const User& y) { return x.display_name < y.display_name; };
    for (auto& node : s.services)
      for (auto& p : node.pods) std::sort(p.second.begin(), p.second.end(), by_name);
    std::sort(s.staff_without_pod.begin(), s.staff_without_pod.end(), by_name);
    return s;
  });
}

Result<OrgOverview> OrgService::overview(const Actor& a) {
  const Id org = a.user.organisation_id;
  const auto now = clock_();
  if (auto kept = overviews_.find(org, a.user.pod_id, now)) return std::move(*kept);
  const auto generation = overviews_.generation();
  auto read = db_.transact(store::TxMode::read, [&](store::Conn& c) -> Result<OrgOverview> {
    auto o = store::orgs::find(c, a.user.organisation_id);
    if (!o) return Error::of(Errc::not_found, "not_found");
    OrgOverview v{*o, store::orgs::counts(c, o->id), std::nullopt, std::nullopt, {}};
    if (a.user.pod_id) {
      v.pod = store::pods::find(c, *a.user.pod_id);
      if (v.pod) v.service = store::services::find(c, v.pod->service_id);
      v.pod_members = store::users::list_by_pod(c, *a.user.pod_id);
    }
    return v;
  });
  if (read) overviews_.store(org, a.user.pod_id, *read, now, generation);
  return read;
}

Result<std::vector<Service>> OrgService::list_services(const Actor& a, std::optional<Id> org,
                                                       PageRequest p) {
  if (!a.is_admin()) {
    if (org && *org != a.user.organisation_id) return std::vector<Service>{};
    org = a.user.organisation_id;
  }
  return db_.transact(store::TxMode::read,
                      [&](store::Conn& c) { return store::services::list(c, org, p); });
}

Result<Service> OrgService::get_service(const Actor& a, Id id) {
  auto s = db_.transact(store::TxMode::read,
                        [&](store::Conn& c) { return store::services::find(c, id); });
  if (!s || !can_read(a, s->organisation_id)) return Error::of(Errc::not_found, "not_found");
  return *s;
}

Result<Service> OrgService::create_service(const Actor& a, Service s) {
  const auto changed = overviews_.invalidate_on_exit();
  if (!a.is_admin()) return refuse(a, "service", "");
  if (auto st = validate(s); !st) return st.error();
  return db_.transact(store::TxMode::write, [&](store::Conn& c) -> Result<Service> {
    if (!store::orgs::find(c, s.organisation_id))
      return Error{Errc::invalid, "invalid_input", "", {{"organisation_id", "not_found"}}};
    auto r = store::services::insert(c, s, clock_());
    if (!r) return Error{Errc::conflict, "name_taken", "", {{"name_en", "name_taken"}}};
    audit_.record(c, {a.user.id,
                      "service.create",
                      "ok",
                      "service",
                      std::to_string(r->id),
                      {{"name_en", r->name_en}, {"kind", std::string(service_kind_id(r->kind))}},
                      a.address});
    return r;
  });
}

Result<Service> OrgService::update_service(const Actor& a, Service s) {
  const auto changed = overviews_.invalidate_on_exit();
  if (!a.is_admin()) return refuse(a, "service", std::to_string(s.id));
  if (auto st = validate(s); !st) return st.error();
  return db_.transact(store::TxMode::write, [&](store::Conn& c) -> Result<Service> {
    auto r = store::services::update(c, s, clock_());
    if (!r && r.error().code == Errc::conflict)
      return Error{Errc::conflict, "name_taken", "", {{"name_en", "name_taken"}}};
    if (!r) return r;
    audit_.record(c, {a.user.id,
                      "service.update",
                      "ok",
                      "service",
                      std::to_string(s.id),
                      {{"name_en", r->name_en},
                       {"name_cy", r->name_cy},
                       {"kind", std::string(service_kind_id(r->kind))}},
                      a.address});
    return r;
  });
}

Result<std::vector<Pod>> OrgService::list_pods(const Actor& a, std::optional<Id> service_id,
                                               std::optional<Id> org, PageRequest p) {
  if (!a.is_admin()) {
    if (org && *org != a.user.organisation_id) return std::vector<Pod>{};
    org = a.user.organisation_id;
  }
  return db_.transact(store::TxMode::read,
                      [&](store::Conn& c) { return store::pods::list(c, service_id, org, p); });
}

Result<Pod> OrgService::get_pod(const Actor& a, Id id) {
  auto r = db_.transact(store::TxMode::read, [&](store::Conn& c) {
    return std::make_pair(store::pods::find(c, id), store::pods::organisation_of(c, id));
  });
  if (!r.first || !can_read(a, *r.second)) return Error::of(Errc::not_found, "not_found");
  return *r.first;
}

Result<Pod> OrgService::create_pod(const Actor& a, Pod p) {
  const auto changed = overviews_.invalidate_on_exit();
  if (!a.is_admin()) return refuse(a, "pod", "");
  if (auto st = validate(p); !st) return st.error();
  return db_.transact(store::TxMode::write, [&](store::Conn& c) -> Result<Pod> {
    if (!store::services::find(c, p.service_id))
      return Error{Errc::invalid, "invalid_input", "", {{"service_id", "not_found"}}};
    auto r = store::pods::insert(c, p, clock_());
    if (!r) return Error{Errc::conflict, "name_taken", "", {{"name_en", "name_taken"}}};
    audit_.record(c, {a.user.id,
                      "pod.create",
                      "ok",
                      "pod",
                      std::to_string(r->id),
                      {{"name_en", r->name_en}, {"service_id", std::to_string(r->service_id)}},
                      a.address});
    return r;
  });
}

Result<Pod> OrgService::update_pod(const Actor& a, Pod p) {
  const auto changed = overviews_.invalidate_on_exit();
  if (!a.is_admin()) return refuse(a, "pod", std::to_string(p.id));
  if (auto st = validate(p); !st) return st.error();
  return db_.transact(store::TxMode::write, [&](store::Conn& c) -> Result<Pod> {
    auto r = store::pods::update(c, p, clock_());
    if (!r && r.error().code == Errc::conflict)
      return Error{Errc::conflict, "name_taken", "", {{"name_en", "name_taken"}}};
    if (!r) return r;
    audit_.record(c, {a.user.id,
                      "pod.update",
                      "ok",
                      "pod",
                      std::to_string(p.id),
                      {{"name_en", r->name_en}, {"name_cy", r->name_cy}},
                      a.address});
    return r;
  });
}

}  // namespace sgwrs
