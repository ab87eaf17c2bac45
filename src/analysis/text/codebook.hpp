#pragma once
// The codebook: the themes reports are coded to, and the indicator words and phrases that
// drive automatic suggestions. It is data analysts edit (data/codebook/default.json is the
// default), so reading it reports every mistake with where it is.
#include <string>
#include <string_view>
#include <vector>

#include "analysis/text/language.hpp"
#include "domain/core/result.hpp"

namespace sgwrs::analysis {

// A word or phrase (several words, matched in order) that suggests a theme. Welsh
// indicators are written in their radical (unmutated) form: "plant", not "blant".
struct Indicator {
  std::string phrase;
  Language lang = Language::en;
  double weight = 1.0;  // > 0 and at most 10
  bool operator==(const Indicator&) const = default;
};

struct ThemeDef {
  std::string id;         // lower-case words joined by single hyphens: "time-and-capacity"
  std::string parent_id;  // "" for a top-level theme
  std::string name_en, name_cy;
  std::string description_en, description_cy;
  std::string includes_en, includes_cy;  // what belongs
  std::string excludes_en, excludes_cy;  // what does not
  std::vector<Indicator> indicators;     // English ones first, then Welsh (as serialised)
  // Ids of themes in earlier versions of the codebook that this one continues (renamed) or
  // absorbs (merged), so counts over years can be joined up.
  std::vector<std::string> replaces;
  bool operator==(const ThemeDef&) const = default;
};

struct Codebook {
  std::string name;
  int version = 1;  // >= 1; raise it when themes change
  std::vector<ThemeDef> themes;
  bool operator==(const Codebook&) const = default;
};

// Reads a codebook in the format codebook_to_json writes (see data/codebook/default.json).
// Unknown fields are errors (they are usually typos). On failure the error is
// Errc::invalid, key "codebook_invalid", and detail names the field and the problem, e.g.
// `themes[3].indicators.cy[2].weight: must be greater than 0 and at most 10`; fields holds
// the same path.
Result<Codebook> parse_codebook_json(std::string_view json);

// Checks the rules parse_codebook_json enforces beyond the JSON shape: ids well-formed and
// unique, parents exist, no cycles, names in both languages, indicators non-empty with
// sensible weights and no duplicates within a theme and language.
Status validate_codebook(const Codebook& codebook);

// Canonical JSON (two-space indentation, fixed field order, English indicators before
// Welsh ones). parse_codebook_json(codebook_to_json(c)) == c for a valid c whose indicators
// are in that order, and the text of a canonical file round-trips byte for byte.
std::string codebook_to_json(const Codebook& codebook);

// Reads and parses a codebook file.
Result<Codebook> load_codebook_file(const std::string& path);

// The theme with this id, or nullptr.
const ThemeDef* find_theme(const Codebook& codebook, std::string_view id);

}  // namespace sgwrs::analysis
