#pragma once
// Turning the bytes of a plain-text file into UTF-8, and the final clean-up every format's
// text goes through before it is stored.
#include <string>
#include <string_view>
#include <variant>

#include "analysis/import/import_types.hpp"

namespace sgwrs::analysis {

// UTF-8 (with or without a BOM), UTF-16 LE/BE with a BOM, or Windows-1252 when the bytes
// are not UTF-8 but read as 1252 text. Anything else (binary data, NULs, text in an
// encoding we cannot tell) is "unknown_encoding": guessing would store mojibake.
std::variant<std::string, ImportError> decode_text_bytes(std::string_view bytes);

// Line ends to \n, control characters other than tab and newline removed (form feeds
// become line breaks), a leading BOM dropped, NFC. Then "empty" when nothing but
// whitespace is left and "too_long" past the code point limit. Input must be valid UTF-8.
std::variant<ExtractedText, ImportError> finish_text(std::string format, std::string_view utf8,
                                                     const ImportLimits& limits);

}  // namespace sgwrs::analysis
