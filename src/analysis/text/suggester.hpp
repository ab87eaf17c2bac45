#pragma once
// Automatic theme suggestions: for every sentence and paragraph, the themes whose
// indicators appear in it, with a score and the evidence.
//
// Matching. Text and indicators are broken into words the same way (word_scan). English
// words compare by Snowball stem; a Welsh text word matches an indicator word when any of
// its radical candidates (welsh_mutation.hpp) equals it, so "blant" matches "plant". A
// phrase matches consecutive words, in order, within one sentence. Where one indicator's
// match lies inside a longer match for the same theme ("time" inside "no time"), only the
// longer one counts.
//
// Negation. A match is negated when a negating word (is_negator: not, no, never, without,
// cannot, n't, nid, ddim, heb, dim) stands within the 3 words before it, counting back no
// further than a clause break (, ; : . ! ? — a line break) or "but"/"ond"/"however".
// Negated evidence is listed, marked, and does not count. An *absence* indicator — one
// whose first word is itself a negator or names a lack ("no time", "lack of time",
// "not enough staff", "dim amser", "diffyg amser", "heb gefnogaeth") — already carries its
// negation, so a negator before it denies the absence ("not a lack of time"): it is
// negated the same way, looking back 5 words instead of 3, because the denial is often
// put at a distance ("it is not that there is no time"). The plain indicator inside it
// ("time") is not counted separately, being inside the longer match.
//
// Score. S = the sum of the weights of the distinct indicators matched un-negated in the
// segment; score = 1 - 2^(-S). One indicator of weight 1 scores 0.5, two 0.75, three 0.875:
// each further indicator adds half as much as the one before, so the score is in (0, 1]
// and rises with more, and more distinct, evidence. Repeating one phrase does not raise it.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/model.hpp"
#include "analysis/text/codebook.hpp"
#include "analysis/text/language.hpp"
#include "domain/core/string_map.hpp"

namespace sgwrs::analysis {

// Suggestions name their theme and indicators by views into the Suggester that made them
// (its copy of the codebook): they are valid while that Suggester lives. A large import
// makes hundreds of thousands of suggestions; copying the names into each cost a tenth of
// the time.
// The model a Suggester's suggestions come from, as exports name it (column `model`): the
// codebook's indicator words. A learned model will name itself beside it.
inline constexpr std::string_view kIndicatorModel = "indicators";

struct Evidence {
  std::string_view phrase;  // the indicator as written in the codebook
  Span span;                // the matched words in the text (code points)
  bool negated = false;
};

struct Suggestion {
  std::string_view theme_id;
  SegmentKind kind = SegmentKind::sentence;
  Span span;  // the segment
  double score = 0;
  std::vector<Evidence> evidence;  // in text order; negated evidence included, marked
  // The model that made it: kIndicatorModel, or a learned model's name ("learned-v3").
  std::string_view model = kIndicatorModel;
};

class Suggester {
 public:
  // Compiles every indicator once. Indicators with no words are ignored (a validated
  // codebook has none).
  explicit Suggester(const Codebook& codebook);

  // Suggestions for every sentence and paragraph of `text` (as segment(text) finds them).
  std::vector<Suggestion> suggest(std::string_view text, Language lang) const;
  // Suggestions for the given segments (code-point spans into `text`), in their order;
  // within a segment, highest score first. Evidence counts for a segment when its match
  // lies wholly inside it.
  std::vector<Suggestion> suggest(std::string_view text, Language lang,
                                  const std::vector<Segment>& segments) const;

  // One indicator found in the text (for callers that want matches without segments).
  struct Match {
    std::uint32_t theme = 0;      // index into the codebook's themes
    std::uint32_t indicator = 0;  // index into that theme's indicators
    Span span;
    bool negated = false;
  };
  // All matches in `text`, in text order, after dropping those inside a longer match for
  // the same theme.
  std::vector<Match> find_matches(std::string_view text, Language lang) const;

  std::size_t theme_count() const { return themes_.size(); }
  // The id of the theme at this index of the codebook (as Match::theme counts).
  std::string_view theme_id(std::size_t theme) const { return themes_[theme].id; }

 private:
  struct Phrase {
    std::uint32_t theme = 0;
    std::uint32_t indicator = 0;
    double weight = 1;
    bool absence = false;
    std::vector<std::uint32_t> words;  // word ids, at least one
  };
  struct LangIndex {
    // Indicator word (English stem, or Welsh radical without diacritics) -> id.
    StringMap<std::uint32_t> word_ids;
    std::vector<std::vector<std::uint32_t>> phrases_by_first_word;  // word id -> phrases
    std::vector<Phrase> phrases;
  };
  struct ThemeInfo {
    std::string id;
    std::vector<std::string> phrases;  // indicator phrases, by indicator index
    std::vector<double> weights;       // their weights
  };

  const LangIndex& index(Language lang) const { return by_lang_[lang == Language::cy ? 1 : 0]; }

  std::uint64_t serial_;  // tells this Suggester's per-thread word caches from others'
  std::array<LangIndex, 2> by_lang_;
  std::vector<ThemeInfo> themes_;
};

}  // namespace sgwrs::analysis
