#pragma once
// A closed set of values: an enum and the stable id each value is stored and shown by (the
// database column, the API field, the CSV cell, the catalogue key). One table per enum
// keeps the two spellings from drifting apart; the enum is what code compares.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace sgwrs {

template <typename E, std::size_t N>
struct ClosedSet {
  std::array<std::pair<E, std::string_view>, N> entries;

  constexpr std::string_view id(E value) const {
    for (const auto& [v, id] : entries)
      if (v == value) return id;
    return {};
  }
  constexpr std::optional<E> parse(std::string_view id) const {
    for (const auto& [v, text] : entries)
      if (text == id) return v;
    return std::nullopt;
  }
  constexpr std::array<E, N> values() const {
    std::array<E, N> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = entries[i].first;
    return out;
  }
};

template <typename E, typename... Ids>
constexpr auto closed_set(std::pair<E, Ids>... entries) {
  return ClosedSet<E, sizeof...(entries)>{{std::pair<E, std::string_view>(entries)...}};
}

}  // namespace sgwrs
