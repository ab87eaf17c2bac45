#pragma once
// The JSON API for headline findings: read them, swap a quote for the next candidate, pin
// or unpin one. Same service and rules as the findings page.
#include "http/core/app.hpp"

namespace sgwrs::http {

void register_findings_api_routes(Router& r, App& app);

}  // namespace sgwrs::http
