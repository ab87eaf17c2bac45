// PDF files: real ones from LibreOffice, an encrypted one, and damaged ones.
#include <gtest/gtest.h>

#include "analysis/import/extract.hpp"
#include "analysis/import/headings.hpp"
#include "analysis/import/pdf_text.hpp"
#include "test_files.hpp"

namespace sgwrs::analysis {
namespace {

using test::TempDir;

using test::code_of;

const std::string kReport =
    "Adroddiad dilynol\n"
    "\n"
    "What's working well?\n"
    "Mae'r t\u00eem yn gwrando: \u0175yr, \u0177d, t\u00e2n.\n"
    "\n"
    "Beth sy'n rhwystro?\n"
    "Dim digon o amser.\n"
    "\n"
    "What would help\n"
    "Mentors.\n"
    "\n"
    "What leaders need to understand\n"
    "Reflection takes time.\n";

TEST(Pdf, RealPdfFromLibreOfficeKeepsWelshLettersAndHeadings) {
  SGWRS_REQUIRE_SOFFICE();
  TempDir dir;
  test::write_file(dir / "report.txt", kReport);
  ASSERT_TRUE(test::soffice_convert({dir / "report.txt"}, "pdf", dir.path(), ".pdf"));

  const ExtractResult r = extract_file(dir / "report.pdf", {});
  ASSERT_EQ(code_of(r), "ok") << std::get<ImportError>(r).detail;
  const ExtractedText& text = std::get<ExtractedText>(r);
  EXPECT_EQ(text.format, "pdf");
  // PDFs do not keep blank lines, but every line and letter comes back in order.
  EXPECT_EQ(text.text,
            "Adroddiad dilynol\nWhat's working well?\n"
            "Mae'r t\u00eem yn gwrando: \u0175yr, \u0177d, t\u00e2n.\n"
            "Beth sy'n rhwystro?\nDim digon o amser.\nWhat would help\nMentors.\n"
            "What leaders need to understand\nReflection takes time.");

  const ParsedReport p = split_headings(text.text);
  ASSERT_EQ(p.sections.size(), 5u);
  EXPECT_EQ(p.sections[1].heading, Heading::working_well);
  EXPECT_EQ(p.sections[2].heading, Heading::getting_in_the_way);
  EXPECT_EQ(p.sections[3].heading, Heading::make_a_difference);
  EXPECT_EQ(p.sections[4].heading, Heading::leaders_understand);
  // "Mae'r..." is the first body line: "Adroddiad dilynol\n" (18) + heading line (21).
  EXPECT_EQ(p.sections[1].body.start, 39u);

  // Recognised by content too, when the name has no extension.
  EXPECT_EQ(code_of(extract_text("upload", test::read_file(dir / "report.pdf"), {})), "ok");
}

TEST(Pdf, EncryptedPdfIsReportedAsEncrypted) {
  SGWRS_REQUIRE_SOFFICE();
  TempDir dir;
  test::write_file(dir / "secret.txt", kReport);
  ASSERT_TRUE(test::soffice_convert(
      {dir / "secret.txt"},
      "pdf:writer_pdf_Export:{\"EncryptFile\":{\"type\":\"boolean\",\"value\":\"true\"},"
      "\"DocumentOpenPassword\":{\"type\":\"string\",\"value\":\"secret\"}}",
      dir.path(), ".pdf"));
  // The file really is encrypted (LibreOffice ignores export options it does not know).
  ASSERT_NE(test::read_file(dir / "secret.pdf").find("/Encrypt"), std::string::npos);
  EXPECT_EQ(code_of(extract_file(dir / "secret.pdf", {})), "pdf_encrypted");
}

TEST(Pdf, TruncatedPdfIsCorrupt) {
  SGWRS_REQUIRE_SOFFICE();
  TempDir dir;
  test::write_file(dir / "report.txt", kReport);
  ASSERT_TRUE(test::soffice_convert({dir / "report.txt"}, "pdf", dir.path(), ".pdf"));
  const std::string whole = test::read_file(dir / "report.pdf");
  EXPECT_EQ(code_of(extract_text("cut.pdf", whole.substr(0, whole.size() / 2), {})), "pdf_corrupt");
}

TEST(Pdf, PageLimit) {
  SGWRS_REQUIRE_SOFFICE();
  TempDir dir;
  std::string long_report = "What is working well\n";
  for (int i = 1; i <= 150; ++i) long_report += "Line " + std::to_string(i) + " of the notes.\n";
  test::write_file(dir / "long.txt", long_report);
  ASSERT_TRUE(test::soffice_convert({dir / "long.txt"}, "pdf", dir.path(), ".pdf"));
  ImportLimits one_page;
  one_page.max_pdf_pages = 1;
  EXPECT_EQ(code_of(extract_file(dir / "long.pdf", one_page)), "pdf_too_many_pages");
  const ExtractResult r = extract_file(dir / "long.pdf", {});
  ASSERT_EQ(code_of(r), "ok");
  // Pages follow each other in order, separated by a blank line.
  const std::string& text = std::get<ExtractedText>(r).text;
  EXPECT_LT(text.find("Line 1 of"), text.find("Line 150 of"));
  EXPECT_NE(text.find("\n\n"), std::string::npos);
}

TEST(Pdf, NotAPdfAtAll) {
  EXPECT_EQ(code_of(extract_text("report.pdf", "What is working well\nTime\n", {})), "pdf_corrupt");
  EXPECT_EQ(code_of(extract_text("report.pdf", "%PDF-1.7\n1 0 obj garbage", {})), "pdf_corrupt");
}

}  // namespace
}  // namespace sgwrs::analysis
