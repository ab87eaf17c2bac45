#pragma once
// Counters of failed sign-ins per account and per address.
#include <optional>
#include <string>

#include "store/core/db.hpp"

namespace sgwrs::store::throttle {

struct Entry {
  std::int64_t failures = 0;
  std::int64_t window_start = 0;
  std::int64_t blocked_until = 0;
};

std::optional<Entry> get(Conn& c, const std::string& key);
// Counts one more failure for key and returns the entry as it now stands.
Entry add_failure(Conn& c, const std::string& key, std::int64_t now, std::int64_t window_s);
void block_until(Conn& c, const std::string& key, std::int64_t until);
void clear(Conn& c, const std::string& key);

}  // namespace sgwrs::store::throttle
