// A folder of reports in every format, some broken, with metadata in reports.csv: every
// good file is imported and every bad one is reported, by name.
#include <gtest/gtest.h>

#include "analysis/import/folder_import.hpp"
#include "test_files.hpp"

namespace sgwrs::analysis {
namespace {

using test::TempDir;

const char* kReport =
    "What is working well\nWe listen more.\n\nWhat gets in the way\nForms.\n\n"
    "What would make a difference\nTime.\n\nMessages for leaders\nJoin us.\n";

TEST(FolderImport, ImportsGoodFilesAndReportsBadOnesByName) {
  SGWRS_REQUIRE_SOFFICE();
  TempDir dir;
  TempDir scratch;
  test::write_file(scratch / "c.txt", kReport);
  test::write_file(scratch / "d.txt", kReport);
  ASSERT_TRUE(test::soffice_convert({scratch / "c.txt"}, "docx", dir.path(), ".docx"));
  ASSERT_TRUE(test::soffice_convert({scratch / "d.txt"}, "pdf", dir.path(), ".pdf"));
  test::write_file(dir / "a.txt", kReport);
  test::write_file(dir / "b.md", std::string("# Beth sy'n gweithio'n dda?\n**Mentora**.\n"));
  test::write_file(dir / "e.docx", "I am plain text in disguise");
  test::write_file(dir / "f.pdf", "not a pdf");
  test::write_file(dir / "g.txt", "   \n\n");
  test::write_file(dir / "h.txt", "Notes from the day, with no headings at all.\n");
  test::write_file(dir / "notes.xlsx", "PK not really");
  test::write_file(dir / ".hidden.txt", kReport);
  test::write_file(dir / "~$c.docx", "lock file");
  std::filesystem::create_directory(dir / "sub");
  test::write_file(dir / "sub" / "x.txt", kReport);
  test::write_file(dir / "reports.csv",
                   "file,organisation,service_area,date,group_size,title\n"
                   "a.txt,Cardiff Council,Adult social care,2024-05-01,10,Spring\n"
                   "c.docx,\"Cyngor Gwynedd\",Children's services,2023-11-20,8,Hydref\n"
                   "d.pdf,Powys,Housing,2024-13-01,9,Bad date\n"
                   "h.txt,Powys,Housing,2024-01-01,many,Bad size\n"
                   "missing.txt,Powys,Housing,2024-01-01,9,Not there\n");

  std::vector<std::pair<std::size_t, std::size_t>> calls;
  const FolderImport result =
      import_folder(dir.path(), {},
                    [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); });

  // Progress: once before, then once per file (nine files: hidden, lock, csv, sub skipped).
  ASSERT_EQ(calls.size(), 10u);
  for (std::size_t k = 0; k < calls.size(); ++k) EXPECT_EQ(calls[k], std::make_pair(k, 9ul));

  std::vector<std::string> names;
  for (const auto& r : result.reports) names.push_back(r.file_name);
  EXPECT_EQ(names, (std::vector<std::string>{"a.txt", "b.md", "c.docx", "d.pdf", "h.txt"}));

  const ImportedReport& a = result.reports[0];
  EXPECT_EQ(a.extracted.format, "txt");
  EXPECT_EQ(a.parsed.sections.size(), 4u);
  EXPECT_TRUE(a.warnings.empty());
  ASSERT_TRUE(a.meta.has_value());
  EXPECT_EQ(a.meta->organisation, "Cardiff Council");
  EXPECT_EQ(a.meta->service_area, "Adult social care");
  EXPECT_EQ(a.meta->date, "2024-05-01");
  EXPECT_EQ(a.meta->group_size, 10);
  EXPECT_EQ(a.meta->title, "Spring");

  const ImportedReport& b = result.reports[1];
  EXPECT_EQ(b.extracted.text, "Beth sy'n gweithio'n dda?\nMentora.\n");
  ASSERT_EQ(b.parsed.sections.size(), 1u);
  EXPECT_EQ(b.parsed.sections[0].heading, Heading::working_well);
  EXPECT_FALSE(b.meta.has_value());  // no row for it

  const ImportedReport& c = result.reports[2];
  EXPECT_EQ(c.extracted.format, "docx");
  EXPECT_EQ(c.parsed.sections.size(), 4u);
  ASSERT_TRUE(c.meta.has_value());
  EXPECT_EQ(c.meta->organisation, "Cyngor Gwynedd");

  const ImportedReport& d = result.reports[3];
  EXPECT_EQ(d.extracted.format, "pdf");
  EXPECT_EQ(d.parsed.sections.size(), 4u);
  EXPECT_FALSE(d.meta.has_value());  // its row has a bad date, so it is not used

  const ImportedReport& h = result.reports[4];
  EXPECT_EQ(h.warnings, std::vector<std::string>{"no_headings"});
  ASSERT_EQ(h.parsed.sections.size(), 1u);
  EXPECT_EQ(h.parsed.sections[0].heading, Heading::other);

  std::vector<std::pair<std::string, std::string>> problems;
  for (const auto& p : result.problems) problems.emplace_back(p.file_name, p.error.code);
  EXPECT_EQ(problems, (std::vector<std::pair<std::string, std::string>>{
                          {"e.docx", "not_a_zip"},
                          {"f.pdf", "pdf_corrupt"},
                          {"g.txt", "empty"},
                          {"notes.xlsx", "unknown_format"},
                          {"reports.csv", "metadata_bad_date"},
                          {"reports.csv", "metadata_bad_group_size"},
                          {"reports.csv", "metadata_unknown_file"}}));
  EXPECT_TRUE(result.problems[4].error.detail.starts_with("row 4:"));
  EXPECT_TRUE(result.problems[5].error.detail.starts_with("row 5:"));
  EXPECT_TRUE(result.problems[6].error.detail.starts_with("row 6:"));
}

TEST(FolderImport, WithoutMetadataFileEveryReportHasNoMeta) {
  TempDir dir;
  test::write_file(dir / "z.txt", kReport);
  test::write_file(dir / "y.md", kReport);
  const FolderImport result = import_folder(dir.path(), {});
  ASSERT_EQ(result.reports.size(), 2u);
  EXPECT_EQ(result.reports[0].file_name, "y.md");
  EXPECT_FALSE(result.reports[0].meta.has_value());
  EXPECT_TRUE(result.problems.empty());
}

TEST(FolderImport, MissingFolderIsOneProblem) {
  TempDir dir;
  const FolderImport result = import_folder(dir / "nope", {});
  EXPECT_TRUE(result.reports.empty());
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].error.code, "unreadable");
}

}  // namespace
}  // namespace sgwrs::analysis
