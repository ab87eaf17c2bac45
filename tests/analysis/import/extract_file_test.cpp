// Files on disk: size checked before reading, formats by extension and content.
#include <gtest/gtest.h>

#include <chrono>

#include "analysis/import/extract.hpp"
#include "test_files.hpp"

namespace sgwrs::analysis {
namespace {

using test::TempDir;

const ImportError* error_of(const ExtractResult& r) {
  return std::get_if<ImportError>(&r);
}

TEST(ExtractFile, FileOverTheSizeLimitIsRefusedBeforeReading) {
  TempDir dir;
  // A 200 MB sparse file: no disk used, and reading it would take noticeable time.
  { std::ofstream(dir / "huge.txt"); }
  std::filesystem::resize_file(dir / "huge.txt", 200u << 20);
  const auto start = std::chrono::steady_clock::now();
  const ExtractResult r = extract_file(dir / "huge.txt", {});
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_NE(error_of(r), nullptr);
  EXPECT_EQ(error_of(r)->code, "too_large");
  EXPECT_NE(error_of(r)->detail.find("209715200"), std::string::npos);
  EXPECT_LT(elapsed, std::chrono::milliseconds(50));

  // The limit is exact: at it is fine, one byte over is not.
  ImportLimits limits;
  limits.max_file_bytes = 10;
  test::write_file(dir / "ten.txt", "0123456789");
  test::write_file(dir / "eleven.txt", "0123456789A");
  EXPECT_EQ(error_of(extract_file(dir / "ten.txt", limits)), nullptr);
  ASSERT_NE(error_of(extract_file(dir / "eleven.txt", limits)), nullptr);
  EXPECT_EQ(error_of(extract_file(dir / "eleven.txt", limits))->code, "too_large");
  // Uploads are checked the same way.
  EXPECT_EQ(error_of(extract_text("up.txt", "0123456789A", limits))->code, "too_large");
}

TEST(ExtractFile, FormatsByExtension) {
  TempDir dir;
  test::write_file(dir / "a.TXT", "Hello\r\n");
  test::write_file(dir / "b.markdown", "**Hello**\n");
  const ExtractResult a = extract_file(dir / "a.TXT", {});
  const ExtractResult b = extract_file(dir / "b.markdown", {});
  ASSERT_EQ(error_of(a), nullptr);
  ASSERT_EQ(error_of(b), nullptr);
  EXPECT_EQ(std::get<ExtractedText>(a).format, "txt");
  EXPECT_EQ(std::get<ExtractedText>(a).text, "Hello\n");
  EXPECT_EQ(std::get<ExtractedText>(b).format, "md");
  EXPECT_EQ(std::get<ExtractedText>(b).text, "Hello\n");
}

TEST(ExtractFile, UnknownFormatsAreRefusedWithAHint) {
  ASSERT_NE(error_of(extract_text("sheet.xlsx", "text", {})), nullptr);
  EXPECT_EQ(error_of(extract_text("sheet.xlsx", "text", {}))->code, "unknown_format");
  const ExtractResult old = extract_text("old.doc", "\xD0\xCF\x11\xE0", {});
  const ImportError* doc = error_of(old);
  ASSERT_NE(doc, nullptr);
  EXPECT_EQ(doc->code, "unknown_format");
  EXPECT_NE(doc->detail.find(".docx"), std::string::npos);
  EXPECT_EQ(error_of(extract_text("README", "plain words", {}))->code, "unknown_format");
}

TEST(ExtractFile, MissingFileOrFolderIsUnreadable) {
  TempDir dir;
  EXPECT_EQ(error_of(extract_file(dir / "none.txt", {}))->code, "unreadable");
  EXPECT_EQ(error_of(extract_file(dir.path(), {}))->code, "unreadable");
}

}  // namespace
}  // namespace sgwrs::analysis
