#pragma once
// The demo family's strengths (one linked to the outcome the plan serves), the important
// people on its eco-map (with a child's own words about who they go to), what the family and
// worker are worried about beside what is working well, and scaling from each perspective
// over the last year.
#include "cli/core/demo_random.hpp"
#include "cli/record/demo_record.hpp"

namespace sgwrs::cli {

void add_demo_network(NetworkService& networks, SafetyService& safety, const Actor& actor,
                      const FamilyRecord& family, Id outcome_id, bool welsh, int i, Rng& rng,
                      DemoRecordResult& out);

}  // namespace sgwrs::cli
