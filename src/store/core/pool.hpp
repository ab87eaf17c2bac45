#pragma once
// A fixed-size pool of connections shared by both engines: callers borrow one for the
// length of a transaction and it returns itself when the lease ends.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace sgwrs::store {

template <typename C>
class Pool {
 public:
  class Lease {
   public:
    Lease(Pool& p, std::unique_ptr<C> c) : pool_(p), conn_(std::move(c)) {}
    ~Lease() {
      if (conn_) pool_.put(std::move(conn_));
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    C& operator*() { return *conn_; }
    C* operator->() { return conn_.get(); }

   private:
    Pool& pool_;
    std::unique_ptr<C> conn_;
  };

  void put(std::unique_ptr<C> c) {
    {
      std::lock_guard lock(mu_);
      free_.push_back(std::move(c));
    }
    cv_.notify_one();
  }

  Lease take() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !free_.empty(); });
    auto c = std::move(free_.back());
    free_.pop_back();
    return Lease(*this, std::move(c));
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<C>> free_;
};

}  // namespace sgwrs::store
