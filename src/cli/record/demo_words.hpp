#pragma once
// What the demo's record builders share: words in both languages, picking from a list,
// a day, and stopping the demo with a clear message when a use case refuses.
#include <fmt/format.h>

#include <stdexcept>
#include <string>
#include <string_view>

#include "cli/core/demo_random.hpp"
#include "domain/core/result.hpp"

namespace sgwrs::cli {

struct Words {
  std::string_view en, cy;
};

inline const std::string& pick_text(const Words& w, bool welsh, std::string& buffer) {
  buffer = std::string(welsh ? w.cy : w.en);
  return buffer;
}

template <typename A>
std::string pick(const A& list, Rng& rng) {
  return std::string(list[static_cast<std::size_t>(rng.below(static_cast<int>(list.size())))]);
}

inline std::string day(int year, int month, int d) {
  return fmt::format("{:04}-{:02}-{:02}", year, month, d);
}

template <typename T>
T must(Result<T> r, const char* what) {
  if (!r) throw std::runtime_error(std::string("demo: could not ") + what + ": " + r.error().key);
  return std::move(r).value();
}

}  // namespace sgwrs::cli
