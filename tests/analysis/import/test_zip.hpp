#pragma once
// Writing zip archives for the .docx tests with libzip, as a hostile or broken file would be.
#include <zip.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace sgwrs::analysis::test {

// Writes entries (name, content) deflated at the highest level; false on any failure.
inline bool write_zip(const std::filesystem::path& path,
                      const std::vector<std::pair<std::string, std::string>>& entries) {
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (z == nullptr) return false;
  for (const auto& [name, content] : entries) {
    // The buffers outlive zip_close, which is when libzip reads them.
    zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
    if (src == nullptr) return zip_discard(z), false;
    const zip_int64_t index = zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8);
    if (index < 0) return zip_source_free(src), zip_discard(z), false;
    zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 9);
  }
  return zip_close(z) == 0;
}

// A minimal word/document.xml with the given <w:body> content.
inline std::string document_xml(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
         " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
         "<w:body>" +
         body + "</w:body></w:document>";
}

}  // namespace sgwrs::analysis::test
