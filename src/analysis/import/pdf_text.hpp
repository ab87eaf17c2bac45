#pragma once
// The text of a PDF, page by page in reading order (poppler-cpp).
#include <string>
#include <string_view>
#include <variant>

#include "analysis/import/import_types.hpp"

namespace sgwrs::analysis {

// Errors: "pdf_corrupt" (no %PDF header, or poppler cannot read it), "pdf_encrypted" (needs
// a password), "pdf_too_many_pages". Pages are separated by a blank line. A PDF with no
// text layer (a scan) gives empty text, which the caller reports as "empty".
// The result is raw UTF-8 (not yet NFC).
std::variant<std::string, ImportError> pdf_to_text(std::string_view bytes,
                                                   const ImportLimits& limits);

// poppler writes its complaints about damaged or locked files to stderr, which garbles a
// terminal progress bar. This switches them off for the whole process (poppler's setting
// is process-wide): call it once at start-up from a program's main, never from a library.
void silence_pdf_library_messages();

// True when "%PDF-" appears in the first kilobyte, where readers look for it.
bool looks_like_pdf(std::string_view bytes);

}  // namespace sgwrs::analysis
