// libFuzzer, structure-aware: the input is the XML of word/document.xml (or, when the first
// byte's low bit is set, only what goes inside <w:body>), packed into a real zip archive here
// so every input reaches the XML walk instead of stopping at the zip reader, which is what
// plain byte mutation of a .docx (fuzz_docx) mostly exercises.
#include <zip.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "analysis/import/extract.hpp"

namespace {

std::string wrap_in_body(std::string_view body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
         " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>" +
         std::string(body) + "</w:body></w:document>";
}

// A zip holding word/document.xml, stored or deflated; empty if libzip refuses.
std::string zip_of(const std::string& xml, bool deflate) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* archive_source = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (archive_source == nullptr) return {};
  zip_source_keep(archive_source);  // read the bytes back after zip_close
  zip_t* z = zip_open_from_source(archive_source, ZIP_TRUNCATE, &error);
  zip_error_fini(&error);
  if (z == nullptr) return zip_source_free(archive_source), std::string{};
  zip_source_t* entry = zip_source_buffer(z, xml.data(), xml.size(), 0);
  const zip_int64_t index =
      entry == nullptr ? -1 : zip_file_add(z, "word/document.xml", entry, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    if (entry != nullptr) zip_source_free(entry);
    zip_discard(z);
    zip_source_free(archive_source);
    return {};
  }
  zip_set_file_compression(z, static_cast<zip_uint64_t>(index),
                           deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, deflate ? 1 : 0);
  std::string bytes;
  if (zip_close(z) == 0 && zip_source_open(archive_source) == 0) {
    zip_source_seek(archive_source, 0, SEEK_END);
    const zip_int64_t size = zip_source_tell(archive_source);
    zip_source_seek(archive_source, 0, SEEK_SET);
    if (size > 0) {
      bytes.resize(static_cast<std::size_t>(size));
      if (zip_source_read(archive_source, bytes.data(), static_cast<zip_uint64_t>(size)) != size)
        bytes.clear();
    }
    zip_source_close(archive_source);
  } else {
    zip_discard(z);
  }
  zip_source_free(archive_source);
  return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t mode = data[0];
  const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::string xml = (mode & 1) ? wrap_in_body(rest) : std::string(rest);
  const std::string docx = zip_of(xml, (mode & 2) != 0);
  if (docx.empty()) return 0;
  const auto r = sgwrs::analysis::extract_text("upload.docx", docx, {});
  (void)r;
  return 0;
}
