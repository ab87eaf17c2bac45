#include "analysis/learn/theme_model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

namespace sgwrs::analysis::learn {
namespace {

constexpr std::string_view kMagic = "sgwrs-theme-model 1";

std::uint64_t checksum(std::string_view s) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char ch : s) {
    h ^= ch;
    h *= 1099511628211ull;
  }
  return h;
}

Error corrupt(const std::string& detail) {
  return Error::of(Errc::invalid, "model_corrupt", detail);
}

// Reads whitespace-separated fields, refusing anything left half-read.
class Fields {
 public:
  explicit Fields(std::string_view s) : s_(s) {}
  std::string_view next() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n')) ++pos_;
    const auto begin = pos_;
    while (pos_ < s_.size() && s_[pos_] != ' ' && s_[pos_] != '\n') ++pos_;
    return s_.substr(begin, pos_ - begin);
  }
  template <typename T>
  bool number(T& out) {
    const auto f = next();
    if (f.empty()) return false;
    const auto r = std::from_chars(f.data(), f.data() + f.size(), out);
    return r.ec == std::errc() && r.ptr == f.data() + f.size();
  }
  bool done() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n')) ++pos_;
    return pos_ == s_.size();
  }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string ThemeModel::name() const {
  return fmt::format("learned-v{}", version);
}

const ThemeWeights* ThemeModel::find(std::string_view theme_id) const {
  for (const auto& t : themes)
    if (t.theme_id == theme_id) return &t;
  return nullptr;
}

double probability(const ThemeWeights& t, const SparseVector& x) {
  if (!t.trained) return 0;
  double z = t.bias;
  // A passage has tens of features, a theme thousands of weights: look each feature up.
  for (const auto& [index, value] : x.items) {
    const auto w = std::lower_bound(
        t.weights.begin(), t.weights.end(), index,
        [](const std::pair<std::uint32_t, float>& a, std::uint32_t i) { return a.first < i; });
    if (w != t.weights.end() && w->first == index) z += static_cast<double>(w->second) * value;
  }
  return 1.0 / (1.0 + std::exp(-z));
}

std::string serialise_model(const ThemeModel& m) {
  std::string out = fmt::format("{}\ncodebook {}\nversion {}\nbits {}\nthemes {}\n", kMagic,
                                m.codebook_version, m.version, kFeatureBits, m.themes.size());
  for (const auto& t : m.themes) {
    out += fmt::format("theme {} {} {} {} {} {} {}\n", t.theme_id, t.positives, t.negatives,
                       t.trained ? 1 : 0, t.bias, t.threshold, t.weights.size());
    for (const auto& [i, w] : t.weights) out += fmt::format("{} {}\n", i, w);
  }
  out += fmt::format("end {:016x}\n", checksum(out));
  return out;
}

Result<ThemeModel> parse_model(std::string_view text) {
  const auto end = text.rfind("end ");
  if (!text.starts_with(kMagic) || end == std::string_view::npos)
    return corrupt("not a theme model");
  std::uint64_t sum = 0;
  {
    Fields tail(text.substr(end + 4));
    const auto hex = tail.next();
    const auto r = std::from_chars(hex.data(), hex.data() + hex.size(), sum, 16);
    if (r.ec != std::errc() || r.ptr != hex.data() + hex.size() || !tail.done())
      return corrupt("the checksum line is damaged");
  }
  if (sum != checksum(text.substr(0, end))) return corrupt("the checksum does not match");

  Fields f(text.substr(kMagic.size(), end - kMagic.size()));
  ThemeModel m;
  unsigned bits = 0;
  std::size_t themes = 0;
  if (f.next() != "codebook" || !f.number(m.codebook_version) || f.next() != "version" ||
      !f.number(m.version) || f.next() != "bits" || !f.number(bits) || f.next() != "themes" ||
      !f.number(themes))
    return corrupt("the header is damaged");
  if (bits != kFeatureBits)
    return corrupt(
        fmt::format("made with {} feature bits, this build uses {}", bits, kFeatureBits));
  if (themes > 10000) return corrupt("too many themes");
  for (std::size_t k = 0; k < themes; ++k) {
    ThemeWeights t;
    int trained = 0;
    std::size_t n = 0;
    if (f.next() != "theme") return corrupt(fmt::format("theme {} is missing", k + 1));
    t.theme_id = std::string(f.next());
    if (t.theme_id.empty() || !f.number(t.positives) || !f.number(t.negatives) ||
        !f.number(trained) || !f.number(t.bias) || !f.number(t.threshold) || !f.number(n) ||
        n > kFeatureSlots || !std::isfinite(t.bias) || !(t.threshold >= 0 && t.threshold <= 1))
      return corrupt(fmt::format("theme {} is damaged", k + 1));
    t.trained = trained == 1;
    t.weights.reserve(n);
    for (std::size_t j = 0; j < n; ++j) {
      std::uint32_t i = 0;
      float w = 0;
      if (!f.number(i) || !f.number(w) || i < 1 || i > kFeatureSlots || !std::isfinite(w) ||
          (!t.weights.empty() && t.weights.back().first >= i))
        return corrupt(fmt::format("a weight of theme {} is damaged", t.theme_id));
      t.weights.emplace_back(i, w);
    }
    m.themes.push_back(std::move(t));
  }
  if (!f.done()) return corrupt("text after the last theme");
  return m;
}

}  // namespace sgwrs::analysis::learn
