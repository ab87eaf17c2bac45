#pragma once
// Builds a believable Welsh local authority for trying Sgwrs: services, pods shaped like the
// practice model, and staff with Welsh and English names.
#include <string>
#include <vector>

#include "service/organisation/org_service.hpp"
#include "service/organisation/user_service.hpp"

namespace sgwrs::cli {

struct DemoLogin {
  std::string role;
  std::string email;
  std::string name;
};

struct DemoResult {
  bool created = false;  // false: the demo was already there
  int staff = 0;
  std::vector<DemoLogin> logins;
};

DemoResult build_demo(OrgService& orgs, UserService& users, const std::string& password);

}  // namespace sgwrs::cli
