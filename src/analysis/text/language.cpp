#include "analysis/text/language.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

namespace sgwrs::analysis {
namespace {

// Frequent function words that are unambiguous between the two languages, sorted for
// binary search. Short and closed-class, so a few sentences are enough to decide.
constexpr std::array<std::string_view, 43> kWelsh = {
    "ac",   "ar",   "bod",  "cael", "chi",  "ddim",  "dros", "dydy", "ei",    "eich",  "ein",
    "eu",   "fel",  "gan",  "gyda", "heb",  "hefyd", "hwn",  "hyn",  "hynny", "mae",   "maen",
    "mewn", "nad",  "nhw",  "nid",  "oedd", "ond",   "os",   "pan",  "pobl",  "roedd", "rydyn",
    "sy",   "sydd", "trwy", "wedi", "y",    "ydy",   "ydyn", "yn",   "yng",   "yr"};
constexpr std::array<std::string_view, 40> kEnglish = {
    "about",  "and",  "are",  "because", "but",   "can",  "for",  "from",  "had", "has",
    "have",   "is",   "it",   "its",     "more",  "not",  "of",   "on",    "or",  "our",
    "should", "that", "the",  "their",   "there", "they", "this", "to",    "was", "we",
    "were",   "what", "when", "which",   "who",   "will", "with", "would", "you", "your"};

// Words of up to 8 ASCII letters packed into an integer (first letter in the high byte), so
// that looking one up is a binary search over integers rather than over strings.
constexpr std::uint64_t pack(std::string_view w) {
  std::uint64_t v = 0;
  for (char c : w) v = (v << 8) | static_cast<unsigned char>(c);
  return v;
}

template <std::size_t N>
constexpr std::array<std::uint64_t, N> packed_sorted(const std::array<std::string_view, N>& words) {
  std::array<std::uint64_t, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = pack(words[i]);
  std::sort(out.begin(), out.end());
  return out;
}

constexpr auto kWelshPacked = packed_sorted(kWelsh);
constexpr auto kEnglishPacked = packed_sorted(kEnglish);

// For each first letter, the lengths (bit n for n letters) of the listed words starting with
// it: most words of a report are ruled out by one load before any search.
template <std::size_t N>
constexpr void add_lengths(std::array<std::uint16_t, 26>& out,
                           const std::array<std::string_view, N>& words) {
  for (std::string_view w : words)
    out[static_cast<std::size_t>(w[0] - 'a')] |= static_cast<std::uint16_t>(1u << w.size());
}

constexpr std::array<std::uint16_t, 26> kLengthsByFirstLetter = [] {
  std::array<std::uint16_t, 26> out{};
  add_lengths(out, kWelsh);
  add_lengths(out, kEnglish);
  return out;
}();

}  // namespace

Language detect_language(std::string_view text) {
  // ASCII letters make up every word in both lists, so a byte scan is enough: a word is a
  // run of ASCII letters, lower-cased and packed as it is read; longer runs cannot match.
  std::size_t welsh = 0, english = 0;
  std::uint64_t word = 0;
  std::size_t len = 0;
  bool no_match = false;
  // Ends a word; true once a clear lead settles it (no need to read a long report to the end).
  auto finish = [&] {
    // Without no_match, the word is 1 to 8 lower-case ASCII letters, the first in the top byte.
    if (len > 0 && !no_match &&
        (kLengthsByFirstLetter[((word >> (8 * (len - 1))) & 0xFF) - 'a'] >> len & 1u)) {
      if (std::binary_search(kWelshPacked.begin(), kWelshPacked.end(), word))
        ++welsh;
      else if (std::binary_search(kEnglishPacked.begin(), kEnglishPacked.end(), word))
        ++english;
    }
    word = 0;
    len = 0;
    no_match = false;
    return welsh + english >= 40 && (welsh > english + 20 || english > welsh + 20);
  };
  for (char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      if (++len <= 8)
        word = (word << 8) | static_cast<unsigned char>(c | 0x20);
      else
        no_match = true;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      // A non-ASCII letter (ŵ, ŷ, â…) joins the word and makes it match neither list.
      no_match = true;
      ++len;
    } else if (len > 0 && finish()) {
      break;
    }
  }
  finish();
  return welsh > english ? Language::cy : Language::en;
}

}  // namespace sgwrs::analysis
