#pragma once
// Noticing when a personal outcome is written as a service or a task ("needs help with…",
// "requires a care package", "respite", "angen help gyda…", "pecyn gofal") rather than as
// what the person wants their life to be like. Only ever a gentle prompt beside a saved
// statement, never a reason to refuse one.
#include <string>
#include <string_view>

namespace sgwrs {

// The phrase (from the list in outcome_wording.cpp) the statement contains, or empty. Case,
// accents and Welsh initial mutations are forgiven: "i'r ganolfan ddydd" is "canolfan ddydd".
std::string reads_like_service(std::string_view statement);

}  // namespace sgwrs
