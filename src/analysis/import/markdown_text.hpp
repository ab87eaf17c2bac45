#pragma once
// Markdown reports are kept as text, but with the markup a reader never sees removed, so
// that offsets (and quotes) refer to the words on the rendered page.
#include <string>
#include <string_view>

namespace sgwrs::analysis {

// "## What is working well" becomes "What is working well"; setext underlines, fence
// lines and thematic breaks are dropped; emphasis (*, **, _, __, ~~), code backticks and
// backslash escapes are removed; links and images keep only their text. Everything else,
// lists included, is kept as written. Input and output are UTF-8 with \n line ends.
std::string markdown_to_plain_text(std::string_view markdown);

}  // namespace sgwrs::analysis
