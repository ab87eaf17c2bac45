#pragma once
// Expected failures travel as values (Result<T>); exceptions are kept for the truly
// exceptional and are translated at the store and HTTP edges.
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace sgwrs {

enum class Errc {
  invalid,                // the input breaks a rule; see fields
  not_found,              // no such record (or the caller may not know it exists)
  forbidden,              // signed in but not allowed
  unauthenticated,        // not signed in, or the session has ended
  conflict,               // unique value already taken
  stale,                  // the record changed since the caller read it (If-Match)
  precondition_required,  // an update without a version
  throttled,              // too many attempts; try later
  unavailable,            // the store cannot answer now
};

// One problem with one input field. `key` names a catalogue message under "core.errors."
struct FieldError {
  std::string field;
  std::string key;
};

struct Error {
  Errc code;
  std::string key;     // catalogue key under "core.errors." for the message people read
  std::string detail;  // factual detail safe to show (never SQL, never internals)
  std::vector<FieldError> fields;

  static Error of(Errc c, std::string k, std::string d = {}) {
    return {c, std::move(k), std::move(d), {}};
  }
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error e) : v_(std::move(e)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const T& value() const& { return std::get<0>(v_); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  T& operator*() { return std::get<0>(v_); }
  const T& operator*() const { return std::get<0>(v_); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

struct Unit {};
using Status = Result<Unit>;
inline Status ok_status() {
  return Unit{};
}

}  // namespace sgwrs
