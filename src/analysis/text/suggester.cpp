#include "analysis/text/suggester.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstring>

#include <boost/unordered/unordered_flat_map.hpp>

#include "analysis/text/boundaries.hpp"
#include "analysis/text/segment.hpp"
#include "analysis/text/tokenise.hpp"
#include "analysis/text/welsh_mutation.hpp"
#include "analysis/text/word_scan.hpp"
#include "domain/core/utf8.hpp"

namespace sgwrs::analysis {
namespace {

constexpr std::size_t kNegationWindow = 3;
constexpr std::size_t kAbsenceNegationWindow = 5;

// First words that make an indicator name an absence (besides the negators themselves).
bool names_a_lack(std::string_view folded) {
  for (std::string_view w : {"lack", "lacking", "shortage", "shortages", "absence", "insufficient",
                             "diffyg", "prinder", "prin"})
    if (folded == w) return true;
  return false;
}

// Words that end the reach of a negator, as a clause break does ("no plan, but time").
bool stops_negation(std::string_view folded) {
  return folded == "but" || folded == "ond" || folded == "however" || folded == "although";
}

// Text words with the indicator-word ids each could stand for (flat: ids[first, first+count)).
struct WordIds {
  std::uint32_t first = 0;
  std::uint8_t count = 0;
};

struct FoundMatch {
  std::uint32_t phrase = 0;  // index into LangIndex::phrases
  std::uint32_t first_word = 0;
  std::uint32_t last_word = 0;
  bool negated = false;
};

// Text words already resolved to indicator-word ids, for one Suggester and one language.
struct WordIdCache {
  std::uint64_t serial = 0;
  // Open addressing: one probe into a flat array for the word seen a moment ago, where a
  // node-based map chases pointers (the lookup is once per word of every report).
  boost::unordered_flat_map<std::string, WordIds, StringHash, std::equal_to<>> by_surface;
  // Words of up to 8 bytes (most of them) keyed by their bytes packed into an integer:
  // no string to hash or compare. Words hold no NUL byte, so the packing is one-to-one.
  boost::unordered_flat_map<std::uint64_t, WordIds> by_packed;
  std::vector<std::uint32_t> ids;  // WordIds index into this
};

// The thread's cache for this Suggester (by serial, so a new Suggester at a reused address
// never sees another's ids) and language. Started afresh when it outgrows any real
// vocabulary, which only junk input does.
WordIdCache& word_id_cache(std::uint64_t serial, Language lang) {
  thread_local std::array<WordIdCache, 2> caches;
  WordIdCache& c = caches[lang == Language::cy ? 1 : 0];
  if (c.serial != serial || c.by_surface.size() + c.by_packed.size() > 100'000) {
    c.by_surface.clear();
    c.by_packed.clear();
    c.ids.clear();
    c.serial = serial;
  }
  return c;
}

std::atomic<std::uint64_t> next_serial{1};

// A stable sort for the handful of elements a segment holds: std::stable_sort would take a
// heap buffer for each of the hundreds of thousands of segments in a large import.
template <typename It, typename Less>
void insertion_sort(It first, It last, Less less) {
  for (It i = first; i != last; ++i)
    for (It j = i; j != first && less(*j, *std::prev(j)); --j) std::iter_swap(j, std::prev(j));
}

}  // namespace

Suggester::Suggester(const Codebook& codebook) : serial_(next_serial++) {
  std::vector<detail::ScannedWord> words;
  std::string folded, stripped;
  for (std::uint32_t t = 0; t < codebook.themes.size(); ++t) {
    const ThemeDef& theme = codebook.themes[t];
    ThemeInfo info{theme.id, {}, {}};
    for (std::uint32_t i = 0; i < theme.indicators.size(); ++i) {
      const Indicator& ind = theme.indicators[i];
      info.phrases.push_back(ind.phrase);
      info.weights.push_back(ind.weight);
      LangIndex& idx = by_lang_[ind.lang == Language::cy ? 1 : 0];
      detail::scan_words(ind.phrase, words);
      if (words.empty()) continue;
      Phrase p{t, i, ind.weight, false, {}};
      for (std::size_t k = 0; k < words.size(); ++k) {
        const auto& w = words[k];
        detail::fold_into(
            std::string_view(ind.phrase).substr(w.byte_begin, w.byte_end - w.byte_begin), folded);
        if (k == 0) p.absence = is_negator(folded) || names_a_lack(folded);
        std::string key;
        if (ind.lang == Language::en) {
          key = detail::cached_english_stem(folded);
        } else {
          strip_welsh_diacritics(folded, stripped);
          key = stripped;
        }
        auto [it, fresh] =
            idx.word_ids.emplace(key, static_cast<std::uint32_t>(idx.word_ids.size()));
        p.words.push_back(it->second);
      }
      idx.phrases_by_first_word.resize(idx.word_ids.size());
      idx.phrases_by_first_word[p.words[0]].push_back(
          static_cast<std::uint32_t>(idx.phrases.size()));
      idx.phrases.push_back(std::move(p));
    }
    themes_.push_back(std::move(info));
  }
  // Longer phrases first, so the evidence for a position reads longest match first.
  for (LangIndex& idx : by_lang_)
    for (auto& list : idx.phrases_by_first_word)
      std::stable_sort(list.begin(), list.end(), [&](std::uint32_t a, std::uint32_t b) {
        return idx.phrases[a].words.size() > idx.phrases[b].words.size();
      });
}

namespace {

// The matching engine for one text: its words, their candidate ids, and the matches.
class Scan {
 public:
  Scan(std::string_view text, Language lang) : text_(text), lang_(lang) {}

  template <typename LangIndexT>
  std::vector<FoundMatch> run(const LangIndexT& idx, std::uint64_t serial) {
    detail::word_spans(text_, words_);
    assign_ids(idx, serial);
    std::vector<FoundMatch> found;
    for (std::uint32_t i = 0; i < words_.size(); ++i) {
      for (std::uint32_t c = 0; c < ids_of_[i].count; ++c) {
        std::uint32_t first_id = cache_->ids[ids_of_[i].first + c];
        for (std::uint32_t pi : idx.phrases_by_first_word[first_id]) {
          const auto& p = idx.phrases[pi];
          std::uint32_t n = static_cast<std::uint32_t>(p.words.size());
          if (!continues(p.words, i)) continue;
          FoundMatch m{pi, i, i + n - 1, false};
          m.negated = negated_before(i, p.absence ? kAbsenceNegationWindow : kNegationWindow);
          found.push_back(m);
        }
      }
    }
    drop_nested(found, idx);
    return found;
  }

  const std::vector<detail::ByteSpan>& words() const { return words_; }

 private:
  std::string_view word(std::size_t i) const {
    return text_.substr(words_[i].begin, words_[i].end - words_[i].begin);
  }

  // What separates word i from the one before (worked out only where a phrase or a
  // negation needs it: most words are never asked).
  detail::Gap gap_before(std::size_t i) const {
    if (i == 0) return detail::Gap::sentence;
    return detail::gap_between(
        text_.substr(words_[i - 1].end, words_[i].begin - words_[i - 1].end));
  }

  // Each word's candidate ids, from the thread's cache of surfaces already resolved (a
  // report repeats a few thousand distinct words; folding and stemming each occurrence
  // would cost more than everything else together).
  template <typename LangIndexT>
  void assign_ids(const LangIndexT& idx, std::uint64_t serial) {
    cache_ = &word_id_cache(serial, lang_);
    ids_of_.resize(words_.size());
    for (std::size_t i = 0; i < words_.size(); ++i) {
      const std::string_view surface = word(i);
      if (surface.size() <= 8) {
        const std::uint64_t packed = pack(surface, words_[i].begin);
        auto hit = cache_->by_packed.find(packed);
        if (hit == cache_->by_packed.end())
          hit = cache_->by_packed.emplace(packed, resolve(idx, surface)).first;
        ids_of_[i] = hit->second;
      } else {
        auto hit = cache_->by_surface.find(surface);
        if (hit == cache_->by_surface.end())
          hit = cache_->by_surface.emplace(std::string(surface), resolve(idx, surface)).first;
        ids_of_[i] = hit->second;
      }
    }
  }

  // A word of up to 8 bytes as an integer (byte order as in memory; the unused bytes zero).
  // Where the text has 8 bytes from the word on, one fixed-size load and a mask do it: a
  // copy of variable length would go through memcpy and stall the load that reads it back.
  std::uint64_t pack(std::string_view surface, std::size_t at) const {
    std::uint64_t packed = 0;
    if (at + 8 <= text_.size()) {
      std::memcpy(&packed, text_.data() + at, 8);
      if (surface.size() < 8) {  // keep the word's own bytes: the first ones in memory
        const unsigned unused_bits = 64 - 8 * static_cast<unsigned>(surface.size());
        packed &= std::endian::native == std::endian::little ? ~std::uint64_t{0} >> unused_bits
                                                             : ~std::uint64_t{0} << unused_bits;
      }
    } else {
      std::memcpy(&packed, surface.data(), surface.size());
    }
    return packed;
  }

  // The ids a surface could stand for, appended to the cache's flat list.
  template <typename LangIndexT>
  WordIds resolve(const LangIndexT& idx, std::string_view surface) {
    std::vector<std::uint32_t>& ids = cache_->ids;
    WordIds slot{static_cast<std::uint32_t>(ids.size()), 0};
    detail::fold_into(surface, folded_);
    auto add = [&](std::string_view key) {
      auto it = idx.word_ids.find(key);
      if (it == idx.word_ids.end()) return;
      for (std::uint32_t k = 0; k < slot.count; ++k)
        if (ids[slot.first + k] == it->second) return;
      ids.push_back(it->second);
      ++slot.count;
    };
    if (lang_ == Language::en) {
      add(detail::cached_english_stem(folded_));
    } else {
      welsh_radical_candidates(folded_, candidates_);
      for (std::size_t k = 0; k < candidates_.count; ++k) add(candidates_[k]);
    }
    return slot;
  }

  bool has_id(std::uint32_t word, std::uint32_t id) const {
    const WordIds& s = ids_of_[word];
    for (std::uint32_t k = 0; k < s.count; ++k)
      if (cache_->ids[s.first + k] == id) return true;
    return false;
  }

  // Do words i+1… carry the rest of the phrase, within the sentence?
  bool continues(const std::vector<std::uint32_t>& phrase, std::uint32_t i) const {
    if (i + phrase.size() > words_.size()) return false;
    for (std::size_t k = 1; k < phrase.size(); ++k) {
      if (gap_before(i + k) == detail::Gap::sentence) return false;
      if (!has_id(static_cast<std::uint32_t>(i + k), phrase[k])) return false;
    }
    return true;
  }

  // Is there a negator among the `window` words before word i, within its clause?
  bool negated_before(std::uint32_t i, std::size_t window) {
    std::string folded;
    for (std::size_t back = 1; back <= window && back <= i; ++back) {
      if (gap_before(i - back + 1) != detail::Gap::none) return false;
      detail::fold_into(word(i - back), folded);
      if (stops_negation(folded)) return false;
      if (is_negator(folded)) return true;
    }
    return false;
  }

  // Drops matches lying inside a longer match for the same theme.
  template <typename LangIndexT>
  static void drop_nested(std::vector<FoundMatch>& found, const LangIndexT& idx) {
    auto theme = [&](const FoundMatch& m) { return idx.phrases[m.phrase].theme; };
    std::sort(found.begin(), found.end(), [&](const FoundMatch& a, const FoundMatch& b) {
      if (theme(a) != theme(b)) return theme(a) < theme(b);
      if (a.first_word != b.first_word) return a.first_word < b.first_word;
      return a.last_word > b.last_word;
    });
    // Sorted by start, longest first: a match is covered when an earlier kept match of
    // the same theme reaches at least as far. That also drops a second indicator matching
    // the very same words ("listen" and "listening" share a stem), which would otherwise
    // count one piece of evidence twice.
    std::vector<FoundMatch> kept;
    kept.reserve(found.size());
    std::uint32_t reach = 0;
    for (std::size_t i = 0; i < found.size(); ++i) {
      bool new_theme = i == 0 || theme(found[i]) != theme(found[i - 1]);
      if (!new_theme && found[i].last_word <= reach) continue;
      kept.push_back(found[i]);
      reach = new_theme ? found[i].last_word : std::max(reach, found[i].last_word);
    }
    std::sort(kept.begin(), kept.end(), [](const FoundMatch& a, const FoundMatch& b) {
      if (a.first_word != b.first_word) return a.first_word < b.first_word;
      return a.last_word > b.last_word;
    });
    found = std::move(kept);
  }

  std::string_view text_;
  Language lang_;
  std::vector<detail::ByteSpan> words_;
  std::vector<WordIds> ids_of_;
  WordIdCache* cache_ = nullptr;
  std::string folded_;
  WelshCandidates candidates_;
};

}  // namespace

std::vector<Suggester::Match> Suggester::find_matches(std::string_view text, Language lang) const {
  const LangIndex& idx = index(lang);
  Scan scan(text, lang);
  std::vector<FoundMatch> found = scan.run(idx, serial_);
  std::vector<Match> out;
  out.reserve(found.size());
  // Matches come in text order of their first word, so one cursor turns their starts into
  // code points; each end is counted on from its start.
  CodePointCursor cursor(text);
  for (const FoundMatch& f : found) {
    const Phrase& p = idx.phrases[f.phrase];
    const std::size_t begin = scan.words()[f.first_word].begin;
    const std::size_t end = scan.words()[f.last_word].end;
    const std::size_t cp_begin = cursor.at(begin);
    out.push_back({p.theme,
                   p.indicator,
                   {cp_begin, cp_begin + code_points_between(text, begin, end)},
                   f.negated});
  }
  return out;
}

std::vector<Suggestion> Suggester::suggest(std::string_view text, Language lang) const {
  return suggest(text, lang, segment(text));
}

std::vector<Suggestion> Suggester::suggest(std::string_view text, Language lang,
                                           const std::vector<Segment>& segments) const {
  std::vector<Suggestion> out;
  if (segments.empty() || index(lang).phrases.empty()) return out;
  std::vector<Match> matches = find_matches(text, lang);
  if (matches.empty()) return out;
  // For each segment: the matches wholly inside it, grouped by theme (stable, so text
  // order is kept within a theme). Reused across segments to avoid allocating per segment.
  std::vector<const Match*> inside;
  for (const Segment& seg : segments) {
    inside.clear();
    auto first = std::lower_bound(matches.begin(), matches.end(), seg.span.start,
                                  [](const Match& m, std::size_t s) { return m.span.start < s; });
    for (auto it = first; it != matches.end() && it->span.start < seg.span.end; ++it)
      if (it->span.end <= seg.span.end) inside.push_back(&*it);
    if (inside.empty()) continue;
    insertion_sort(inside.begin(), inside.end(),
                   [](const Match* a, const Match* b) { return a->theme < b->theme; });
    std::size_t segment_first = out.size();
    for (std::size_t g = 0; g < inside.size();) {
      std::size_t end = g;
      double weight = 0;
      while (end < inside.size() && inside[end]->theme == inside[g]->theme) {
        const Match* m = inside[end];
        // Each distinct un-negated indicator counts once.
        bool counted_before = false;
        for (std::size_t k = g; k < end && !counted_before; ++k)
          counted_before = !inside[k]->negated && inside[k]->indicator == m->indicator;
        if (!m->negated && !counted_before) weight += themes_[m->theme].weights[m->indicator];
        ++end;
      }
      if (weight > 0) {
        const ThemeInfo& theme = themes_[inside[g]->theme];
        Suggestion s;
        s.theme_id = theme.id;
        s.kind = seg.kind;
        s.span = seg.span;
        s.score = 1.0 - std::exp2(-weight);
        s.evidence.reserve(end - g);
        for (std::size_t k = g; k < end; ++k)
          s.evidence.push_back(
              {theme.phrases[inside[k]->indicator], inside[k]->span, inside[k]->negated});
        out.push_back(std::move(s));
      }
      g = end;
    }
    insertion_sort(out.begin() + static_cast<std::ptrdiff_t>(segment_first), out.end(),
                   [](const Suggestion& a, const Suggestion& b) { return a.score > b.score; });
  }
  return out;
}

}  // namespace sgwrs::analysis
