#pragma once
// Whether a page or an API call asked to show sensitive items to a break-glass reader
// (`?reveal=sensitive`; the family's page links to it). The services decide and audit it.
#include "http/core/types.hpp"

namespace sgwrs::http {

inline bool reveal_sensitive(const Ctx& c) {
  const auto it = c.query.find("reveal");
  return it != c.query.end() && it->second == "sensitive";
}

}  // namespace sgwrs::http
