#pragma once
// The one HTML escaper, for pages and for documents Sgwrs writes (findings as HTML): & < > "
// and ' become entities (' as &apos;, as the page renderer has always written it), and
// invalid UTF-8 is repaired to U+FFFD first, so nothing typed can break out of the markup.
#include <string>
#include <string_view>

namespace sgwrs {

void append_html_escaped(std::string& out, std::string_view s);
std::string html_escaped(std::string_view s);

}  // namespace sgwrs
