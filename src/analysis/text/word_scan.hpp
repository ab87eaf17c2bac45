#pragma once
// The word scan under tokenise and the Suggester, without allocating per word: byte and
// code-point ranges of each word, what punctuation separates it from the word before, and
// folding and stemming into reused buffers.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sgwrs::analysis::detail {

// What lies between a word and the one before it. Phrases do not run across a sentence
// gap; negation does not reach across a clause or sentence gap.
enum class Gap : std::uint8_t { none, clause, sentence };

struct ScannedWord {
  std::size_t byte_begin = 0;
  std::size_t byte_end = 0;
  std::size_t cp_begin = 0;
  std::size_t cp_end = 0;
  Gap gap_before = Gap::sentence;
};

// What separates two words, given the text between them.
Gap gap_between(std::string_view between);

// Replaces `out` with the words of `text`.
void scan_words(std::string_view text, std::vector<ScannedWord>& out);

// Case-folds `word` into `out` (replacing it), unifying apostrophes. ASCII takes a fast
// path; anything else goes through ICU.
void fold_into(std::string_view word, std::string& out);

// The English stem of a folded word, from a per-thread cache in front of libstemmer
// (report vocabularies are small and repetitive, so nearly every lookup hits). The
// reference is valid until the next call on this thread.
const std::string& cached_english_stem(std::string_view folded);

}  // namespace sgwrs::analysis::detail
