// CSV: RFC 4180 quoting, a BOM for Excel, and cells that cannot run as formulas.
#include "analysis/report/csv.hpp"

#include <gtest/gtest.h>

#include "analysis/report/numbers.hpp"

namespace sgwrs::analysis {
namespace {

const std::string bom = "\xEF\xBB\xBF";

TEST(Csv, QuotesOnlyWhatNeedsQuotingWithCrlfAndBom) {
  Table t{{"theme", "quote", "reports"},
          {{"time", "a,b", "3"}, {"lead", "say \"hi\"", "4"}, {"risk", "line1\nline2", "0"}}};
  EXPECT_EQ(to_csv(t), bom +
                           "theme,quote,reports\r\n"
                           "time,\"a,b\",3\r\n"
                           "lead,\"say \"\"hi\"\"\",4\r\n"
                           "risk,\"line1\nline2\",0\r\n");
}

// Notes come first, one "# " line each (readers skip them as comments), then the header.
TEST(Csv, NotesComeFirstAsCommentLines) {
  Table t{{"theme", "reports"}, {{"time", "3"}}, {"Counts human coding.", "Left out, twice.\nx"}};
  EXPECT_EQ(to_csv(t), bom +
                           "# Counts human coding.\r\n"
                           "# Left out, twice. x\r\n"
                           "theme,reports\r\n"
                           "time,3\r\n");
}

TEST(Csv, NeutralisesFormulas) {
  EXPECT_EQ(neutralise_formula("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
  EXPECT_EQ(neutralise_formula("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
  EXPECT_EQ(neutralise_formula("-2+3"), "'-2+3");
  EXPECT_EQ(neutralise_formula("@SUM(A1:A2)"), "'@SUM(A1:A2)");
  EXPECT_EQ(neutralise_formula("\t=1"), "'\t=1");
  EXPECT_EQ(neutralise_formula("\r=1"), "'\r=1");
  EXPECT_EQ(neutralise_formula("plain text"), "plain text");
  EXPECT_EQ(neutralise_formula(""), "");
  // Plain numbers are data, not formulas.
  EXPECT_EQ(neutralise_formula("-3"), "-3");
  EXPECT_EQ(neutralise_formula("+2.5"), "+2.5");
  // Neutralised, then quoted because of the comma.
  EXPECT_EQ(to_csv({{}, {{"=1,2"}}}), bom + "\"'=1,2\"\r\n");
}

TEST(Csv, PadsShortRowsAndRepairsBadUtf8) {
  Table t{{"a", "b", "c"}, {{"x"}, {"caf\xC3", "Môn"}}};
  EXPECT_EQ(to_csv(t), bom + "a,b,c\r\nx,,\r\ncaf\xEF\xBF\xBD,Môn,\r\n");
}

TEST(Numbers, OnlyPlainDecimalsCount) {
  for (const char* yes : {"0", "34", "-3", "+2.5", "65.4", "0.48"})
    EXPECT_TRUE(is_plain_number(yes)) << yes;
  for (const char* no :
       {"", "-", "007", "W06000015", "1e5", "1,000", " 3", "3 ", "3.", ".5", "12a", "inf", "nan"})
    EXPECT_FALSE(is_plain_number(no)) << no;
  EXPECT_DOUBLE_EQ(*plain_number_value("+2.5"), 2.5);
  EXPECT_DOUBLE_EQ(*plain_number_value("-34"), -34.0);
  EXPECT_FALSE(plain_number_value("007"));
}

}  // namespace
}  // namespace sgwrs::analysis
