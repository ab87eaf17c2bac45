#pragma once
// The one exception that crosses layers: the infrastructure (the database, today) failed in
// a way no use case expects. The HTTP edge answers 503 when it says `unavailable`, else 500;
// the store's own StoreError derives from it, so nothing above the store names store types.
#include <stdexcept>
#include <string>

namespace sgwrs {

class InfrastructureFailure : public std::runtime_error {
 public:
  InfrastructureFailure(const std::string& what, bool unavailable)
      : std::runtime_error(what), unavailable_(unavailable) {}
  bool unavailable() const { return unavailable_; }

 private:
  bool unavailable_;
};

}  // namespace sgwrs
