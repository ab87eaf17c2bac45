#pragma once
// Writing REFI-QDA project exchange files: project.qde (the XML) and the .qdpx archive
// (project.qde plus sources/<guid>.txt for each source, referenced from the XML as
// "internal://<guid>.txt").
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "analysis/report/qda_model.hpp"
#include "domain/core/result.hpp"

namespace sgwrs::analysis {

// Checks what the schema cannot, and what it can but would only report as an invalid
// file: GUID syntax and uniqueness, references to users, codes, variables and sources,
// date-times, colours, values that fit their variable's type, selections inside their
// source's text, sources in valid NFC UTF-8. Errc::invalid, key "export.invalid_project",
// with every problem listed in the detail.
Status validate(const QdaProject& project);

// The project.qde document. Assumes validate(project) succeeded; characters XML cannot
// carry (control characters, invalid UTF-8) are replaced with U+FFFD.
std::string project_qde_xml(const QdaProject& project);

// Validates, then writes the .qdpx archive (via a temporary file renamed into place, so a
// failure leaves nothing behind). Entries' times are the project's creation time, so the
// same project gives the same archive. Errors: those of validate(), or Errc::unavailable
// with key "export.write_failed".
Status write_qdpx(const QdaProject& project, const std::filesystem::path& path);

// The GUID of the note holding a selection's memo: derived from the selection's GUID, so
// it is stable across exports. Empty if `selection_guid` is not a GUID.
std::string memo_note_guid(const std::string& selection_guid);

// The standard variables for follow-up report metadata, with fixed GUIDs.
struct ReportVariables {
  QdaVariable organisation{sgwrs_variable_guid("organisation"), "Organisation",
                           QdaVariableType::text, ""};
  QdaVariable service_area{sgwrs_variable_guid("service-area"), "Service area",
                           QdaVariableType::text, ""};
  QdaVariable date{sgwrs_variable_guid("date"), "Date", QdaVariableType::date, ""};
  QdaVariable group_size{sgwrs_variable_guid("group-size"), "Group size", QdaVariableType::integer,
                         "Practitioners in the follow-up group"};

  static std::string sgwrs_variable_guid(const std::string& id);
  std::vector<QdaVariable> all() const { return {organisation, service_area, date, group_size}; }
  // Values for one report; `date` as YYYY-MM-DD; absent or empty values are left out.
  std::vector<QdaValue> values(const std::string& organisation_name,
                               const std::string& service_area_name, const std::string& iso_date,
                               std::optional<int> group_size_value) const;
};

}  // namespace sgwrs::analysis
