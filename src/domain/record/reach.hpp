#pragma once
// Whose records a list or search may return, as the record's access rule (RecordGate::reach)
// states it for one caller: everyone in the organisation, or only the members of families
// the user leads an involvement of, is in the pod of one (`pod_id`), or has broken the glass
// to until past `now`. The store applies it inside its queries.
#include <cstdint>
#include <optional>

#include "domain/organisation/organisation.hpp"

namespace sgwrs {

struct Reach {
  Id organisation_id = 0;
  bool whole_organisation = false;
  Id user_id = 0;
  std::optional<Id> pod_id;
  std::int64_t now = 0;
};

}  // namespace sgwrs
