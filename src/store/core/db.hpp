#pragma once
// A small database abstraction with two engines (SQLite, PostgreSQL). Repositories are
// written once against it with `?` placeholders and portable SQL; schema differences live
// in each engine's numbered migrations. SQL appears only under src/store.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "domain/core/failure.hpp"

namespace sgwrs::store {

enum class Engine { sqlite, postgres };

using Value = std::variant<std::monostate, std::int64_t, std::string>;
using Params = std::vector<Value>;

inline Value null_value() {
  return std::monostate{};
}
template <typename T>
Value opt(const std::optional<T>& v) {
  return v ? Value(*v) : Value(std::monostate{});
}
// Who did it, as a users(id) reference: the command-line operator acts as user 0, who has
// no row, and is recorded as nobody.
inline Value by_user(std::optional<std::int64_t> id) {
  return id && *id != 0 ? Value(*id) : null_value();
}

class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> cols) : cols_(std::move(cols)) {}
  bool is_null(std::size_t i) const { return !cols_.at(i).has_value(); }
  const std::string& text(std::size_t i) const;
  std::int64_t i64(std::size_t i) const;
  std::optional<std::int64_t> opt_i64(std::size_t i) const;

 private:
  std::vector<std::optional<std::string>> cols_;
};
using Rows = std::vector<Row>;

// Thrown by the engines; repositories turn the expected kinds into Result errors.
class StoreError : public InfrastructureFailure {
 public:
  enum class Kind { unique_violation, unavailable, schema, other };
  StoreError(Kind k, const std::string& what)
      : InfrastructureFailure(what, k == Kind::unavailable), kind(k) {}
  Kind kind;
};

class Conn {
 public:
  virtual ~Conn() = default;
  // One statement with bound parameters, prepared once per connection and reused.
  virtual Rows query(std::string_view sql, const Params& params = {}) = 0;
  // Rows changed by an INSERT/UPDATE/DELETE.
  virtual std::int64_t exec(std::string_view sql, const Params& params = {}) = 0;
  // Several statements without parameters (migrations only).
  virtual void exec_script(std::string_view sql) = 0;
  virtual Engine engine() const = 0;
};

// read/write: an explicit transaction (a consistent snapshot; write takes the write lock).
// single: one statement on its own, which the engine runs atomically without BEGIN/COMMIT.
// audit: a write transaction that only appends the audit lines of reads, committed without
// waiting for the disk (SQLite synchronous=NORMAL in WAL, PostgreSQL synchronous_commit
// off): atomic and kept through a crash of Sgwrs, but the last such commits may be lost with
// the machine's power. Every change to the record stays a durable write.
enum class TxMode { read, write, single, audit };

class Db {
 public:
  virtual ~Db() = default;
  virtual Engine engine() const = 0;
  // A human-readable description without secrets (for logs).
  virtual std::string describe() const = 0;
  // Cheap round trip: true when the database answers.
  virtual bool ping() = 0;

  // Runs fn inside one transaction. It commits when fn returns normally and its result,
  // if it has an ok(), is ok; otherwise it rolls back, so nothing is ever half-written.
  template <typename F>
  auto transact(TxMode mode, F&& fn) -> std::invoke_result_t<F, Conn&> {
    using R = std::invoke_result_t<F, Conn&>;
    if constexpr (std::is_void_v<R>) {
      run(mode, [&](Conn& c) {
        fn(c);
        return true;
      });
    } else {
      std::optional<R> out;
      run(mode, [&](Conn& c) {
        out.emplace(fn(c));
        if constexpr (requires(const R& r) { r.ok(); }) return out->ok();
        return true;
      });
      return std::move(*out);
    }
  }

 protected:
  // fn returns whether to commit. Exceptions roll back and propagate.
  virtual void run(TxMode mode, const std::function<bool(Conn&)>& fn) = 0;
};

struct DbOptions {
  int pool_size = 4;
};

// "sqlite:PATH", a bare file path, or "postgresql://…".
std::unique_ptr<Db> open_db(const std::string& url, const DbOptions& opts = {});

}  // namespace sgwrs::store
