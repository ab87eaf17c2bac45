// libFuzzer: text extraction from an uploaded .docx, with the importer's own limits.
#include <cstdint>
#include <string_view>

#include "analysis/import/extract.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto r = sgwrs::analysis::extract_text(
      "upload.docx", std::string_view(reinterpret_cast<const char*>(data), size), {});
  (void)r;
  return 0;
}
