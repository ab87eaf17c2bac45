#include "analysis/import/markdown_text.hpp"

#include <vector>

namespace sgwrs::analysis {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t';
}
bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (is_space(s.front()) || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (is_space(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Up to three spaces of indent, then the rest.
std::string_view strip_indent(std::string_view line) {
  std::size_t n = 0;
  while (n < 3 && n < line.size() && line[n] == ' ') ++n;
  return line.substr(n);
}

// "# Title #" -> "Title", or nullopt-like empty flag when the line is no ATX heading.
bool atx_heading(std::string_view line, std::string_view& title) {
  std::string_view s = strip_indent(line);
  std::size_t hashes = 0;
  while (hashes < s.size() && s[hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6) return false;
  if (hashes < s.size() && !is_space(s[hashes])) return false;
  s = trim(s.substr(hashes));
  // An optional closing run of #s, preceded by a space.
  std::size_t end = s.size();
  while (end > 0 && s[end - 1] == '#') --end;
  if (end == 0) {
    s = {};
  } else if (end < s.size() && is_space(s[end - 1])) {
    s = trim(s.substr(0, end));
  }
  title = s;
  return true;
}

// A line made only of one character repeated (spaces allowed between), at least `min` times.
bool rule_of(std::string_view line, char c, std::size_t min) {
  std::string_view s = trim(line);
  std::size_t count = 0;
  for (char ch : s) {
    if (ch == c) {
      ++count;
    } else if (!is_space(ch)) {
      return false;
    }
  }
  return count >= min;
}

bool fence(std::string_view line) {
  std::string_view s = strip_indent(line);
  return s.starts_with("```") || s.starts_with("~~~");
}

// Inline markup. Text is split into literal pieces and delimiter runs of *, _ or ~;
// runs that can open are paired with later runs that can close (like CommonMark, without
// its finer rules), and only paired runs are removed, so "2 * 3" and "snake_case" stay.
struct Piece {
  std::string text;
  char delim = 0;  // '*', '_' or '~' for a delimiter run
  std::size_t count = 0;
  bool can_open = false;
  bool can_close = false;
  bool removed = false;
};

std::string inline_plain(std::string_view s) {
  std::vector<Piece> pieces;
  auto literal = [&](std::string_view t) {
    if (pieces.empty() || pieces.back().delim != 0) pieces.push_back({});
    pieces.back().text += t;
  };
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size() && is_ascii_punct(s[i + 1])) {
      literal(s.substr(i + 1, 1));
      i += 2;
    } else if (c == '`') {
      std::size_t run = 0;
      while (i + run < s.size() && s[i + run] == '`') ++run;
      const std::string ticks(run, '`');
      const std::size_t close = s.find(ticks, i + run);
      if (close == std::string_view::npos) {
        literal(s.substr(i, run));
        i += run;
      } else {
        literal(s.substr(i + run, close - i - run));  // code text, kept verbatim
        i = close + run;
      }
    } else if (c == '!' && i + 1 < s.size() && s[i + 1] == '[') {
      ++i;  // an image: its alt text is what a reader gets
    } else if (c == '[') {
      // [text](url): keep text; drop the brackets and the destination.
      const std::size_t close = s.find("](", i + 1);
      const std::size_t paren = close == std::string_view::npos ? close : s.find(')', close + 2);
      if (paren == std::string_view::npos) {
        literal("[");
        ++i;
      } else {
        std::string inner = inline_plain(s.substr(i + 1, close - i - 1));
        literal(inner);
        i = paren + 1;
      }
    } else if (c == '*' || c == '_' || c == '~') {
      std::size_t run = 0;
      while (i + run < s.size() && s[i + run] == c) ++run;
      const char before = i == 0 ? ' ' : s[i - 1];
      const char after = i + run < s.size() ? s[i + run] : ' ';
      Piece p;
      p.text = std::string(s.substr(i, run));
      p.delim = c;
      p.count = run;
      const bool left_flanking = !is_space(after);
      const bool right_flanking = !is_space(before);
      p.can_open = left_flanking;
      p.can_close = right_flanking;
      if (c == '_') {  // intraword underscores are not emphasis
        p.can_open = left_flanking && (!right_flanking || is_ascii_punct(before));
        p.can_close = right_flanking && (!left_flanking || is_ascii_punct(after));
      }
      if (c == '~' && run != 2) p.can_open = p.can_close = false;  // only ~~strike~~
      pieces.push_back(std::move(p));
      i += run;
    } else {
      const std::size_t start = i;
      while (i < s.size() && s[i] != '\\' && s[i] != '`' && s[i] != '!' && s[i] != '[' &&
             s[i] != '*' && s[i] != '_' && s[i] != '~')
        ++i;
      if (i == start) ++i;  // a lone '!' or '\'
      literal(s.substr(start, i - start));
    }
  }
  // Pair closers with the nearest open run of the same character.
  std::vector<std::size_t> openers;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    Piece& p = pieces[k];
    if (p.delim == 0) continue;
    bool matched = false;
    if (p.can_close) {
      for (std::size_t j = openers.size(); j-- > 0;) {
        Piece& o = pieces[openers[j]];
        if (o.delim == p.delim && !o.removed) {
          o.removed = p.removed = true;
          openers.resize(j);
          matched = true;
          break;
        }
      }
    }
    if (!matched && p.can_open) openers.push_back(k);
  }
  std::string out;
  out.reserve(s.size());
  for (const Piece& p : pieces)
    if (!p.removed) out += p.text;
  return out;
}

}  // namespace

std::string markdown_to_plain_text(std::string_view md) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= md.size();) {
    std::size_t end = md.find('\n', start);
    if (end == std::string_view::npos) end = md.size();
    lines.push_back(md.substr(start, end - start));
    start = end + 1;
  }
  std::string out;
  out.reserve(md.size());
  bool in_fence = false;
  bool first = true;
  auto emit = [&](std::string_view line) {
    if (!first) out += '\n';
    out += line;
    first = false;
  };
  for (std::size_t k = 0; k < lines.size(); ++k) {
    std::string_view line = lines[k];
    if (fence(line)) {
      in_fence = !in_fence;
      continue;
    }
    if (in_fence) {
      emit(line);
      continue;
    }
    std::string_view title;
    const bool prev_is_text = !first && k > 0 && !trim(lines[k - 1]).empty();
    if (atx_heading(line, title)) {
      emit(inline_plain(title));
    } else if (prev_is_text && (rule_of(line, '=', 1) || rule_of(line, '-', 2)) &&
               trim(line).find(' ') == std::string_view::npos) {
      // a setext underline: the line above is the heading; the underline is not text
    } else if (rule_of(line, '-', 3) || rule_of(line, '*', 3) || rule_of(line, '_', 3)) {
      emit("");  // a thematic break shows as a rule, not as characters
    } else {
      emit(inline_plain(line));
    }
  }
  return out;
}

}  // namespace sgwrs::analysis
