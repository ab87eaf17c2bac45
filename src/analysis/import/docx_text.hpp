#pragma once
// The text of a Word .docx: the paragraphs of word/document.xml, one per line.
#include <string>
#include <string_view>
#include <variant>

#include "analysis/import/import_types.hpp"

namespace sgwrs::analysis {

// Entry count, declared sizes and compression ratio are checked before anything is
// inflated, and the document is read through a bounded buffer, so a zip that lies about
// its sizes still stops at the limit ("zip_bomb"). Errors: "not_a_zip", "zip_bomb",
// "docx_no_document", "docx_corrupt". The result is raw UTF-8 (not yet NFC).
std::variant<std::string, ImportError> docx_to_text(std::string_view bytes,
                                                    const ImportLimits& limits);

// True when the bytes start like a zip archive (a local file header or an empty archive).
bool looks_like_zip(std::string_view bytes);

}  // namespace sgwrs::analysis
