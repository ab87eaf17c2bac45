// Report metadata from CSV: RFC 4180 quoting, and row-level problems that name the row.
#include <gtest/gtest.h>

#include "analysis/import/metadata_csv.hpp"

namespace sgwrs::analysis {
namespace {

TEST(MetadataCsv, QuotingCommasNewlinesAndAnyColumnOrder) {
  const MetadataCsv csv = parse_metadata_csv(
      "\xEF\xBB\xBF"
      "Title,File,Organisation,Service area,Date,Group_size,Notes\r\n"
      "\"Follow-up, spring\",a.docx,\"Cyngor \"\"Sir\"\" Ddinbych\",Children's services,"
      "2024-03-07,11,x\r\n"
      "\r\n"
      "\"Two\nlines\", b.pdf ,Cardiff Council,Adult social care,07/03/2024,,\n"
      "Café,c.txt,,,,9,\n");
  EXPECT_TRUE(csv.problems.empty());
  ASSERT_EQ(csv.rows.size(), 3u);
  EXPECT_EQ(csv.rows[0].row, 2u);
  EXPECT_EQ(csv.rows[0].file_name, "a.docx");
  EXPECT_EQ(csv.rows[0].meta.title, "Follow-up, spring");
  EXPECT_EQ(csv.rows[0].meta.organisation, "Cyngor \"Sir\" Ddinbych");
  EXPECT_EQ(csv.rows[0].meta.service_area, "Children's services");
  EXPECT_EQ(csv.rows[0].meta.date, "2024-03-07");
  EXPECT_EQ(csv.rows[0].meta.group_size, 11);
  // Row 3 is blank; the quoted line break keeps the next record one row (row 4).
  EXPECT_EQ(csv.rows[1].row, 4u);
  EXPECT_EQ(csv.rows[1].file_name, "b.pdf");
  EXPECT_EQ(csv.rows[1].meta.title, "Two\nlines");
  EXPECT_EQ(csv.rows[1].meta.date, "2024-03-07");  // UK day-first date, stored as ISO
  EXPECT_EQ(csv.rows[1].meta.group_size, 0);       // not given
  EXPECT_EQ(csv.rows[2].row, 5u);
  EXPECT_EQ(csv.rows[2].meta.title, "Caf\u00e9");
}

TEST(MetadataCsv, RowProblemsNameTheRowAndDropOnlyThatRow) {
  const MetadataCsv csv = parse_metadata_csv(
      "file,organisation,date,group_size\n"
      "a.txt,A,2023-02-29,10\n"    // row 2: 2023 is not a leap year
      "b.txt,B,2024-02-29,10\n"    // row 3: fine (2024 is)
      "c.txt,C,31/04/2024,10\n"    // row 4: April has 30 days
      "d.txt,D,2024-01-05,ten\n"   // row 5
      "e.txt,E,2024-01-05,0\n"     // row 6
      ",F,2024-01-05,3\n"          // row 7: no file
      "b.txt,B2,2024-01-05,3\n");  // row 8: second row for b.txt
  ASSERT_EQ(csv.rows.size(), 1u);
  EXPECT_EQ(csv.rows[0].file_name, "b.txt");
  EXPECT_EQ(csv.rows[0].meta.organisation, "B");
  ASSERT_EQ(csv.problems.size(), 6u);
  const std::vector<std::pair<std::size_t, std::string>> expected = {
      {2, "metadata_bad_date"},       {4, "metadata_bad_date"}, {5, "metadata_bad_group_size"},
      {6, "metadata_bad_group_size"}, {7, "metadata_no_file"},  {8, "metadata_duplicate_file"}};
  for (std::size_t k = 0; k < expected.size(); ++k) {
    EXPECT_EQ(csv.problems[k].row, expected[k].first);
    EXPECT_EQ(csv.problems[k].error.code, expected[k].second);
    EXPECT_TRUE(
        csv.problems[k].error.detail.starts_with("row " + std::to_string(expected[k].first)))
        << csv.problems[k].error.detail;
  }
  EXPECT_EQ(csv.problems[2].file_name, "d.txt");
}

TEST(MetadataCsv, WholeFileProblems) {
  auto only_code = [](const MetadataCsv& csv) {
    return csv.rows.empty() && csv.problems.size() == 1 ? csv.problems[0].error.code : "?";
  };
  EXPECT_EQ(only_code(parse_metadata_csv("name,organisation\na.txt,A\n")),
            "metadata_no_file_column");
  EXPECT_EQ(only_code(parse_metadata_csv("file,title\na.txt,\"never closed\n")),
            "metadata_bad_csv");
  EXPECT_EQ(only_code(parse_metadata_csv("file,title\na.txt,\"x\"y\n")), "metadata_bad_csv");
  EXPECT_EQ(only_code(parse_metadata_csv(std::string("file\0\x01", 6))), "unknown_encoding");
  EXPECT_EQ(only_code(parse_metadata_csv("")), "metadata_no_file_column");
}

TEST(MetadataCsv, SpreadsheetEncodings) {
  // Excel's "CSV" in Windows-1252, and its "Unicode text" in UTF-16 LE.
  const MetadataCsv cp1252 = parse_metadata_csv("file,organisation\na.txt,Caf\xE9\n");
  ASSERT_EQ(cp1252.rows.size(), 1u);
  EXPECT_EQ(cp1252.rows[0].meta.organisation, "Caf\u00e9");
  const MetadataCsv utf16 =
      parse_metadata_csv(std::string("\xFF\xFE"
                                     "f\0i\0l\0e\0\n\0a\0\n\0",
                                     16));
  ASSERT_EQ(utf16.rows.size(), 1u);
  EXPECT_EQ(utf16.rows[0].file_name, "a");
}

}  // namespace
}  // namespace sgwrs::analysis
