#include "service/core/health_service.hpp"

#include "store/core/db.hpp"

namespace sgwrs {

bool HealthService::ready() {
  return db_.ping();
}

}  // namespace sgwrs
