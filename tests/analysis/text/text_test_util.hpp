#pragma once
// Helpers shared by the text pipeline tests.
#include <string>
#include <string_view>

#include "analysis/model.hpp"

namespace sgwrs::analysis::test {

// The code points [span.start, span.end) of UTF-8 `text`, as UTF-8.
inline std::string cut(std::string_view text, Span span) {
  std::string out;
  std::size_t cp = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool starts_cp = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_cp && i > 0) ++cp;
    if (cp >= span.start && cp < span.end) out.push_back(text[i]);
  }
  return out;
}

}  // namespace sgwrs::analysis::test
