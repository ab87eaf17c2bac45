#pragma once
// Splitting a report's text into the units that are coded and compared: paragraphs, and
// the sentences inside them.
#include <string_view>
#include <vector>

#include "analysis/model.hpp"

namespace sgwrs::analysis {

// The paragraphs of text[within] (code points) and the sentences inside each, in reading
// order: each paragraph is followed by its sentences (so a one-sentence paragraph yields a
// paragraph and a sentence with the same span). Spans are code points into `text`, trimmed
// of surrounding whitespace; segments with no letter or digit are left out.
//
// Paragraphs: a blank line ends one; so does a line break after a line that ends a sentence
// (. ! ? : ; possibly followed by a closing quote or bracket), or before a line that starts
// with a capital letter or any non-letter. A line that starts in lower case after a line
// that does not end a sentence continues the paragraph: that is how hard-wrapped text (PDF,
// e-mail) reads. Bullet lines ("- ", "* ", "• ", "– ", "1. ", "2) ") always start a
// paragraph, and the marker is not part of it.
//
// Sentences: the ICU sentence break rules, with line breaks inside a paragraph read as
// spaces.
std::vector<Segment> segment(std::string_view text, Span within);

// The same over the whole text.
std::vector<Segment> segment(std::string_view text);

}  // namespace sgwrs::analysis
