#include "analysis/report/agreement.hpp"

#include <stdexcept>

namespace sgwrs::analysis {

namespace {

// Cohen's kappa from the 2x2 table, in exact integer arithmetic up to the final division:
//   po = (both + neither) / n,  pe = (a1*b1 + a0*b0) / n^2,  kappa = (po - pe) / (1 - pe)
//   => kappa = (n*(both + neither) - (a1*b1 + a0*b0)) / (n^2 - (a1*b1 + a0*b0))
// Undefined when pe = 1, i.e. both coders gave one and the same value to every unit.
std::optional<double> cohen_kappa(const Agreement& t) {
  const long double n = static_cast<long double>(t.units);
  const long double a1 = static_cast<long double>(t.both + t.only_a);
  const long double b1 = static_cast<long double>(t.both + t.only_b);
  const long double a0 = n - a1;
  const long double b0 = n - b1;
  const long double chance = a1 * b1 + a0 * b0;  // n^2 * pe
  const long double denominator = n * n - chance;
  if (t.units == 0 || denominator == 0) return std::nullopt;
  const long double observed = n * static_cast<long double>(t.both + t.neither);  // n^2 * po
  return static_cast<double>((observed - chance) / denominator);
}

// Krippendorff's alpha for nominal data, two coders, no missing values, from the
// coincidence matrix. Each unit adds its ordered pairs (a,b) and (b,a), so with n units:
//   o11 = 2*both, o00 = 2*neither, o01 = o10 = only_a + only_b, n.. = 2n,
//   n1 = 2*both + only_a + only_b, n0 = 2*neither + only_a + only_b.
//   alpha = 1 - Do/De = 1 - (n.. - 1) * (o01 + o10) / (n0*n1 + n1*n0)
//         = 1 - (2n - 1) * (only_a + only_b) / (n0 * n1)
// Undefined when n0*n1 = 0: every value given is the same, so there is no variation.
std::optional<double> krippendorff_alpha(const Agreement& t) {
  const long double disagreements = static_cast<long double>(t.only_a + t.only_b);
  const long double n1 = 2.0L * t.both + disagreements;
  const long double n0 = 2.0L * t.neither + disagreements;
  if (t.units == 0 || n0 * n1 == 0) return std::nullopt;
  const long double pairable = 2.0L * t.units - 1.0L;
  return static_cast<double>(1.0L - pairable * disagreements / (n0 * n1));
}

}  // namespace

Agreement agreement(const std::vector<bool>& coder_a, const std::vector<bool>& coder_b) {
  if (coder_a.size() != coder_b.size())
    throw std::invalid_argument("agreement: the two coders' vectors differ in length (" +
                                std::to_string(coder_a.size()) + " and " +
                                std::to_string(coder_b.size()) + " segments)");
  Agreement t;
  t.units = coder_a.size();
  for (std::size_t i = 0; i < t.units; ++i) {
    if (coder_a[i] && coder_b[i])
      ++t.both;
    else if (coder_a[i])
      ++t.only_a;
    else if (coder_b[i])
      ++t.only_b;
    else
      ++t.neither;
  }
  if (t.units > 0)
    t.percent = 100.0 * static_cast<double>(t.both + t.neither) / static_cast<double>(t.units);
  t.kappa = cohen_kappa(t);
  t.alpha = krippendorff_alpha(t);
  return t;
}

std::map<std::string, Agreement> agreement_by_theme(std::size_t segment_count,
                                                    const std::vector<SegmentCoding>& codings,
                                                    const std::string& coder_a,
                                                    const std::string& coder_b) {
  // Per theme, which segments each coder applied it to; and which segments either coder
  // touched at all.
  struct Marks {
    std::vector<bool> a, b;
  };
  std::map<std::string, Marks> marks;
  std::vector<bool> touched(segment_count, false);
  for (const SegmentCoding& c : codings) {
    if (c.coder != coder_a && c.coder != coder_b) continue;
    if (c.segment_index >= segment_count)
      throw std::out_of_range("agreement_by_theme: segment " + std::to_string(c.segment_index) +
                              " coded by '" + c.coder + "' is outside the text's " +
                              std::to_string(segment_count) + " segments");
    Marks& m = marks[c.theme_id];
    if (m.a.empty()) {
      m.a.assign(segment_count, false);
      m.b.assign(segment_count, false);
    }
    // A coder compared with itself sees its own codings on both sides.
    if (c.coder == coder_a) m.a[c.segment_index] = true;
    if (c.coder == coder_b) m.b[c.segment_index] = true;
    touched[c.segment_index] = true;
  }

  std::map<std::string, Agreement> result;
  for (const auto& [theme, m] : marks) {
    std::vector<bool> a, b;
    for (std::size_t s = 0; s < segment_count; ++s) {
      if (!touched[s]) continue;
      a.push_back(m.a[s]);
      b.push_back(m.b[s]);
    }
    result.emplace(theme, agreement(a, b));
  }
  return result;
}

}  // namespace sgwrs::analysis
