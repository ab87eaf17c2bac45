#include "analysis/import/docx_text.hpp"

#include <zip.h>

#include <algorithm>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace sgwrs::analysis {

namespace {

constexpr const char* kDocumentEntry = "word/document.xml";

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

ImportError zip_bomb(std::string detail) {
  return {"zip_bomb", std::move(detail)};
}

std::string mb(std::size_t bytes) {
  return std::to_string(bytes / (1 << 20)) + " MB";
}

// "w:p" -> "p": Word always writes the "w" prefix, but the local name is what matters.
std::string_view local_name(const char* name) {
  std::string_view n(name);
  const auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

// The visible text under <w:body>: runs' w:t, tabs and breaks. Deleted text (w:del,
// tracked changes) and the fallback copy of text boxes (mc:Fallback, which repeats the
// mc:Choice text) are not what a reader sees. Nested paragraphs (text boxes, tables in
// cells) become lines of their own. The walk keeps its own stack rather than recursing, so a
// hostile document nested a million elements deep cannot overflow the thread's stack.
std::string visible_text(const pugi::xml_node& body) {
  struct Frame {
    pugi::xml_node next;  // the next child to visit
    bool paragraph;       // closing this frame ends a line of its own
  };
  std::vector<Frame> stack{{body.first_child(), false}};
  std::vector<std::string> lines(1);  // the line being built in each open paragraph
  std::string out;
  while (!stack.empty()) {
    Frame& frame = stack.back();
    if (!frame.next) {
      if (frame.paragraph) {
        out += lines.back();
        out += '\n';
        lines.pop_back();
      }
      stack.pop_back();
      continue;
    }
    const pugi::xml_node child = frame.next;
    frame.next = child.next_sibling();
    if (child.type() != pugi::node_element) continue;
    const std::string_view name = local_name(child.name());
    std::string& line = lines.back();
    if (name == "t") {
      line += child.text().get();
    } else if (name == "tab" || name == "ptab") {
      line += '\t';
    } else if (name == "br" || name == "cr") {
      line += '\n';
    } else if (name == "noBreakHyphen") {
      line += '-';
    } else if (name == "del" || name == "delText" || name == "Fallback" || name == "instrText" ||
               name == "pPr" || name == "rPr" || name == "sectPr") {
      // not visible text
    } else if (name == "p") {
      if (!line.empty()) {
        out += line;
        out += '\n';
        line.clear();
      }
      lines.emplace_back();
      stack.push_back({child.first_child(), true});
    } else {
      stack.push_back({child.first_child(), false});
    }
  }
  out += lines.front();
  return out;
}

}  // namespace

bool looks_like_zip(std::string_view bytes) {
  return bytes.starts_with(std::string_view("PK\x03\x04", 4)) ||
         bytes.starts_with(std::string_view("PK\x05\x06", 4));
}

std::variant<std::string, ImportError> docx_to_text(std::string_view bytes,
                                                    const ImportLimits& limits) {
  if (!looks_like_zip(bytes))
    return ImportError{"not_a_zip", "a .docx file is a zip archive, and this file is not one"};

  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return ImportError{"not_a_zip", "could not read the file as a zip archive"};
  }
  std::unique_ptr<zip_t, ZipCloser> archive(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (!archive) {
    std::string why = zip_error_strerror(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    return ImportError{"not_a_zip", "not a readable zip archive: " + why};
  }
  zip_error_fini(&error);

  // Everything below is decided from the central directory, before inflating a byte.
  const zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
  if (entries < 0 || static_cast<std::size_t>(entries) > limits.max_zip_entries)
    return zip_bomb("the archive has " + std::to_string(entries) + " entries; the limit is " +
                    std::to_string(limits.max_zip_entries));
  std::size_t declared_total = 0;
  for (zip_int64_t i = 0; i < entries; ++i) {
    zip_stat_t st;
    if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0) continue;
    if ((st.valid & ZIP_STAT_SIZE) == 0) continue;
    if (st.size > limits.max_unzipped_bytes - declared_total)
      return zip_bomb("the archive says it inflates to more than " + mb(limits.max_unzipped_bytes));
    declared_total += st.size;
  }

  const zip_int64_t index = zip_name_locate(archive.get(), kDocumentEntry, 0);
  if (index < 0)
    return ImportError{"docx_no_document",
                       "the zip archive has no word/document.xml, so it is not a Word document"};
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
      (st.valid & (ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE)) != (ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE))
    return ImportError{"docx_corrupt", "cannot read the size of word/document.xml"};
  const std::size_t compressed = std::max<zip_uint64_t>(st.comp_size, 1);
  if (st.size / compressed > limits.max_zip_ratio)
    return zip_bomb("word/document.xml would inflate " + std::to_string(st.size / compressed) +
                    " times; the limit is " + std::to_string(limits.max_zip_ratio));

  // Read no more than the archive declared (and the limits allow): a zip whose headers
  // understate the size is cut off here instead of filling memory.
  const std::size_t allowed =
      std::min<std::size_t>({static_cast<std::size_t>(st.size), limits.max_unzipped_bytes,
                             compressed * limits.max_zip_ratio});
  std::unique_ptr<zip_file_t, ZipFileCloser> file(
      zip_fopen_index(archive.get(), static_cast<zip_uint64_t>(index), 0));
  if (!file) return ImportError{"docx_corrupt", "cannot open word/document.xml in the archive"};
  std::string xml;
  xml.reserve(allowed);
  char buffer[64 * 1024];
  for (;;) {
    const zip_int64_t got = zip_fread(file.get(), buffer, sizeof buffer);
    if (got < 0)
      return ImportError{"docx_corrupt", std::string("cannot inflate word/document.xml: ") +
                                             zip_error_strerror(zip_file_get_error(file.get()))};
    if (got == 0) break;
    if (static_cast<std::size_t>(got) > allowed - xml.size())
      return zip_bomb("word/document.xml inflates past its declared size or the limits");
    xml.append(buffer, static_cast<std::size_t>(got));
  }

  pugi::xml_document doc;
  // No DTD handling in pugixml beyond skipping it, so no entity expansion attacks.
  const pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_auto);
  if (!parsed)
    return ImportError{"docx_corrupt", std::string("word/document.xml is not well-formed XML: ") +
                                           parsed.description()};
  pugi::xml_node body = doc.document_element().find_child(
      [](const pugi::xml_node& n) { return local_name(n.name()) == "body"; });
  if (!body) return ImportError{"docx_corrupt", "word/document.xml has no document body"};

  return visible_text(body);
}

}  // namespace sgwrs::analysis
