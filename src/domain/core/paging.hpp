#pragma once
// One page of a list, by keyset: the rows after a cursor, at most `limit` of them.
#include "domain/organisation/organisation.hpp"

namespace sgwrs {

struct PageRequest {
  Id after = 0;  // keyset cursor: rows with id greater than this
  int limit = 50;
};

}  // namespace sgwrs
