#pragma once
// Prepared statements kept per connection, keyed by their SQL text and found by the caller's
// string_view: running a statement never copies its text.
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sgwrs::store {

struct SqlHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

template <typename Value>
using SqlMap = std::unordered_map<std::string, Value, SqlHash, std::equal_to<>>;

}  // namespace sgwrs::store
