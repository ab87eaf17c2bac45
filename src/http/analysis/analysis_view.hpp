#pragma once
// Page data for a follow-up report: its sections with their text, sentences, codings and
// pending suggestions (evidence marked), shared by the report page's handlers.
#include <map>
#include <string>

#include "http/core/app.hpp"

namespace sgwrs::http {

web::Data report_sections(App& app, const Ctx& c, const ReportView& v,
                          const std::map<std::string, std::string>& theme_names);

// Percent-encoding for a query parameter's value.
std::string url_encode(std::string_view s);

}  // namespace sgwrs::http
