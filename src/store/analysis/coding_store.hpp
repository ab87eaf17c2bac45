#pragma once
// Analysts' codings of passages to themes.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/analysis/followup.hpp"
#include "domain/core/result.hpp"
#include "store/core/db.hpp"

namespace sgwrs::store::analysis {

Result<Coding> insert_coding(Conn& c, Coding k, std::int64_t now);
// The same coding by the same coder already there: nothing added, false. Never fails the
// transaction (PostgreSQL aborts a transaction on a unique violation).
bool insert_coding_if_absent(Conn& c, const Coding& k, std::int64_t now);
bool delete_coding(Conn& c, Id report_id, Id coding_id);
std::vector<Coding> codings_for_report(Conn& c, Id report_id);
std::vector<Coding> all_codings(Conn& c);
std::optional<Coding> find_coding(Conn& c, Id coding_id);

}  // namespace sgwrs::store::analysis
