#pragma once
// What every use case needs to know about the call: who is calling, from where, and when.
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "domain/organisation/organisation.hpp"

namespace sgwrs {

// Seconds since the epoch; replaceable so tests can move time forward.
using Clock = std::function<std::int64_t()>;
inline std::int64_t system_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

struct Actor {
  User user;
  std::string address;
  // Signed in with a personal access token rather than a browser session: such a caller
  // may not make more tokens.
  bool via_token = false;
  bool is_admin() const { return user.role == Role::administrator; }
};

}  // namespace sgwrs
