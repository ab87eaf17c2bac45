#pragma once
// What every benchmark program reports with: the median of its runs, and seconds elapsed.
#include <algorithm>
#include <chrono>
#include <vector>

namespace sgwrs::bench {

inline double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const auto n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

inline double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace sgwrs::bench
