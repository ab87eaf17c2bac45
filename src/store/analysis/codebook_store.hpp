#pragma once
// Codebook versions: the themes in force, and their history.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/analysis/followup.hpp"
#include "domain/core/result.hpp"
#include "store/core/db.hpp"

namespace sgwrs::store::analysis {

std::optional<CodebookVersion> current_codebook(Conn& c);
std::vector<CodebookVersion> codebook_history(Conn& c);  // newest first, bodies included
Result<CodebookVersion> insert_codebook(Conn& c, CodebookVersion v, std::int64_t now);
Result<CodebookVersion> insert_codebook(Conn& c, CodebookVersion v, std::int64_t now);

}  // namespace sgwrs::store::analysis
