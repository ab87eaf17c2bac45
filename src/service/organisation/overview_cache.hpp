#pragma once
// What a person sees first: their organisation in numbers and their own pod. Every home page
// view shows it, and only an administrator's edit changes it, so each node keeps what it last
// read for a couple of seconds instead of counting the organisation on every view (the
// counts and names were two fifths of the home page's cost). An edit made through this
// node's services drops everything kept, at once; one made on another node (or by the
// command line) shows here within kFreshSeconds.
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "domain/organisation/organisation.hpp"

namespace sgwrs {

struct OrgOverview {
  Organisation organisation;
  OrgCounts counts;
  std::optional<Pod> pod;
  std::optional<Service> service;
  std::vector<User> pod_members;
};

class OverviewCache {
 public:
  static constexpr std::int64_t kFreshSeconds = 2;

  // What was read for this organisation and pod less than kFreshSeconds before `now`.
  std::optional<OrgOverview> find(Id organisation, std::optional<Id> pod, std::int64_t now) const {
    std::lock_guard lock(mutex_);
    auto it = entries_.find({organisation, pod.value_or(0)});
    if (it == entries_.end() || now - it->second.read_at >= kFreshSeconds) return std::nullopt;
    return it->second.overview;
  }

  // Taken before reading the store; store() keeps the result only if nothing changed since.
  std::uint64_t generation() const {
    std::lock_guard lock(mutex_);
    return generation_;
  }

  void store(Id organisation, std::optional<Id> pod, const OrgOverview& v, std::int64_t now,
             std::uint64_t read_at_generation) {
    std::lock_guard lock(mutex_);
    if (read_at_generation != generation_) return;  // an edit landed while it was being read
    entries_[{organisation, pod.value_or(0)}] = {v, now};
  }

  // Drops everything kept, and anything being read at this moment.
  void invalidate() {
    std::lock_guard lock(mutex_);
    ++generation_;
    entries_.clear();
  }

  // For a change to organisations or staff: invalidates when it goes out of scope, after the
  // change has committed (or failed), so no reader can keep what was there before.
  class [[nodiscard]] Invalidation {
   public:
    explicit Invalidation(OverviewCache& c) : cache_(c) {}
    Invalidation(const Invalidation&) = delete;
    Invalidation& operator=(const Invalidation&) = delete;
    ~Invalidation() { cache_.invalidate(); }

   private:
    OverviewCache& cache_;
  };
  Invalidation invalidate_on_exit() { return Invalidation(*this); }

 private:
  struct Entry {
    OrgOverview overview;
    std::int64_t read_at = 0;
  };
  mutable std::mutex mutex_;
  std::uint64_t generation_ = 0;
  std::map<std::pair<Id, Id>, Entry> entries_;
};

}  // namespace sgwrs
