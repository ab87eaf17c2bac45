#pragma once
// ICU break iterators cost tens of microseconds to create, more than breaking a whole
// report, so each thread keeps one of each and points it at new text. They are caches
// private to this library (never shared across threads, never visible to callers), which
// is why they are thread_local rather than passed around.
#include <string_view>

#include <unicode/brkiter.h>

namespace sgwrs::analysis::detail {

// The thread's word / sentence iterator (root locale), set to `utf8` read in place: the
// iterator's offsets are byte offsets into `utf8`, which must outlive its use.
icu::BreakIterator& word_iterator_over(std::string_view utf8);
icu::BreakIterator& sentence_iterator_over(std::string_view utf8);

}  // namespace sgwrs::analysis::detail
