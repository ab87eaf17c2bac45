#pragma once
// Whether an item of a family's record is sensitive, and why (an address kept from another
// member, a relationship someone must not learn of). A sensitive item never appears in the
// family view; a reader who broke the glass sees that it is there and why, and nothing of
// what it says, until they confirm they need it (which is audited).
#include <string>

namespace sgwrs {

struct Marking {
  std::string sensitive_reason;  // empty: not sensitive
  bool withheld = false;         // held back from this reader until they confirm
  bool sensitive() const { return !sensitive_reason.empty(); }
};

}  // namespace sgwrs
