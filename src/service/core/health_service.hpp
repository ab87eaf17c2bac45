#pragma once
// Whether this node can serve: the store answers (for /readyz and load balancers).
#include "service/core/store_handle.hpp"

namespace sgwrs {

class HealthService {
 public:
  explicit HealthService(store::Db& db) : db_(db) {}
  bool ready();

 private:
  store::Db& db_;
};

}  // namespace sgwrs
