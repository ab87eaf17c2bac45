#include "analysis/import/headings.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>
#include <vector>

#include "domain/core/utf8.hpp"
#include "domain/core/validation.hpp"

namespace sgwrs::analysis {

namespace {

// Longer lines are text, however they start: headings are short.
constexpr std::size_t kMaxHeadingCodePoints = 120;
constexpr std::size_t kMaxHeadingWords = 14;

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trim_view(std::string_view s) {
  // Also a no-break space (C2 A0), which Word puts around headings.
  for (;;) {
    if (!s.empty() && is_blank(s.front())) {
      s.remove_prefix(1);
    } else if (s.starts_with("\xC2\xA0")) {
      s.remove_prefix(2);
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && is_blank(s.back())) {
      s.remove_suffix(1);
    } else if (s.ends_with("\xC2\xA0")) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Strips list numbering and heading markers from the front: "#", "**", "1.", "2)", "(3)",
// "Q4:", "a)", "iv.", "Section 2 -", "-", "•". Returns the rest.
std::string_view strip_leading_markers(std::string_view s) {
  for (;;) {
    const std::string_view before = s;
    s = trim_view(s);
    while (!s.empty() && (s.front() == '#' || s.front() == '*' || s.front() == '_' ||
                          s.front() == '>' || s.front() == '"' || s.front() == '('))
      s.remove_prefix(1);
    if (s.starts_with("\xE2\x80\xA2")) s.remove_prefix(3);  // bullet
    if (s.starts_with("- ")) s.remove_prefix(2);
    // A word that introduces a number: "Q1", "Question 1", "Section 2", "Part 3", Welsh too.
    for (std::string_view word :
         {"question", "cwestiwn", "section", "adran", "part", "rhan", "heading", "pennawd", "q"}) {
      if (s.size() > word.size()) {
        bool same = true;
        for (std::size_t k = 0; k < word.size() && same; ++k) same = (s[k] | 0x20) == word[k];
        std::size_t n = word.size();
        while (same && n < s.size() && s[n] == ' ') ++n;
        if (same && n < s.size() && is_digit(s[n])) {
          s.remove_prefix(n);
          break;
        }
      }
    }
    // The number or letter itself, which must be followed by punctuation or a space.
    std::size_t n = 0;
    while (n < s.size() &&
           (is_digit(s[n]) || (n > 0 && s[n] == '.' && n + 1 < s.size() && is_digit(s[n + 1]))))
      ++n;
    bool numbered = n > 0;
    if (!numbered) {
      // one letter or a small roman numeral, then ")" or "."
      for (std::string_view roman : {"iii", "ii", "iv", "i", "v"}) {
        bool same = s.size() > roman.size();
        for (std::size_t k = 0; k < roman.size() && same; ++k) same = (s[k] | 0x20) == roman[k];
        if (same && (s[roman.size()] == ')' || s[roman.size()] == '.')) {
          n = roman.size();
          break;
        }
      }
      if (n == 0 && s.size() > 2 && ((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z') &&
          (s[1] == ')' || s[1] == '.') && s[2] == ' ')
        n = 1;
      numbered = n > 0;
    }
    if (numbered) {
      std::string_view rest = s.substr(n);
      const std::size_t punct = rest.find_first_not_of(".):- ");
      std::string_view after =
          punct == std::string_view::npos ? std::string_view{} : rest.substr(punct);
      // En and em dashes after a number: "1 – What works well".
      after = trim_view(after);
      while (after.starts_with("\xE2\x80\x93") || after.starts_with("\xE2\x80\x94"))
        after = trim_view(after.substr(3));
      if (after.size() < rest.size() && !after.empty()) s = after;
    }
    if (s == before) return s;
  }
}

std::string_view strip_trailing_markers(std::string_view s) {
  for (;;) {
    s = trim_view(s);
    if (!s.empty() && std::string_view("?:.!*_#\"-").find(s.back()) != std::string_view::npos) {
      s.remove_suffix(1);
    } else if (s.ends_with("\xEF\xBC\x9F") || s.ends_with("\xEF\xBC\x9A")) {  // full-width ? :
      s.remove_suffix(3);
    } else {
      return s;
    }
  }
}

// Folds a heading to a comparable key: case-folded, apostrophes resolved ("what's" ->
// "what is", Welsh "sy'n" -> "sydd yn", "gweithio'n" -> "gweithio yn", "isn't" -> "is
// not"), punctuation to spaces, "&" to "and", single spaces.
std::string heading_key(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.foldCase();
  std::string folded;
  u.toUTF8String(folded);

  // Apostrophes of every kind to ASCII first.
  std::string s;
  for (std::size_t i = 0; i < folded.size();) {
    const char32_t cp = next_code_point(folded, i);
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == '`' || cp == 0xB4) {
      s += '\'';
    } else {
      append_utf8(s, cp);
    }
  }
  std::string words;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool word_end = i + 2 >= s.size() || !std::isalnum(static_cast<unsigned char>(s[i + 2]));
    if (c == '\'' && i + 1 < s.size() && s[i + 1] == 'n' && word_end) {
      words += " yn";
      ++i;
    } else if (c == '\'' && i + 1 < s.size() && s[i + 1] == 's' && word_end) {
      words += " is";
      ++i;
    } else if (c == 'n' && i + 2 < s.size() && s[i + 1] == '\'' && s[i + 2] == 't') {
      words += " not";
      i += 2;
    } else if (c == '\'') {
      // other apostrophes ("leaders'") carry no meaning here
    } else if (c == '&') {
      words += " and ";
    } else if (static_cast<unsigned char>(c) < 0x80 &&
               !std::isalnum(static_cast<unsigned char>(c))) {
      words += ' ';
    } else {
      words += c;
    }
  }
  std::string key;
  std::size_t start = 0;
  while (start < words.size()) {
    while (start < words.size() && words[start] == ' ') ++start;
    std::size_t end = start;
    while (end < words.size() && words[end] != ' ') ++end;
    if (end > start) {
      std::string_view word(words.data() + start, end - start);
      if (word == "sy") word = "sydd";  // sy'n and sydd yn are the same words
      if (!key.empty()) key += ' ';
      key += word;
    }
    start = end;
  }
  return key;
}

struct Variant {
  Heading heading;
  std::string_view text;
};

// As practitioners write them; compared through heading_key, so case, apostrophes and
// "sy'n"/"sydd yn" need no separate entries. Heading::other entries are headings that
// are common in reports but none of the four.
constexpr std::array kVariants = {
    Variant{Heading::working_well, "What is working well"},
    Variant{Heading::working_well, "What's working"},
    Variant{Heading::working_well, "Working well"},
    Variant{Heading::working_well, "What works well"},
    Variant{Heading::working_well, "What is going well"},
    Variant{Heading::working_well, "Going well"},
    Variant{Heading::working_well, "What went well"},
    Variant{Heading::working_well, "What has worked well"},
    Variant{Heading::working_well, "What has been working well"},
    Variant{Heading::working_well, "What is working well for us"},
    Variant{Heading::working_well, "Beth sy'n gweithio'n dda"},
    Variant{Heading::working_well, "Beth sy'n gweithio"},
    Variant{Heading::working_well, "Beth sy'n mynd yn dda"},
    Variant{Heading::working_well, "Beth sydd wedi gweithio'n dda"},
    Variant{Heading::working_well, "Beth weithiodd yn dda"},
    Variant{Heading::working_well, "Gweithio'n dda"},
    Variant{Heading::working_well, "Yn gweithio'n dda"},

    Variant{Heading::getting_in_the_way, "What gets in the way"},
    Variant{Heading::getting_in_the_way, "What is getting in the way"},
    Variant{Heading::getting_in_the_way, "What got in the way"},
    Variant{Heading::getting_in_the_way, "What gets in our way"},
    Variant{Heading::getting_in_the_way, "Getting in the way"},
    Variant{Heading::getting_in_the_way, "What isn't working well"},
    Variant{Heading::getting_in_the_way, "What isn't working"},
    Variant{Heading::getting_in_the_way, "What is not working well"},
    Variant{Heading::getting_in_the_way, "What doesn't work well"},
    Variant{Heading::getting_in_the_way, "Barriers"},
    Variant{Heading::getting_in_the_way, "Challenges"},
    Variant{Heading::getting_in_the_way, "Barriers and challenges"},
    Variant{Heading::getting_in_the_way, "Challenges and barriers"},
    Variant{Heading::getting_in_the_way, "What are the barriers"},
    Variant{Heading::getting_in_the_way, "What are the challenges"},
    Variant{Heading::getting_in_the_way, "Beth sy'n rhwystro"},
    Variant{Heading::getting_in_the_way, "Beth sy'n ein rhwystro"},
    Variant{Heading::getting_in_the_way, "Beth sy'n mynd yn y ffordd"},
    Variant{Heading::getting_in_the_way, "Beth sy'n sefyll yn y ffordd"},
    Variant{Heading::getting_in_the_way, "Beth sydd ddim yn gweithio'n dda"},
    Variant{Heading::getting_in_the_way, "Rhwystrau"},
    Variant{Heading::getting_in_the_way, "Heriau"},
    Variant{Heading::getting_in_the_way, "Rhwystrau a heriau"},
    Variant{Heading::getting_in_the_way, "Heriau a rhwystrau"},

    Variant{Heading::make_a_difference, "What would make a difference"},
    Variant{Heading::make_a_difference, "What would make the difference"},
    Variant{Heading::make_a_difference, "What could make a difference"},
    Variant{Heading::make_a_difference, "What will make a difference"},
    Variant{Heading::make_a_difference, "What would make a bigger difference"},
    Variant{Heading::make_a_difference, "What would help"},
    Variant{Heading::make_a_difference, "What could help"},
    Variant{Heading::make_a_difference, "What would help us"},
    Variant{Heading::make_a_difference, "Making a difference"},
    Variant{Heading::make_a_difference, "Beth fyddai'n gwneud gwahaniaeth"},
    Variant{Heading::make_a_difference, "Beth fyddai'n gwneud y gwahaniaeth"},
    Variant{Heading::make_a_difference, "Beth a fyddai'n gwneud gwahaniaeth"},
    Variant{Heading::make_a_difference, "Beth allai wneud gwahaniaeth"},
    Variant{Heading::make_a_difference, "Beth fyddai'n helpu"},
    Variant{Heading::make_a_difference, "Beth allai helpu"},
    Variant{Heading::make_a_difference, "Gwneud gwahaniaeth"},

    Variant{Heading::leaders_understand, "What leaders need to understand"},
    Variant{Heading::leaders_understand, "What do leaders need to understand"},
    Variant{Heading::leaders_understand, "What leaders need to know"},
    Variant{Heading::leaders_understand, "What do leaders need to know"},
    Variant{Heading::leaders_understand, "What senior leaders need to understand"},
    Variant{Heading::leaders_understand, "What managers and leaders need to understand"},
    Variant{Heading::leaders_understand, "What we want leaders to understand"},
    Variant{Heading::leaders_understand, "What we need leaders to understand"},
    Variant{Heading::leaders_understand, "Messages for leaders"},
    Variant{Heading::leaders_understand, "Message for leaders"},
    Variant{Heading::leaders_understand, "Messages to leaders"},
    Variant{Heading::leaders_understand, "Key messages for leaders"},
    Variant{Heading::leaders_understand, "For leaders"},
    Variant{Heading::leaders_understand, "Beth mae angen i arweinwyr ei ddeall"},
    Variant{Heading::leaders_understand, "Beth sydd angen i arweinwyr ei ddeall"},
    Variant{Heading::leaders_understand, "Beth mae angen i arweinwyr ei wybod"},
    Variant{Heading::leaders_understand, "Beth sydd angen i arweinwyr ei wybod"},
    Variant{Heading::leaders_understand, "Beth ddylai arweinwyr ei ddeall"},
    Variant{Heading::leaders_understand, "Negeseuon i arweinwyr"},
    Variant{Heading::leaders_understand, "Negeseuon ar gyfer arweinwyr"},
    Variant{Heading::leaders_understand, "Neges i arweinwyr"},

    Variant{Heading::other, "Introduction"},
    Variant{Heading::other, "Background"},
    Variant{Heading::other, "Context"},
    Variant{Heading::other, "Summary"},
    Variant{Heading::other, "Attendees"},
    Variant{Heading::other, "Present"},
    Variant{Heading::other, "Next steps"},
    Variant{Heading::other, "Actions"},
    Variant{Heading::other, "Notes"},
    Variant{Heading::other, "Other comments"},
    Variant{Heading::other, "Any other comments"},
    Variant{Heading::other, "Anything else"},
    Variant{Heading::other, "Cyflwyniad"},
    Variant{Heading::other, "Cefndir"},
    Variant{Heading::other, "Crynodeb"},
    Variant{Heading::other, "Yn bresennol"},
    Variant{Heading::other, "Camau nesaf"},
    Variant{Heading::other, "Sylwadau eraill"},
    Variant{Heading::other, "Unrhyw sylwadau eraill"},
};

// Built once, never changed: the keys of the table above.
const std::vector<std::pair<std::string, Heading>>& variant_keys() {
  static const std::vector<std::pair<std::string, Heading>> keys = [] {
    std::vector<std::pair<std::string, Heading>> out;
    for (const Variant& v : kVariants) out.emplace_back(heading_key(v.text), v.heading);
    return out;
  }();
  return keys;
}

std::optional<Heading> lookup(std::string_view part) {
  const std::string key = heading_key(strip_trailing_markers(strip_leading_markers(part)));
  if (key.empty()) return std::nullopt;
  for (const auto& [variant, heading] : variant_keys())
    if (variant == key) return heading;
  return std::nullopt;
}

std::size_t word_count(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool blank = is_blank(c);
    if (!blank && !in_word) ++words;
    in_word = !blank;
  }
  return words;
}

// "NEXT STEPS", "ATTENDEES": at least four letters and none of them lower case.
bool all_capitals(std::string_view s) {
  std::size_t letters = 0;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = next_code_point(s, i);
    if (u_isalpha(static_cast<UChar32>(cp))) {
      if (u_isULowercase(static_cast<UChar32>(cp))) return false;
      ++letters;
    }
  }
  return letters >= 4;
}

}  // namespace

std::optional<Heading> classify_heading_line(std::string_view line) {
  line = trim_view(line);
  if (line.empty() || line.size() > 4 * kMaxHeadingCodePoints) return std::nullopt;
  if (code_point_count(line) > kMaxHeadingCodePoints || word_count(line) > kMaxHeadingWords)
    return std::nullopt;

  // A bilingual heading: every part that names a heading must name the same one.
  std::optional<Heading> found;
  bool all_parts_match = true;
  std::size_t start = 0;
  while (start <= line.size()) {
    std::size_t end = line.find_first_of("/|", start);
    if (end == std::string_view::npos) end = line.size();
    const std::optional<Heading> part = lookup(line.substr(start, end - start));
    if (!part || (found && *found != *part)) {
      all_parts_match = false;
    } else {
      found = part;
    }
    start = end + 1;
  }
  if (found && all_parts_match) return found;
  if (auto whole = lookup(line)) return whole;

  // Not one we know, but written as a heading: a Markdown "#" line in a text file, or a
  // short line in capitals.
  if (word_count(line) <= 8 &&
      ((line.starts_with("#") && line.find_first_not_of('#') != std::string_view::npos &&
        line[line.find_first_not_of('#')] == ' ') ||
       all_capitals(line)))
    return Heading::other;
  return std::nullopt;
}

ParsedReport split_headings(std::string text) {
  ParsedReport report;
  struct Open {
    Heading heading;
    std::string heading_text;
    std::size_t byte_start;
    std::size_t cp_start;
  };
  std::vector<Section> sections;
  const std::string_view all(text);

  // A body's span: [byte_start, byte_end) trimmed of whitespace (ASCII, so one byte is
  // one code point), in code points.
  auto make_section = [&](Open& open, std::size_t byte_end) {
    std::size_t b = open.byte_start, e = byte_end;
    std::size_t cp = open.cp_start;
    while (b < e && is_blank(all[b])) ++b, ++cp;
    while (e > b && is_blank(all[e - 1])) --e;
    Section s;
    s.heading = open.heading;
    s.heading_text = std::move(open.heading_text);
    s.body = Span{cp, cp + code_point_count(all.substr(b, e - b))};
    return s;
  };

  Open current{Heading::other, "", 0, 0};
  std::size_t byte = 0, cp = 0;
  while (byte < all.size()) {
    std::size_t line_end = all.find('\n', byte);
    if (line_end == std::string_view::npos) line_end = all.size();
    const std::string_view line = all.substr(byte, line_end - byte);
    const std::size_t line_cps = code_point_count(line);
    const std::size_t next_byte = std::min(line_end + 1, all.size());
    const std::size_t next_cp = cp + line_cps + (line_end < all.size() ? 1 : 0);
    if (const auto heading = classify_heading_line(line)) {
      Section done = make_section(current, byte);
      // Text before the first heading is kept only when there is some.
      if (!(done.heading_text.empty() && done.body.start == done.body.end))
        sections.push_back(std::move(done));
      current = Open{*heading, std::string(trim_view(line)), next_byte, next_cp};
    }
    byte = next_byte;
    cp = next_cp;
    if (line_end == all.size()) break;
  }
  Section last = make_section(current, all.size());
  if (!(last.heading_text.empty() && last.body.start == last.body.end))
    sections.push_back(std::move(last));

  report.sections = std::move(sections);
  report.text = std::move(text);
  if (!has_recognised_heading(report)) {
    report.sections.clear();
    const std::string_view t(report.text);
    std::size_t b = 0, c = 0;
    while (b < t.size() && is_blank(t[b])) ++b, ++c;
    std::size_t e = t.size();
    while (e > b && is_blank(t[e - 1])) --e;
    if (e > b)
      report.sections.push_back(
          Section{Heading::other, "", Span{c, c + code_point_count(t.substr(b, e - b))}});
  }
  return report;
}

bool has_recognised_heading(const ParsedReport& report) {
  for (const Section& s : report.sections)
    if (s.heading != Heading::other) return true;
  return false;
}

}  // namespace sgwrs::analysis
