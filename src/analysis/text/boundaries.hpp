#pragma once
// Word and sentence boundaries. ICU's rule-based break iterators define them; for text
// written only in the characters of break_classes.hpp (nearly every report) a hand-written
// pass over a class table finds the same boundaries several times faster, and anything else
// goes to ICU. Both passes are exposed so tests can hold the fast one to ICU's answers.
#include <cstddef>
#include <string_view>
#include <vector>

namespace sgwrs::analysis::detail {

struct ByteSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const ByteSpan&, const ByteSpan&) = default;
};

// Replaces `out` with the byte ranges of the words of `text`: the pieces ICU's word break
// rules (root locale) give a letter status (UBRK_WORD_LETTER and above). Numbers, spaces
// and punctuation are not words.
void word_spans(std::string_view text, std::vector<ByteSpan>& out);
// Replaces `out` with the byte offsets where ICU's sentence break rules (root locale) end a
// sentence of `text`: increasing, the last one text.size() (nothing for empty text).
void sentence_ends(std::string_view text, std::vector<std::size_t>& out);

// The two passes on their own. The fast ones return false, leaving `out` unspecified, when
// `text` holds a character they do not model.
bool fast_word_spans(std::string_view text, std::vector<ByteSpan>& out);
void icu_word_spans(std::string_view text, std::vector<ByteSpan>& out);
bool fast_sentence_ends(std::string_view text, std::vector<std::size_t>& out);
void icu_sentence_ends(std::string_view text, std::vector<std::size_t>& out);

}  // namespace sgwrs::analysis::detail
