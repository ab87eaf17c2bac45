#pragma once
// /api/v1/analysis/models: the learned theme model's status, and asking for a retraining.
#include "http/core/app.hpp"

namespace sgwrs::http {

void register_model_api_routes(Router& r, App& app);

}  // namespace sgwrs::http
