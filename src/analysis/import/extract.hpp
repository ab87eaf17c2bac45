#pragma once
// One report file to plain text: the format from its extension, confirmed by its content.
#include <filesystem>
#include <optional>
#include <string_view>

#include "analysis/import/import_types.hpp"

namespace sgwrs::analysis {

// "txt", "md", "docx" or "pdf" from the extension (case-insensitive; .text and .markdown
// too), or nullopt.
std::optional<std::string_view> format_from_extension(std::string_view file_name);

// Extracts the text of an uploaded file. A known extension decides the format and the
// content must agree (a .docx that is not a zip is "not_a_zip"; a .pdf without %PDF is
// "pdf_corrupt"); with an unknown extension a PDF is recognised by its content, and with
// no extension at all a Word document too; anything else is "unknown_format". The text is then
// cleaned by finish_text (NFC, \n, "empty", "too_long").
ExtractResult extract_text(std::string_view file_name, std::string_view bytes,
                           const ImportLimits& limits);

// The same for a file on disk; its size is checked before a byte is read ("too_large").
ExtractResult extract_file(const std::filesystem::path& path, const ImportLimits& limits);

}  // namespace sgwrs::analysis
