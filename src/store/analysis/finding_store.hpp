#pragma once
// Headline findings: theme, what the data shows, why it matters.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/analysis/followup.hpp"
#include "domain/core/result.hpp"
#include "store/core/db.hpp"

namespace sgwrs::store::analysis {

std::vector<FindingRow> list_findings(Conn& c);
std::optional<FindingRow> find_finding(Conn& c, Id id);
void replace_findings(Conn& c, const std::vector<FindingRow>& rows, Id by, std::int64_t now);
// f.version must be the version the caller read.
Result<FindingRow> update_finding(Conn& c, const FindingRow& f, Id by, std::int64_t now);
// Replaces a finding's quotes (after a swap or a pin); `version` as read, as above.
Result<FindingRow> update_finding_quotes(Conn& c, Id id, std::int64_t version,
                                         const std::string& quotes_json, Id by, std::int64_t now);

}  // namespace sgwrs::store::analysis
