#include "domain/record/outcome.hpp"

#include <algorithm>

namespace sgwrs {

const WellbeingArea* WellbeingFramework::area(std::string_view area_id) const {
  const auto it = std::find_if(areas.begin(), areas.end(),
                               [&](const WellbeingArea& a) { return a.id == area_id; });
  return it == areas.end() ? nullptr : &*it;
}

}  // namespace sgwrs
