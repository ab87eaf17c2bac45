#pragma once
// Use cases for staff accounts. Administrators create and change accounts; everyone may
// see the colleagues in their own organisation.
#include <optional>
#include <string>
#include <vector>

#include "domain/core/paging.hpp"
#include "domain/core/result.hpp"
#include "domain/organisation/organisation.hpp"
#include "service/audit/audit_service.hpp"
#include "service/core/context.hpp"
#include "service/core/store_handle.hpp"
#include "service/organisation/overview_cache.hpp"

namespace sgwrs {

struct NewUser {
  User user;
  std::string password;
};

class UserService {
 public:
  UserService(store::Db& db, AuditService& audit, Clock clock, OverviewCache& overviews)
      : db_(db), audit_(audit), clock_(std::move(clock)), overviews_(overviews) {}

  Result<std::vector<User>> list(const Actor& a, std::optional<Id> org, PageRequest p);
  Result<User> get(const Actor& a, Id id);
  Result<User> create(const Actor& a, NewUser n);
  // u.version must be the version the caller read. Disabling ends the person's sessions.
  Result<User> update(const Actor& a, User u);
  Status set_password(const Actor& a, Id id, const std::string& password);
  Result<User> find_by_email(const Actor& a, std::string email);

  // The operator at the command line: acts as an administrator, audited as actor 0.
  static Actor operator_actor() {
    User u;
    u.role = Role::administrator;
    return {u, "command-line"};
  }

 private:
  Status validate(store::Conn& c, User& u);

  store::Db& db_;
  AuditService& audit_;
  Clock clock_;
  OverviewCache& overviews_;  // staff appear in it: changes to them drop what it keeps
};

}  // namespace sgwrs
