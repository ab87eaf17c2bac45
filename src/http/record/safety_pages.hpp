#pragma once
// What the family page shows of worries and safety (safety_pages.cpp): what we are worried
// about beside what is working well and what needs to happen, and where each perspective
// scales things now.
#include "http/core/app.hpp"

namespace sgwrs::http {

// Returns how many sensitive statements were held back from a break-glass reader.
int add_safety(App& app, const Ctx& c, Id family_id, web::Data& d);

}  // namespace sgwrs::http
