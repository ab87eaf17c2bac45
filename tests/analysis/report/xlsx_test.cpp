// XLSX: numbers stored as numbers, text as shared strings (never formulas), sheet names
// checked, nothing left behind on failure. Read back by unzipping the workbook.
#include "analysis/report/xlsx.hpp"

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "analysis/report/export_test_support.hpp"

namespace sgwrs::analysis {
namespace {

using test::ScratchDir;
using test::zip_entry;

struct SheetCell {
  std::string type;   // the t attribute: "s" shared string, "" number
  std::string value;  // <v> text, or the shared string it points to
  bool formula = false;
};

// The cell at `ref` (e.g. "B2") in worksheet `n`, resolving shared strings.
std::optional<SheetCell> cell(const std::filesystem::path& xlsx, int n, const std::string& ref) {
  auto sheet = zip_entry(xlsx, "xl/worksheets/sheet" + std::to_string(n) + ".xml");
  if (!sheet) return std::nullopt;
  pugi::xml_document doc;
  doc.load_string(sheet->c_str());
  pugi::xml_node c = doc.select_node(("//c[@r='" + ref + "']").c_str()).node();
  if (!c) return std::nullopt;
  SheetCell out{c.attribute("t").value(), c.child("v").text().get(), bool(c.child("f"))};
  if (out.type == "s") {
    auto strings = zip_entry(xlsx, "xl/sharedStrings.xml");
    pugi::xml_document sst;
    sst.load_string(strings->c_str());
    int index = std::stoi(out.value);
    for (pugi::xml_node si : sst.child("sst").children("si"))
      if (index-- == 0) out.value = si.child("t").text().get();
  }
  return out;
}

std::vector<std::pair<std::string, Table>> example_sheets() {
  return {{"Prevalence",
           {{"theme", "reports_with_theme", "percent", "code"},
            {{"time", "34", "65.4", "007"}, {"=HYPERLINK(\"x\")", "-3", "", "W06000015"}}}},
          {"Codings", {{"segment", "theme"}, {{"1", "Gwrando a myfyrio"}}}}};
}

TEST(Xlsx, NumbersAsNumbersTextAsTextNeverFormulas) {
  ScratchDir dir("xlsx");
  const auto path = dir / "matrix.xlsx";
  Status s = write_xlsx(example_sheets(), path);
  ASSERT_TRUE(s) << s.error().detail;

  auto header = cell(path, 1, "B1");
  ASSERT_TRUE(header);
  EXPECT_EQ(header->type, "s");
  EXPECT_EQ(header->value, "reports_with_theme");

  auto count = cell(path, 1, "B2");
  ASSERT_TRUE(count);
  EXPECT_EQ(count->type, "");  // a number
  EXPECT_EQ(count->value, "34");
  // libxlsxwriter writes 17 significant digits; it reads back as the same double.
  EXPECT_EQ(std::stod(cell(path, 1, "C2")->value), 65.4);
  EXPECT_EQ(cell(path, 1, "B3")->value, "-3");
  EXPECT_EQ(cell(path, 1, "B3")->type, "");

  auto code = cell(path, 1, "D2");  // "007" keeps its zeros as text
  EXPECT_EQ(code->type, "s");
  EXPECT_EQ(code->value, "007");

  auto formula = cell(path, 1, "A3");
  EXPECT_EQ(formula->type, "s");
  EXPECT_FALSE(formula->formula);
  EXPECT_EQ(formula->value, "=HYPERLINK(\"x\")");
  EXPECT_FALSE(cell(path, 1, "C3"));  // empty cells are not written

  EXPECT_EQ(cell(path, 2, "B2")->value, "Gwrando a myfyrio");
  auto workbook = zip_entry(path, "xl/workbook.xml");
  ASSERT_TRUE(workbook);
  EXPECT_NE(workbook->find("name=\"Prevalence\""), std::string::npos);
  EXPECT_NE(workbook->find("name=\"Codings\""), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir / "matrix.xlsx.partial"));
}

// Notes are the first rows of the sheet; the header follows them.
TEST(Xlsx, NotesAreTheFirstRows) {
  ScratchDir dir("xlsx-notes");
  const auto path = dir / "notes.xlsx";
  Table t{{"theme", "reports"}, {{"time", "3"}}, {"Counts human coding.", "Some are left out."}};
  ASSERT_TRUE(write_xlsx({{"organisation", t}}, path));
  EXPECT_EQ(cell(path, 1, "A1")->value, "Counts human coding.");
  EXPECT_EQ(cell(path, 1, "A2")->value, "Some are left out.");
  EXPECT_EQ(cell(path, 1, "A3")->value, "theme");
  EXPECT_EQ(cell(path, 1, "B4")->value, "3");
}

TEST(Xlsx, BadSheetNamesAreRefusedAndLeaveNoFile) {
  ScratchDir dir("xlsx-bad");
  const auto path = dir / "out.xlsx";
  for (const std::string bad :
       {"Matrix/2025", "", "A name far longer than thirty-one characters"}) {
    Status s = write_xlsx({{bad, Table{{"a"}, {}}}}, path);
    ASSERT_FALSE(s) << bad;
    EXPECT_EQ(s.error().code, Errc::invalid);
    EXPECT_EQ(s.error().key, "export.invalid_sheet");
  }
  Status dup = write_xlsx({{"Matrix", {}}, {"matrix", {}}}, path);
  ASSERT_FALSE(dup);
  EXPECT_NE(dup.error().detail.find("'matrix' is used twice"), std::string::npos);
  EXPECT_FALSE(write_xlsx({}, path));
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(Xlsx, FixedCreationTimeGivesTheSameBytes) {
  ScratchDir dir("xlsx-repro");
  XlsxOptions options{1735732800};  // 2025-01-01T12:00:00Z
  ASSERT_TRUE(write_xlsx(example_sheets(), dir / "a.xlsx", options));
  ASSERT_TRUE(write_xlsx(example_sheets(), dir / "b.xlsx", options));
  EXPECT_EQ(test::read_file(dir / "a.xlsx"), test::read_file(dir / "b.xlsx"));
  auto core = zip_entry(dir / "a.xlsx", "docProps/core.xml");
  ASSERT_TRUE(core);
  EXPECT_NE(core->find("2025-01-01T12:00:00Z"), std::string::npos) << *core;
}

TEST(Xlsx, UnwritablePlaceIsAnError) {
  Status s = write_xlsx(example_sheets(), "/nonexistent-folder/out.xlsx");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, Errc::unavailable);
  EXPECT_EQ(s.error().key, "export.write_failed");
}

}  // namespace
}  // namespace sgwrs::analysis
