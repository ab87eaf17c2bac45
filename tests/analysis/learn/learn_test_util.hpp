#pragma once
// A tiny codebook and corpus for the learned model's tests.
#include <string>
#include <vector>

#include "analysis/learn/features.hpp"
#include "analysis/learn/train.hpp"
#include "analysis/text/codebook.hpp"
#include "analysis/text/suggester.hpp"

namespace sgwrs::analysis::learn::test {

inline ThemeDef theme(std::string id, std::vector<Indicator> indicators) {
  ThemeDef t;
  t.id = std::move(id);
  t.name_en = t.id;
  t.name_cy = t.id;
  t.indicators = std::move(indicators);
  return t;
}

// "time" has an indicator; "support" has one that is misleading ("help" is said of
// everything); "family" has none, so only a model can ever suggest it.
inline Codebook small_codebook() {
  Codebook c;
  c.name = "test";
  c.themes.push_back(theme("time", {{"caseload", Language::en}}));
  c.themes.push_back(theme("support", {{"help", Language::en}}));
  c.themes.push_back(theme("family", {{"zzzz-never", Language::en}}));
  return c;
}

// One sentence as a training example.
inline Example example(const Suggester& s, const std::string& text, std::vector<std::string> themes,
                       const std::string& heading = "other") {
  std::vector<Passage> p{{{0, text.size()}, heading}};
  Example e;
  e.x = passage_features(text, Language::en, p, s)[0];
  e.themes = {themes.begin(), themes.end()};
  e.reviewed = !themes.empty();
  return e;
}

}  // namespace sgwrs::analysis::learn::test
