#pragma once
// What the family page shows of the plan (plan_pages.cpp): agreed actions and support
// decisions.
#include "http/core/app.hpp"
#include "http/record/family_choices.hpp"

namespace sgwrs::http {

void add_plans(App& app, const Ctx& c, const FamilyRecord& f,
               const record_pages::FamilyWords& words, web::Data& d);

}  // namespace sgwrs::http
