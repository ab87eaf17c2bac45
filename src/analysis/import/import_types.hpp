#pragma once
// What importing one follow-up report can produce: its plain text, or an error with a
// stable code the UI translates. Limits are checked before the expensive work, so a
// hostile file (a 200 MB upload, a zip bomb, a 10,000-page PDF) costs little.
#include <cstddef>
#include <string>
#include <variant>

namespace sgwrs::analysis {

struct ImportLimits {
  std::size_t max_file_bytes = 20 << 20;      // size of the file as uploaded
  std::size_t max_unzipped_bytes = 64 << 20;  // inflated size of a .docx (all entries)
  std::size_t max_zip_ratio = 100;            // inflated / compressed, per entry read
  std::size_t max_zip_entries = 5000;
  std::size_t max_pdf_pages = 500;
  std::size_t max_text_code_points = 2'000'000;  // of the extracted text
};

// `code` is a stable id for the UI's catalogue ("too_large", "unknown_format", "not_a_zip",
// "zip_bomb", "docx_no_document", "docx_corrupt", "pdf_corrupt", "pdf_encrypted",
// "pdf_too_many_pages", "unknown_encoding", "empty", "too_long", "unreadable");
// `detail` is plain English for logs and the command line.
struct ImportError {
  std::string code;
  std::string detail;
};

struct ExtractedText {
  std::string format;  // "txt", "md", "docx", "pdf"
  std::string text;    // valid UTF-8, NFC, \n line ends
};

using ExtractResult = std::variant<ExtractedText, ImportError>;

}  // namespace sgwrs::analysis
