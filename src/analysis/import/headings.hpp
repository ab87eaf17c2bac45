#pragma once
// Splitting a report under the four headings practitioners write under.
#include <optional>
#include <string>
#include <string_view>

#include "analysis/model.hpp"

namespace sgwrs::analysis {

// What a line says when it is a heading: one of the four, Heading::other for a line that
// is plainly a heading but not one of them ("Introduction", "# Attendees", "NEXT STEPS"),
// or nullopt for ordinary text. Case-insensitive; numbering ("1.", "2)", "Q3:"), "#",
// emphasis markers, trailing "?" ":" "." and straight or curly apostrophes are ignored;
// English and Welsh; a bilingual line "What is working well / Beth sy'n gweithio'n dda"
// counts when its halves agree.
std::optional<Heading> classify_heading_line(std::string_view line);

// Sections in order. A heading is a short line on its own; text before the first heading
// or under an unrecognised heading is Heading::other (with empty heading_text before the
// first one). Bodies exclude the heading line and are trimmed of surrounding whitespace;
// an empty body is an empty span where it would start. A report with none of the four
// headings is one "other" section over the whole (trimmed) text; text that is only
// whitespace has no sections. Offsets are code points into `text`, which is kept as given
// (expected NFC with \n line ends, as extract_text returns it).
ParsedReport split_headings(std::string text);

// True when at least one section is under one of the four headings (callers warn
// "no_headings" otherwise).
bool has_recognised_heading(const ParsedReport& report);

}  // namespace sgwrs::analysis
