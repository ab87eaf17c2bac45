#pragma once
// Message catalogues: every string a person reads, in English and Welsh, loaded from
// web/i18n/{en,cy}.json. Keys are dotted paths ("identity.signin.title").
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/organisation/organisation.hpp"

namespace sgwrs::web {

class Catalogue {
 public:
  // Throws std::runtime_error if a file is missing or not JSON.
  static Catalogue load(const std::string& dir);

  // The text for key, or the key itself so a gap shows on screen rather than crashing.
  const std::string& text(Language l, std::string_view key) const;
  bool has(Language l, std::string_view key) const;
  // Replaces {name} placeholders with values.
  std::string format(Language l, std::string_view key,
                     const std::map<std::string, std::string>& args) const;
  std::vector<std::string> keys(Language l) const;

 private:
  static std::size_t index(Language l) { return l == Language::cy ? 1 : 0; }
  std::unordered_map<std::string, std::string> flat_[2];
};

}  // namespace sgwrs::web
