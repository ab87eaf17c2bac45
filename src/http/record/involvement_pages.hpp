#pragma once
// What the family page shows of the work with the family (involvement_pages.cpp): each
// period, open or closed, with its dated statuses, and whether it may be reopened.
#include "http/core/app.hpp"

namespace sgwrs::http {

void add_work(App& app, const Ctx& c, const FamilyRecord& f, web::Data& d);

}  // namespace sgwrs::http
