// Word .docx files: real ones from LibreOffice, hand-made ones, and hostile ones.
#include <gtest/gtest.h>

#include "analysis/import/docx_text.hpp"
#include "analysis/import/extract.hpp"
#include "analysis/import/headings.hpp"
#include "test_files.hpp"
#include "test_zip.hpp"

namespace sgwrs::analysis {
namespace {

using test::TempDir;

using test::code_of;

const std::string kWelshReport =
    "Adroddiad dilynol: T\u00eem Gofal Oedolion\n"
    "\n"
    "Beth sy'n gweithio'n dda?\n"
    "Mae'r t\u00eem yn gwrando. Dyn ifanc \u0175yr, \u0177d, t\u00e2n.\n"
    "Enw:\tGr\u0175p 3\n"
    "\n"
    "What gets in the way?\n"
    "Caseloads and forms.\n"
    "\n"
    "What would make a difference\n"
    "Protected time.\n"
    "\n"
    "Messages for leaders:\n"
    "Come and listen.\n";

TEST(Docx, RealDocumentFromLibreOfficeKeepsWelshLettersAndHeadings) {
  SGWRS_REQUIRE_SOFFICE();
  TempDir dir;
  test::write_file(dir / "report.txt", kWelshReport);
  ASSERT_TRUE(test::soffice_convert({dir / "report.txt"}, "docx", dir.path(), ".docx"));

  const ExtractResult r = extract_file(dir / "report.docx", {});
  ASSERT_EQ(code_of(r), "ok") << std::get<ImportError>(r).detail;
  const ExtractedText& text = std::get<ExtractedText>(r);
  EXPECT_EQ(text.format, "docx");
  // One paragraph per line, blank paragraphs kept, the tab kept: the text round-trips.
  EXPECT_EQ(text.text, kWelshReport);

  const ParsedReport p = split_headings(text.text);
  ASSERT_EQ(p.sections.size(), 5u);
  EXPECT_EQ(p.sections[1].heading, Heading::working_well);
  EXPECT_EQ(p.sections[2].heading, Heading::getting_in_the_way);
  EXPECT_EQ(p.sections[3].heading, Heading::make_a_difference);
  EXPECT_EQ(p.sections[4].heading, Heading::leaders_understand);
}

TEST(Docx, VisibleTextOnlyWithTabsBreaksAndNoDeletedText) {
  TempDir dir;
  const std::string xml = test::document_xml(
      "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>What is working well"
      "</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>Kept</w:t></w:r><w:del><w:r><w:delText>Deleted</w:delText></w:r>"
      "</w:del><w:r><w:tab/><w:t xml:space=\"preserve\">after a tab </w:t><w:br/>"
      "<w:t>next line</w:t></w:r></w:p>"
      "<w:p><mc:AlternateContent><mc:Choice><w:r><w:t>Box</w:t></w:r></mc:Choice>"
      "<mc:Fallback><w:r><w:t>Box</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>"
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell one</w:t></w:r></w:p></w:tc>"
      "<w:tc><w:p><w:r><w:t>Cell two</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
      "<w:sectPr/>");
  ASSERT_TRUE(test::write_zip(dir / "a.docx", {{"word/document.xml", xml}}));
  const ExtractResult r = extract_file(dir / "a.docx", {});
  ASSERT_EQ(code_of(r), "ok");
  EXPECT_EQ(std::get<ExtractedText>(r).text,
            "What is working well\nKept\tafter a tab \nnext line\nBox\nCell one\nCell two\n");
  // Without an extension the content says it is a Word document; a zip named .xlsx is not.
  const std::string bytes = test::read_file(dir / "a.docx");
  EXPECT_EQ(code_of(extract_text("upload", bytes, {})), "ok");
  EXPECT_EQ(code_of(extract_text("sheet.xlsx", bytes, {})), "unknown_format");
}

// Found by thinking like fuzz_docx_document: the text walk once recursed per element, so a
// small, highly compressible document nested deeply enough overflowed the stack.
TEST(Docx, DeeplyNestedElementsDoNotExhaustTheStack) {
  TempDir dir;
  constexpr int kDepth = 1'000'000;
  std::string body;
  body.reserve(kDepth * 12);
  for (int i = 0; i < kDepth; ++i) body += i % 2 ? "<w:p>" : "<w:r>";
  body += "<w:t>deep</w:t>";
  for (int i = kDepth - 1; i >= 0; --i) body += i % 2 ? "</w:p>" : "</w:r>";
  ASSERT_TRUE(
      test::write_zip(dir / "deep.docx", {{"word/document.xml", test::document_xml(body)}}));
  ImportLimits roomy;
  roomy.max_zip_ratio = 1'000'000;  // the nesting compresses far past the default ratio
  const ExtractResult r = extract_file(dir / "deep.docx", roomy);
  ASSERT_EQ(code_of(r), "ok");
  const std::string& text = std::get<ExtractedText>(r).text;
  EXPECT_NE(text.find("deep\n"), std::string::npos);
}

TEST(Docx, PlainTextNamedDocxIsNotAZip) {
  const ExtractResult r = extract_text("report.docx", "What is working well\nTime.\n", {});
  EXPECT_EQ(code_of(r), "not_a_zip");
  // A zip signature with nothing valid behind it is not a zip either.
  EXPECT_EQ(code_of(extract_text("report.docx", std::string("PK\x03\x04garbage", 11), {})),
            "not_a_zip");
}

TEST(Docx, ZipWithoutDocumentXml) {
  TempDir dir;
  ASSERT_TRUE(
      test::write_zip(dir / "a.docx", {{"hello.txt", "hello"}, {"word/styles.xml", "<x/>"}}));
  EXPECT_EQ(code_of(extract_file(dir / "a.docx", {})), "docx_no_document");
}

TEST(Docx, MalformedXmlIsCorrupt) {
  TempDir dir;
  ASSERT_TRUE(test::write_zip(dir / "a.docx", {{"word/document.xml", "<w:document><w:body>"}}));
  EXPECT_EQ(code_of(extract_file(dir / "a.docx", {})), "docx_corrupt");
}

TEST(Docx, ZipBombPastTheDefaultLimitIsRefusedBeforeInflating) {
  TempDir dir;
  // 80 MB of spaces inside a valid document: deflates to well under a megabyte.
  const std::string huge =
      test::document_xml("<w:p><w:r><w:t>" + std::string(80 << 20, ' ') + "</w:t></w:r></w:p>");
  ASSERT_TRUE(test::write_zip(dir / "bomb.docx", {{"word/document.xml", huge}}));
  EXPECT_LT(std::filesystem::file_size(dir / "bomb.docx"), 1u << 20);
  const ExtractResult r = extract_file(dir / "bomb.docx", {});
  ASSERT_EQ(code_of(r), "zip_bomb");
  EXPECT_NE(std::get<ImportError>(r).detail.find("64 MB"), std::string::npos);
}

TEST(Docx, HighCompressionRatioIsRefusedEvenUnderTheSizeLimit) {
  TempDir dir;
  // 1 MB of one repeated character compresses about 1000 times: far past a ratio of 100.
  const std::string xml =
      test::document_xml("<w:p><w:r><w:t>" + std::string(1 << 20, 'a') + "</w:t></w:r></w:p>");
  ASSERT_TRUE(test::write_zip(dir / "ratio.docx", {{"word/document.xml", xml}}));
  const ExtractResult r = extract_file(dir / "ratio.docx", {});
  ASSERT_EQ(code_of(r), "zip_bomb");
  EXPECT_NE(std::get<ImportError>(r).detail.find("times"), std::string::npos);
  // The same file is fine when the ratio limit allows it.
  ImportLimits generous;
  generous.max_zip_ratio = 5000;
  EXPECT_EQ(code_of(extract_file(dir / "ratio.docx", generous)), "ok");
}

TEST(Docx, TooManyEntriesIsRefused) {
  TempDir dir;
  std::vector<std::pair<std::string, std::string>> entries;
  entries.emplace_back("word/document.xml",
                       test::document_xml("<w:p><w:r><w:t>Hi</w:t></w:r></w:p>"));
  for (int i = 0; i < 20; ++i) entries.emplace_back("media/" + std::to_string(i), "x");
  ASSERT_TRUE(test::write_zip(dir / "many.docx", entries));
  ImportLimits limits;
  limits.max_zip_entries = 10;
  EXPECT_EQ(code_of(extract_file(dir / "many.docx", limits)), "zip_bomb");
  EXPECT_EQ(code_of(extract_file(dir / "many.docx", {})), "ok");
}

// Overwrites the 4-byte little-endian uncompressed size in every local and central header.
void understate_sizes(std::string& zip, std::uint32_t size) {
  auto put = [&](std::size_t at) {
    for (int k = 0; k < 4; ++k) zip[at + k] = static_cast<char>((size >> (8 * k)) & 0xFF);
  };
  for (std::size_t at = zip.find("PK\x03\x04"); at != std::string::npos;
       at = zip.find("PK\x03\x04", at + 4))
    put(at + 22);
  for (std::size_t at = zip.find("PK\x01\x02"); at != std::string::npos;
       at = zip.find("PK\x01\x02", at + 4))
    put(at + 24);
}

TEST(Docx, ZipThatUnderstatesItsSizeStopsAtTheDeclaredSize) {
  TempDir dir;
  // Random-looking letters so the compressed size is close to the real size, which keeps
  // the ratio check quiet and leaves the bounded read to catch the lie.
  std::string letters;
  unsigned state = 7;
  for (int i = 0; i < 200000; ++i) {
    state = state * 1103515245u + 12345u;
    letters += static_cast<char>('a' + (state >> 16) % 26);
  }
  const std::string xml = test::document_xml("<w:p><w:r><w:t>" + letters + "</w:t></w:r></w:p>");
  ASSERT_TRUE(test::write_zip(dir / "liar.docx", {{"word/document.xml", xml}}));
  std::string bytes = test::read_file(dir / "liar.docx");
  ASSERT_EQ(code_of(extract_text("liar.docx", bytes, {})), "ok");
  understate_sizes(bytes, 1000);
  const ExtractResult r = extract_text("liar.docx", bytes, {});
  EXPECT_EQ(code_of(r), "zip_bomb") << std::get_if<ImportError>(&r)->detail;
}

}  // namespace
}  // namespace sgwrs::analysis
