#pragma once
// Maps keyed by std::string that are searched with a std::string_view: looking something up
// never builds a string. Shared by the store (prepared statements by SQL text) and the
// analysis layer (word caches and indexes).
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sgwrs {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

}  // namespace sgwrs
