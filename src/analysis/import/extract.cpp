#include "analysis/import/extract.hpp"

#include <fstream>

#include "analysis/import/docx_text.hpp"
#include "analysis/import/markdown_text.hpp"
#include "analysis/import/pdf_text.hpp"
#include "analysis/import/text_decoding.hpp"

namespace sgwrs::analysis {

namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string extension_of(std::string_view file_name) {
  const auto dot = file_name.rfind('.');
  const auto slash = file_name.find_last_of("/\\");
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  return lower_ascii(file_name.substr(dot + 1));
}

std::string too_large_detail(std::uintmax_t size, std::size_t limit) {
  return "the file is " + std::to_string(size) + " bytes; the limit is " + std::to_string(limit) +
         " bytes";
}

// Formats people try that we cannot read, with what to do instead.
ImportError unknown_format(std::string_view extension) {
  if (extension == "doc" || extension == "rtf" || extension == "odt" || extension == "pages")
    return {"unknown_format", "." + std::string(extension) +
                                  " files are not supported; save the report as .docx, .pdf "
                                  "or plain text"};
  return {"unknown_format",
          "not a report format Sgwrs reads (plain text, Markdown, Word .docx or PDF)"};
}

template <typename Convert>
ExtractResult then_finish(std::variant<std::string, ImportError> raw, std::string format,
                          const ImportLimits& limits, Convert convert) {
  if (auto* error = std::get_if<ImportError>(&raw)) return std::move(*error);
  return finish_text(std::move(format), convert(std::get<std::string>(raw)), limits);
}

std::string_view same(const std::string& s) {
  return s;
}

}  // namespace

std::optional<std::string_view> format_from_extension(std::string_view file_name) {
  const std::string ext = extension_of(file_name);
  if (ext == "txt" || ext == "text") return "txt";
  if (ext == "md" || ext == "markdown") return "md";
  if (ext == "docx") return "docx";
  if (ext == "pdf") return "pdf";
  return std::nullopt;
}

ExtractResult extract_text(std::string_view file_name, std::string_view bytes,
                           const ImportLimits& limits) {
  if (bytes.size() > limits.max_file_bytes)
    return ImportError{"too_large", too_large_detail(bytes.size(), limits.max_file_bytes)};
  std::optional<std::string_view> format = format_from_extension(file_name);
  if (!format) {
    if (looks_like_pdf(bytes)) {
      format = "pdf";
    } else if (looks_like_zip(bytes) && extension_of(file_name).empty()) {
      // Only without an extension: a .xlsx or .odt is a zip too, and "unknown format"
      // says more about it than "no word/document.xml".
      format = "docx";
    } else {
      return unknown_format(extension_of(file_name));
    }
  }
  if (*format == "txt") return then_finish(decode_text_bytes(bytes), "txt", limits, same);
  if (*format == "md")
    return then_finish(decode_text_bytes(bytes), "md", limits,
                       [](const std::string& s) { return markdown_to_plain_text(s); });
  if (*format == "docx") return then_finish(docx_to_text(bytes, limits), "docx", limits, same);
  return then_finish(pdf_to_text(bytes, limits), "pdf", limits, same);
}

ExtractResult extract_file(const std::filesystem::path& path, const ImportLimits& limits) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::is_regular_file(status))
    return ImportError{"unreadable", "not a readable file: " + path.string()};
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return ImportError{"unreadable", "cannot read the size of " + path.string()};
  if (size > limits.max_file_bytes)
    return ImportError{"too_large", too_large_detail(size, limits.max_file_bytes)};
  std::ifstream in(path, std::ios::binary);
  if (!in) return ImportError{"unreadable", "cannot open " + path.string()};
  // Read at most one byte past the limit, in case the file grew since it was measured.
  std::string bytes(static_cast<std::size_t>(size) + 1, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return ImportError{"unreadable", "error reading " + path.string()};
  return extract_text(path.filename().string(), bytes, limits);
}

}  // namespace sgwrs::analysis
