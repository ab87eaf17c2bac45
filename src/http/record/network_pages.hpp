#pragma once
// What the family page shows of strengths and the network (network_pages.cpp): the eco-map
// with its table, and the strengths with the outcomes they support.
#include <vector>

#include "http/core/app.hpp"
#include "http/record/family_choices.hpp"

namespace sgwrs::http {

void add_network(App& app, const Ctx& c, const FamilyRecord& f,
                 const std::vector<NetworkMember>& network, web::Data& d);
// Returns how many sensitive strengths were held back from a break-glass reader.
int add_strengths(App& app, const Ctx& c, const FamilyRecord& f,
                  const record_pages::FamilyWords& words, web::Data& d);

}  // namespace sgwrs::http
