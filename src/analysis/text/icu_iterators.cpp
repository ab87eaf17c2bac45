#include "analysis/text/icu_iterators.hpp"

#include <memory>
#include <stdexcept>
#include <string>

#include <unicode/utext.h>

namespace sgwrs::analysis::detail {
namespace {

std::unique_ptr<icu::BreakIterator> make(bool words) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      words ? icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status)
            : icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  // Only a broken ICU installation (missing break rules) gets here.
  if (U_FAILURE(status) || !it)
    throw std::runtime_error(std::string("ICU break iterator unavailable: ") + u_errorName(status));
  return it;
}

icu::BreakIterator& point_at(icu::BreakIterator& it, std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  UText text = UTEXT_INITIALIZER;
  utext_openUTF8(&text, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  // setText makes its own shallow clone of the UText, so ours can be closed at once.
  it.setText(&text, status);
  utext_close(&text);
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU could not read the text: ") + u_errorName(status));
  return it;
}

}  // namespace

icu::BreakIterator& word_iterator_over(std::string_view utf8) {
  thread_local std::unique_ptr<icu::BreakIterator> it = make(true);
  return point_at(*it, utf8);
}

icu::BreakIterator& sentence_iterator_over(std::string_view utf8) {
  thread_local std::unique_ptr<icu::BreakIterator> it = make(false);
  return point_at(*it, utf8);
}

}  // namespace sgwrs::analysis::detail
