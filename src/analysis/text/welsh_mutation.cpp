#include "analysis/text/welsh_mutation.hpp"

namespace sgwrs::analysis {
namespace {

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'w' || c == 'y';
}

void set(WelshCandidates& out, std::string_view a, std::string_view b) {
  std::string& s = out.forms[out.count++];
  s.assign(a);
  s.append(b);
}

}  // namespace

void strip_welsh_diacritics(std::string_view in, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    if (c == 0xC3 && i + 1 < in.size()) {  // Latin-1 lower-case vowels with marks
      unsigned char d = static_cast<unsigned char>(in[i + 1]);
      char base = 0;
      if (d >= 0xA0 && d <= 0xA4)
        base = 'a';
      else if (d >= 0xA8 && d <= 0xAB)
        base = 'e';
      else if (d >= 0xAC && d <= 0xAF)
        base = 'i';
      else if ((d >= 0xB2 && d <= 0xB4) || d == 0xB6)
        base = 'o';
      else if (d >= 0xB9 && d <= 0xBC)
        base = 'u';
      else if (d == 0xBD || d == 0xBF)
        base = 'y';
      if (base) {
        out.push_back(base);
        ++i;
        continue;
      }
    } else if (c == 0xC5 && i + 1 < in.size()) {  // ŵ ŷ
      unsigned char d = static_cast<unsigned char>(in[i + 1]);
      if (d == 0xB5 || d == 0xB7) {
        out.push_back(d == 0xB5 ? 'w' : 'y');
        ++i;
        continue;
      }
    } else if (c == 0xE1 && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0xBA) {
      unsigned char d = static_cast<unsigned char>(in[i + 2]);
      if (d == 0x81 || d == 0x83 || d == 0x85) {  // ẁ ẃ ẅ
        out.push_back('w');
        i += 2;
        continue;
      }
    } else if (c == 0xE1 && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0xBB &&
               static_cast<unsigned char>(in[i + 2]) == 0xB3) {  // ỳ
      out.push_back('y');
      i += 2;
      continue;
    }
    out.push_back(static_cast<char>(c));
  }
}

void welsh_radical_candidates(std::string_view folded, WelshCandidates& out) {
  out.count = 0;
  std::string& self = out.forms[out.count++];
  strip_welsh_diacritics(folded, self);
  // `w` views forms[0], which later assignments never touch.
  std::string_view w = self;
  auto starts = [&](std::string_view p) { return w.starts_with(p); };
  auto rest = [&](std::size_t n) { return w.substr(n); };
  if (w.empty()) return;
  // Nasal and aspirate mutations first: their two- and three-letter spellings would
  // otherwise be read as a one-letter soft mutation.
  if (starts("ngh")) return set(out, "c", rest(3));
  if (starts("mh")) return set(out, "p", rest(2));
  if (starts("nh")) return set(out, "t", rest(2));
  if (starts("ng")) return set(out, "g", rest(2));
  if (starts("ch")) return set(out, "c", rest(2));  // aspirate c, or radical ch (itself)
  if (starts("ph")) return set(out, "p", rest(2));
  if (starts("th")) return set(out, "t", rest(2));
  if (starts("dd")) return set(out, "d", rest(2));
  if (starts("ll") || starts("rh") || starts("ff")) return;  // radical only
  switch (w[0]) {
    case 'g':  // soft c
      return set(out, "c", rest(1));
    case 'b':  // soft p
      return set(out, "p", rest(1));
    case 'd':  // soft t
      return set(out, "t", rest(1));
    case 'f':  // soft b or soft m
      set(out, "b", rest(1));
      return set(out, "m", rest(1));
    case 'm':  // nasal b
      return set(out, "b", rest(1));
    case 'n':  // nasal d
      return set(out, "d", rest(1));
    case 'l':  // soft ll, or soft gl with the g dropped
      set(out, "ll", rest(1));
      return set(out, "g", w);
    case 'r':  // soft rh, or soft gr
      set(out, "rh", rest(1));
      return set(out, "g", w);
    case 'h':  // h-prothesis before a vowel ("ei hamser")
      if (w.size() > 1 && is_vowel(w[1])) set(out, "", rest(1));
      return;
    default:
      if (is_vowel(w[0])) set(out, "g", w);  // soft g, dropped ("weithwyr", "waith")
      return;
  }
}

std::string welsh_key(std::string_view folded) {
  std::string w;
  strip_welsh_diacritics(folded, w);
  auto starts = [&](std::string_view p) { return std::string_view(w).starts_with(p); };
  auto key = [&](char cls, std::string_view prefix, std::size_t drop) {
    std::string k{cls, '*'};
    k.append(prefix);
    k.append(std::string_view(w).substr(drop));
    return k;
  };
  if (w.empty()) return w;
  if (starts("ngh")) return key('k', "", 3);
  if (starts("ng") || starts("ch")) return key('k', "", 2);
  if (starts("ll")) return key('k', "l", 2);
  if (starts("rh")) return key('k', "r", 2);
  if (starts("mh") || starts("ph")) return key('p', "", 2);
  if (starts("nh") || starts("th") || starts("dd")) return key('t', "", 2);
  if (starts("ff")) return w;
  switch (w[0]) {
    case 'c':
    case 'g':
      return key('k', "", 1);
    case 'l':
    case 'r':
      return key('k', "", 0);
    case 'h':
      if (w.size() > 1 && is_vowel(w[1])) return key('k', "", 1);
      return w;
    case 'p':
    case 'b':
    case 'm':
    case 'f':
      return key('p', "", 1);
    case 't':
    case 'd':
    case 'n':
      return key('t', "", 1);
    default:
      if (is_vowel(w[0])) return key('k', "", 0);
      return w;
  }
}

}  // namespace sgwrs::analysis
