#include "analysis/text/boundaries.hpp"

#include <unicode/brkiter.h>

#include "analysis/text/break_classes.hpp"
#include "analysis/text/icu_iterators.hpp"
#include "domain/core/utf8.hpp"

namespace sgwrs::analysis::detail {
namespace {

// ICU's words of text[from, to), appended with offsets into `text`.
void append_icu_words(std::string_view text, std::size_t from, std::size_t to,
                      std::vector<ByteSpan>& out) {
  icu::BreakIterator& words = word_iterator_over(text.substr(from, to - from));
  int32_t start = words.first();
  for (int32_t stop = words.next(); stop != icu::BreakIterator::DONE;
       start = stop, stop = words.next()) {
    // Letters (and kana/ideographs) only: numbers, spaces and punctuation are not words.
    if (words.getRuleStatus() < UBRK_WORD_LETTER) continue;
    out.push_back({from + static_cast<std::size_t>(start), from + static_cast<std::size_t>(stop)});
  }
}

bool joins_letters(WordClass c) {
  return c == WordClass::mid_letter || c == WordClass::mid_num_letter;
}

bool is_ascii_letter(char c) {
  return static_cast<unsigned char>((c | 0x20) - 'a') < 26;
}

bool in_run(WordClass c) {
  return c != WordClass::other && c != WordClass::unhandled;
}

}  // namespace

// One pass: runs of characters that may join one another (letters, digits and the marks
// between them) are split into words as they are read; what surrounds a run always breaks.
bool fast_word_spans(std::string_view text, std::vector<ByteSpan>& out) {
  out.clear();
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    ClassifiedChar ch = classify_at(text, i);
    if (ch.classes.word == WordClass::unhandled) return false;
    if (!in_run(ch.classes.word)) {
      i += ch.length;
      continue;
    }
    // The common case first: ASCII letters followed by a space or punctuation that breaks.
    if (ch.classes.word == WordClass::letter) {
      std::size_t end = i + ch.length;
      while (end < n && is_ascii_letter(text[end])) ++end;
      const auto after = end < n ? static_cast<unsigned char>(text[end]) : 0;
      if (end == n || (after < 0x80 && kAsciiClasses[after].word == WordClass::other)) {
        out.push_back({i, end});
        i = end;
        continue;
      }
    }
    const std::size_t run_begin = i, words_before = out.size();
    bool to_icu = false, in_word = false, letters = false, digits = false;
    std::size_t word_begin = 0, mark_at = 0;  // mark_at: a joining mark after letters, or 0
    while (i < n) {
      ch = classify_at(text, i);
      const WordClass c = ch.classes.word;
      if (c == WordClass::unhandled) return false;
      if (!in_run(c)) break;
      std::size_t next = i + ch.length;
      if (to_icu) {
        i = next;
        continue;
      }
      // Letters mixed with digits or "_" ("10am", "W06000015", "file_name") follow rules
      // whose word/number status is ICU's to decide ("10am" is a word, "W06000015" a
      // number); such runs are short and rare. Digits alone are never words.
      if (c == WordClass::extend_num_let || (c == WordClass::letter && digits) ||
          (c == WordClass::digit && letters)) {
        to_icu = true;
      } else if (c == WordClass::letter) {  // WB5, and WB6-7 across a pending mark
        if (!in_word) word_begin = i;
        in_word = letters = true;
        mark_at = 0;
        while (next < n && is_ascii_letter(text[next])) ++next;  // most of a word at once
      } else if (c == WordClass::digit) {
        digits = true;
      } else if (in_word && !mark_at && joins_letters(c)) {
        mark_at = i;
      } else {  // a mark that does not join: the word (if any) ends before it
        if (in_word) out.push_back({word_begin, mark_at ? mark_at : i});
        in_word = false;
        mark_at = 0;
      }
      i = next;
    }
    if (to_icu) {
      out.resize(words_before);
      append_icu_words(text, run_begin, i, out);
    } else if (in_word) {
      out.push_back({word_begin, mark_at ? mark_at : i});
    }
  }
  return true;
}

void icu_word_spans(std::string_view text, std::vector<ByteSpan>& out) {
  out.clear();
  append_icu_words(text, 0, text.size(), out);
}

void word_spans(std::string_view text, std::vector<ByteSpan>& out) {
  if (!fast_word_spans(text, out)) icu_word_spans(text, out);
}

namespace {

bool is_terminator(SentenceClass c) {
  return c == SentenceClass::a_term || c == SentenceClass::s_term;
}

bool ends_or_separates(SentenceClass c) {
  return is_terminator(c) || c == SentenceClass::separator;
}

// Classes that end SB8's look-ahead for a lower-case letter.
bool stops_lower_look_ahead(SentenceClass c) {
  return c == SentenceClass::other_letter || c == SentenceClass::upper ||
         c == SentenceClass::lower || c == SentenceClass::separator || is_terminator(c);
}

}  // namespace

// UAX #29 sentence rules SB3–SB11 over a text with no Extend or Format characters (so SB5
// has nothing to skip), in one forward pass.
bool fast_sentence_ends(std::string_view text, std::vector<std::size_t>& out) {
  out.clear();
  const std::size_t n = text.size();
  // The class of the character at i (and its end), refusing what the pass does not model.
  std::size_t next_at = 0;
  auto class_at = [&](std::size_t i, SentenceClass& c) {
    const ClassifiedChar ch = classify_at(text, i);
    c = ch.classes.sentence;
    next_at = i + ch.length;
    return c != SentenceClass::unhandled;
  };
  // After a separator at i (CR LF counts as one), the offset just past it.
  auto past_separator = [&](std::size_t i) {
    return text[i] == '\r' && i + 1 < n && text[i + 1] == '\n' ? i + 2 : next_at;
  };
  // The class of the character ending just before i (0 < i), for SB7.
  auto class_before = [&](std::size_t i) {
    std::size_t start = i - 1;
    while (start > 0 && is_trail_byte(text[start])) --start;
    return classify_at(text, start).classes.sentence;
  };
  std::size_t i = 0;
  while (i < n) {
    // Most characters neither end nor separate anything: ASCII ones are passed over by
    // one table load each.
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80 && !ends_or_separates(kAsciiClasses[b].sentence)) {
      ++i;
      continue;
    }
    SentenceClass c;
    if (!class_at(i, c)) return false;
    if (c == SentenceClass::separator) {  // SB3, SB4: break after a paragraph separator
      i = past_separator(i);
      out.push_back(i);
      continue;
    }
    if (!is_terminator(c)) {
      i = next_at;
      continue;
    }
    const SentenceClass term = c;
    const SentenceClass before_term = i > 0 ? class_before(i) : SentenceClass::other;
    std::size_t j = next_at;
    SentenceClass last = term, next = SentenceClass::other;
    bool spaced = false;  // anything between the terminator and j
    // SB9, SB10: Close* Sp* stay with the terminator.
    while (j < n) {
      if (!class_at(j, next)) return false;
      if (next == SentenceClass::close ? last == SentenceClass::space
                                       : next != SentenceClass::space)
        break;
      last = next;
      spaced = true;
      j = next_at;
    }
    if (j == n) break;                       // SB2 ends the last sentence
    if (next == SentenceClass::separator) {  // SB11, with the separator
      i = past_separator(j);
      out.push_back(i);
      continue;
    }
    bool joined = next == SentenceClass::s_continue || is_terminator(next);  // SB8a
    if (term == SentenceClass::a_term && !joined) {
      if (!spaced && next == SentenceClass::numeric) joined = true;  // SB6
      if (!spaced && next == SentenceClass::upper &&
          (before_term == SentenceClass::upper || before_term == SentenceClass::lower))
        joined = true;  // SB7
      // SB8: a lower-case letter comes before any other letter or terminator.
      for (std::size_t q = j; !joined && q < n; q = next_at) {
        SentenceClass qc;
        if (!class_at(q, qc)) return false;
        if (stops_lower_look_ahead(qc)) {
          joined = qc == SentenceClass::lower;
          break;
        }
      }
    }
    if (!joined) out.push_back(j);  // SB11
    i = j;
  }
  if (n > 0 && (out.empty() || out.back() != n)) out.push_back(n);
  return true;
}

void icu_sentence_ends(std::string_view text, std::vector<std::size_t>& out) {
  out.clear();
  icu::BreakIterator& sentences = sentence_iterator_over(text);
  sentences.first();
  for (int32_t stop = sentences.next(); stop != icu::BreakIterator::DONE; stop = sentences.next())
    out.push_back(static_cast<std::size_t>(stop));
}

void sentence_ends(std::string_view text, std::vector<std::size_t>& out) {
  if (!fast_sentence_ends(text, out)) icu_sentence_ends(text, out);
}

}  // namespace sgwrs::analysis::detail
