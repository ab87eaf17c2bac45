#include "domain/core/html.hpp"

#include "domain/core/utf8.hpp"

namespace sgwrs {

void append_html_escaped(std::string& out, std::string_view s) {
  std::string repaired;
  for (unsigned char c : s)
    if (c >= 0x80) {
      if (!is_valid_utf8(s)) {
        repaired = to_valid_utf8(s);
        s = repaired;
      }
      break;
    }
  std::size_t done = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::string_view entity;
    switch (s[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      case '\'':
        entity = "&apos;";
        break;
      default:
        continue;
    }
    out.append(s.substr(done, i - done));
    out.append(entity);
    done = i + 1;
  }
  out.append(s.substr(done));
}

std::string html_escaped(std::string_view s) {
  std::string out;
  append_html_escaped(out, s);
  return out;
}

}  // namespace sgwrs
