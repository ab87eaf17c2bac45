#pragma once
// The shapes the analysis layer passes around: follow-up reports split under their
// headings, passages, codings and suggestions. All offsets are Unicode code points into
// the report's NFC-normalised plain text, half-open [start, end).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/analysis/vocabulary.hpp"

namespace sgwrs::analysis {

// The four headings practitioners write under, and "other" for text under none of them.
enum class Heading {
  working_well,
  getting_in_the_way,
  make_a_difference,
  leaders_understand,
  other
};

// Stable ids, used in storage, URLs, exports and catalogue keys ("heading.<id>").
inline constexpr std::string_view heading_id(Heading h) {
  switch (h) {
    case Heading::working_well:
      return "working-well";
    case Heading::getting_in_the_way:
      return "getting-in-the-way";
    case Heading::make_a_difference:
      return "make-a-difference";
    case Heading::leaders_understand:
      return "leaders-understand";
    case Heading::other:
      break;
  }
  return "other";
}

inline std::optional<Heading> parse_heading_id(std::string_view id) {
  for (Heading h : {Heading::working_well, Heading::getting_in_the_way, Heading::make_a_difference,
                    Heading::leaders_understand, Heading::other})
    if (heading_id(h) == id) return h;
  return std::nullopt;
}

struct Span {
  std::size_t start = 0;  // code points
  std::size_t end = 0;    // code points, exclusive
  bool operator==(const Span&) const = default;
};

// One run of text under one heading. The heading line itself is not part of the body.
struct Section {
  Heading heading = Heading::other;
  std::string heading_text;  // as written ("What's working well?"), empty for leading text
  Span body;
};

// A report as read from a file: its exact text and where each heading's text lies.
struct ParsedReport {
  std::string text;  // NFC, line breaks normalised to \n
  std::vector<Section> sections;
};

// The units that are coded and compared (the enum is the domain's, stored as its id).
using sgwrs::SegmentKind;
struct Segment {
  SegmentKind kind = SegmentKind::sentence;
  Span span;
};

}  // namespace sgwrs::analysis
