#include "service/organisation/user_service.hpp"

#include "domain/core/validation.hpp"
#include "domain/identity/password_policy.hpp"
#include "service/core/crypto.hpp"
#include "store/core/db.hpp"
#include "store/identity/session_store.hpp"
#include "store/identity/token_store.hpp"
#include "store/organisation/org_store.hpp"
#include "store/organisation/user_store.hpp"

namespace sgwrs {
namespace {

Error forbidden() {
  return Error::of(Errc::forbidden, "forbidden");
}

std::map<std::string, std::string> describe(const User& u) {
  return {{"email", u.email},
          {"display_name", u.display_name},
          {"role", std::string(role_id(u.role))},
          {"organisation_id", std::to_string(u.organisation_id)},
          {"pod_id", u.pod_id ? std::to_string(*u.pod_id) : ""},
          {"disabled", u.disabled ? "yes" : "no"}};
}

}  // namespace

Status UserService::validate(store::Conn& c, User& u) {
  Validator v;
  v.email("email", u.email);
  v.text("display_name", u.display_name, 1, 200);
  if (!store::orgs::find(c, u.organisation_id)) v.fail("organisation_id", "not_found");
  if (u.pod_id) {
    auto org = store::pods::organisation_of(c, *u.pod_id);
    if (!org)
      v.fail("pod_id", "not_found");
    else if (*org != u.organisation_id)
      v.fail("pod_id", "pod_other_organisation");
  }
  return v.status();
}

Result<std::vector<User>> UserService::list(const Actor& a, std::optional<Id> org, PageRequest p) {
  if (!a.is_admin()) {
    if (org && *org != a.user.organisation_id) return std::vector<User>{};
    org = a.user.organisation_id;
  }
  return db_.transact(store::TxMode::read,
                      [&](store::Conn& c) { return store::users::list(c, org, p); });
}

Result<User> UserService::get(const Actor& a, Id id) {
  auto u =
      db_.transact(store::TxMode::read, [&](store::Conn& c) { return store::users::find(c, id); });
  if (!u || (!a.is_admin() && u->organisation_id != a.user.organisation_id))
    return Error::of(Errc::not_found, "not_found");
  return *u;
}

Result<User> UserService::find_by_email(const Actor& a, std::string email) {
  if (!a.is_admin()) return forbidden();
  for (auto& ch : email) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  auto u = db_.transact(store::TxMode::read,
                        [&](store::Conn& c) { return store::users::find_by_email(c, email); });
  if (!u) return Error::of(Errc::not_found, "not_found");
  return *u;
}

Result<User> UserService::create(const Actor& a, NewUser n) {
  const auto changed = overviews_.invalidate_on_exit();
  if (!a.is_admin()) {
    audit_.record_now({a.user.id, "access.refuse", "refused", "user", "", {}, a.address});
    return forbidden();
  }
  auto r = db_.transact(store::TxMode::read, [&](store::Conn& c) { return validate(c, n.user); });
  Validator pv;
  if (auto p = password_problem(n.password, n.user.email); !p.empty()) pv.fail("password", p);
  if (!r || !pv.ok()) {
    Error e = r ? Error::of(Errc::invalid, "invalid_input") : r.error();
    auto extra = pv.status();
    if (!extra)
      e.fields.insert(e.fields.end(), extra.error().fields.begin(), extra.error().fields.end());
    return e;
  }
  // Hash outside the transaction: it is deliberately slow and must not hold the write lock.
  const auto hash = crypto::hash_password(n.password);
  return db_.transact(store::TxMode::write, [&](store::Conn& c) -> Result<User> {
    if (auto s = validate(c, n.user); !s) return s.error();
    auto u = store::users::insert(c, n.user, hash, clock_());
    if (!u) return u;
    audit_.record(c, {a.user.id, "user.create", "ok", "user", std::to_string(u->id), describe(*u),
                      a.address});
    return u;
  });
}

Result<User> UserService::update(const Actor& a, User u) {
  const auto changed = overviews_.invalidate_on_exit();
  if (!a.is_admin()) {
    audit_.record_now(
        {a.user.id, "access.refuse", "refused", "user", std::to_string(u.id), {}, a.address});
    return forbidden();
  }
  if (u.id == a.user.id && u.disabled)
    return Error{Errc::invalid, "invalid_input", "", {{"disabled", "cannot_disable_self"}}};
  return db_.transact(store::TxMode::write, [&](store::Conn& c) -> Result<User> {
    auto before = store::users::find(c, u.id);
    if (!before) return Error::of(Errc::not_found, "not_found");
    u.organisation_id = before->organisation_id;
    u.language = before->language;
    if (auto s = validate(c, u); !s) return s.error();
    auto r = store::users::update(c, u, clock_());
    if (!r) return r;
    if (r->disabled && !before->disabled) {
      store::sessions::remove_for_user(c, u.id);
      store::tokens::revoke_all_for_user(c, u.id, clock_(), "account_disabled");
    }
    audit_.record(c, {a.user.id, r->disabled && !before->disabled ? "user.disable" : "user.update",
                      "ok", "user", std::to_string(u.id), describe(*r), a.address});
    return r;
  });
}

Status UserService::set_password(const Actor& a, Id id, const std::string& password) {
  if (!a.is_admin()) return forbidden();
  auto u =
      db_.transact(store::TxMode::read, [&](store::Conn& c) { return store::users::find(c, id); });
  if (!u) return Error::of(Errc::not_found, "not_found");
  if (auto p = password_problem(password, u->email); !p.empty())
    return Error{Errc::invalid, "invalid_input", "", {{"password", std::string(p)}}};
  const auto hash = crypto::hash_password(password);
  db_.transact(store::TxMode::write, [&](store::Conn& c) {
    store::users::set_password_hash(c, id, hash, clock_());
    // A password set by someone else ends every session the old one had opened.
    store::sessions::remove_for_user(c, id);
    store::tokens::revoke_all_for_user(c, id, clock_(), "password_reset");
    audit_.record(
        c, {a.user.id, "user.password_set", "ok", "user", std::to_string(id), {}, a.address});
  });
  return ok_status();
}

}  // namespace sgwrs
