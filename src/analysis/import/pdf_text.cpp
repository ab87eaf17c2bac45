#include "analysis/import/pdf_text.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <memory>

namespace sgwrs::analysis {

void silence_pdf_library_messages() {
  poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
}

bool looks_like_pdf(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

std::variant<std::string, ImportError> pdf_to_text(std::string_view bytes,
                                                   const ImportLimits& limits) {
  if (!looks_like_pdf(bytes))
    return ImportError{"pdf_corrupt", "the file does not start with a PDF header (%PDF-)"};
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    return ImportError{"too_large", "the PDF is too large to read"};
  // poppler reads from our buffer in place; `bytes` outlives the document.
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return ImportError{"pdf_corrupt", "the PDF is damaged and cannot be read"};
  if (doc->is_locked())
    return ImportError{"pdf_encrypted",
                       "the PDF is protected by a password; save an unprotected copy"};
  const int pages = doc->pages();
  if (pages < 0 || static_cast<std::size_t>(pages) > limits.max_pdf_pages)
    return ImportError{"pdf_too_many_pages", "the PDF has " + std::to_string(pages) +
                                                 " pages; the limit is " +
                                                 std::to_string(limits.max_pdf_pages)};
  std::string out;
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) return ImportError{"pdf_corrupt", "page " + std::to_string(i + 1) + " is damaged"};
    // The reading-order layout (what pdftotext gives by default), not the physical one,
    // which pads columns with runs of spaces.
    const poppler::byte_array utf8 =
        page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8();
    if (!out.empty()) out += "\n\n";
    out.append(utf8.begin(), utf8.end());
    while (!out.empty() && (out.back() == '\n' || out.back() == '\f' || out.back() == ' '))
      out.pop_back();
    if (out.size() > limits.max_unzipped_bytes)
      return ImportError{"too_long", "the PDF holds more text than the import limit"};
  }
  return out;
}

}  // namespace sgwrs::analysis
