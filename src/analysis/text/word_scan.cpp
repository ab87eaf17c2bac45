#include "analysis/text/word_scan.hpp"

#include <libstemmer.h>

#include <memory>
#include <stdexcept>

#include <unicode/unistr.h>

#include "analysis/text/boundaries.hpp"
#include "domain/core/string_map.hpp"
#include "domain/core/utf8.hpp"

namespace sgwrs::analysis::detail {

Gap gap_between(std::string_view between) {
  Gap gap = Gap::none;
  std::size_t newlines = 0;
  for (std::size_t i = 0; i < between.size(); ++i) {
    char c = between[i];
    switch (c) {
      case '.':
      case '!':
      case '?':
        return Gap::sentence;
      case '\n':
        if (++newlines >= 2) return Gap::sentence;
        gap = Gap::clause;
        break;
      case ',':
      case ';':
      case ':':
      case '(':
      case ')':
      case '"':
        gap = Gap::clause;
        break;
      case '\xE2':  // … ends a sentence; – — “ ” separate clauses
        if (i + 2 < between.size() && between[i + 1] == '\x80') {
          unsigned char d = static_cast<unsigned char>(between[i + 2]);
          if (d == 0xA6) return Gap::sentence;
          if (d == 0x93 || d == 0x94 || d == 0x9C || d == 0x9D) gap = Gap::clause;
        }
        break;
      default:
        break;
    }
  }
  return gap;
}

namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

struct StemCache {
  std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer{sb_stemmer_new("english", "UTF_8")};
  StringMap<std::string> stems;
};

}  // namespace

void scan_words(std::string_view text, std::vector<ScannedWord>& out) {
  out.clear();
  thread_local std::vector<ByteSpan> spans;
  word_spans(text, spans);
  CodePointCursor cursor(text);
  std::size_t previous_end = 0;
  for (const ByteSpan& span : spans) {
    ScannedWord w;
    w.byte_begin = span.begin;
    w.byte_end = span.end;
    w.gap_before = out.empty()
                       ? Gap::sentence
                       : gap_between(text.substr(previous_end, w.byte_begin - previous_end));
    w.cp_begin = cursor.at(w.byte_begin);
    w.cp_end = cursor.at(w.byte_end);
    previous_end = w.byte_end;
    out.push_back(w);
  }
}

void fold_into(std::string_view word, std::string& out) {
  out.clear();
  bool ascii = true;
  for (char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c);
  }
  if (!ascii) {
    out.clear();
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
    u.foldCase();
    // Apostrophe variants: ’ (U+2019), ‘ (U+2018), ʼ (U+02BC), ′ (U+2032).
    for (char16_t a : {u'\u2019', u'\u2018', u'\u02BC', u'\u2032'}) u.findAndReplace(a, u'\'');
    u.toUTF8String(out);
  }
}

const std::string& cached_english_stem(std::string_view folded) {
  thread_local StemCache cache;
  if (auto it = cache.stems.find(folded); it != cache.stems.end()) return it->second;
  if (!cache.stemmer) throw std::runtime_error("libstemmer has no English stemmer");
  // A cache that outgrows any real vocabulary is a sign of junk input: start again.
  if (cache.stems.size() > 200'000) cache.stems.clear();
  const sb_symbol* stem =
      sb_stemmer_stem(cache.stemmer.get(), reinterpret_cast<const sb_symbol*>(folded.data()),
                      static_cast<int>(folded.size()));
  std::string value =
      stem ? std::string(reinterpret_cast<const char*>(stem),
                         static_cast<std::size_t>(sb_stemmer_length(cache.stemmer.get())))
           : std::string(folded);
  return cache.stems.emplace(std::string(folded), std::move(value)).first->second;
}

}  // namespace sgwrs::analysis::detail
