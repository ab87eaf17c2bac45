#pragma once
// The organisation model: organisations contain services, services contain pods, and
// staff belong to an organisation and optionally to one pod.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/core/language.hpp"
#include "domain/organisation/roles.hpp"

namespace sgwrs {

using Id = std::int64_t;

struct Organisation {
  Id id = 0;
  std::string name_en;
  std::string name_cy;
  std::string ons_code;  // e.g. W06000015; unique
  std::int64_t version = 1;
};

// An organisation in numbers, as its home page shows it.
struct OrgCounts {
  std::int64_t services = 0;
  std::int64_t pods = 0;
  std::int64_t staff = 0;
};

struct Service {
  Id id = 0;
  Id organisation_id = 0;
  ServiceKind kind = ServiceKind::community;
  std::string name_en;
  std::string name_cy;
  std::int64_t version = 1;
};

struct Pod {
  Id id = 0;
  Id service_id = 0;
  std::string name_en;
  std::string name_cy;
  std::int64_t version = 1;
};

struct User {
  Id id = 0;
  std::string email;  // sign-in name, stored lower-case
  std::string display_name;
  Role role = Role::practitioner;
  Id organisation_id = 0;
  std::optional<Id> pod_id;
  Language language = Language::en;
  bool disabled = false;
  std::int64_t version = 1;
};

}  // namespace sgwrs
