#pragma once
// Whether this node can serve: the store answers (for /readyz and load balancers).
#include "store/core/db.hpp"

namespace sgwrs {

class HealthService {
 public:
  explicit HealthService(store::Db& db) : db_(db) {}
  bool ready() { return db_.ping(); }

 private:
  store::Db& db_;
};

}  // namespace sgwrs
