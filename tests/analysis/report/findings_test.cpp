// The draft headline findings: the sentence in English and Welsh, the draft table, and its
// Markdown and HTML renderings. Reports: see report_fixtures.hpp.
#include "analysis/report/findings.hpp"

#include <gtest/gtest.h>

#include "analysis/report/report_fixtures.hpp"

namespace sgwrs::analysis {
namespace {

TEST(WhatTheDataShows, TheWorkedExample) {
  // 34 / 52 = 65.4% -> 65%; 48% the year before -> up.
  ThemeSummary s{34, 52, "getting-in-the-way", ThemeSummary::Previous{2024, 0.48}};
  EXPECT_EQ(what_the_data_shows_sentence(s, Language::en),
            "Raised in 34 of 52 reports (65%), most often under ‘What gets in the way’; up from "
            "48% in 2024.");
  EXPECT_EQ(what_the_data_shows_sentence(s, Language::cy),
            "Wedi’i chodi mewn 34 o’r 52 adroddiad (65%), yn amlaf o dan ‘Beth sy’n rhwystro’; i "
            "fyny o 48% yn 2024.");
}

TEST(WhatTheDataShows, RoundsHalfUpAndComparesRoundedFigures) {
  // 1 / 8 = 12.5% -> 13%.
  EXPECT_EQ(what_the_data_shows_sentence({1, 8, std::nullopt, std::nullopt}, Language::en),
            "Raised in 1 of 8 reports (13%).");
  // 0.654 and 0.6538 both round to 65%: said to be the same, not "up from 65%".
  ThemeSummary same{34, 52, std::nullopt, ThemeSummary::Previous{2024, 0.654}};
  EXPECT_EQ(what_the_data_shows_sentence(same, Language::en),
            "Raised in 34 of 52 reports (65%); the same as in 2024.");
  EXPECT_EQ(what_the_data_shows_sentence(same, Language::cy),
            "Wedi’i chodi mewn 34 o’r 52 adroddiad (65%); yr un fath ag yn 2024.");
}

TEST(WhatTheDataShows, SingularZeroAndEmpty) {
  EXPECT_EQ(what_the_data_shows_sentence({1, 1, "working-well", std::nullopt}, Language::en),
            "Raised in 1 of 1 report (100%), most often under ‘What is working well’.");
  EXPECT_EQ(what_the_data_shows_sentence({0, 3, std::nullopt, ThemeSummary::Previous{2024, 0.25}},
                                         Language::en),
            "Not raised in any of the 3 reports; down from 25% in 2024.");
  EXPECT_EQ(what_the_data_shows_sentence({0, 3, std::nullopt, std::nullopt}, Language::cy),
            "Heb ei chodi yn yr un o’r 3 adroddiad.");
  EXPECT_EQ(what_the_data_shows_sentence({}, Language::en), "No reports to count yet.");
  EXPECT_EQ(what_the_data_shows_sentence({}, Language::cy), "Dim adroddiadau i’w cyfrif eto.");
}

TEST(SummariseTheme, CountsTheYearAndComparesWithTheYearBefore) {
  // 2025: reports 3..7; time in 4 and 6 (both under getting-in-the-way) -> 2 of 5.
  // 2024: reports 1, 2, both raise time -> 100%.
  ThemeSummary s = summarise_theme(test::seven_reports(), "time", 2025);
  EXPECT_EQ(s.reports_with_theme, 2u);
  EXPECT_EQ(s.reports_total, 5u);
  EXPECT_EQ(s.top_heading, "getting-in-the-way");
  ASSERT_TRUE(s.previous);
  EXPECT_EQ(s.previous->year, 2024);
  EXPECT_DOUBLE_EQ(s.previous->share, 1.0);
  EXPECT_EQ(what_the_data_shows_sentence(s, Language::en),
            "Raised in 2 of 5 reports (40%), most often under ‘What gets in the way’; down from "
            "100% in 2024.");

  ThemeSummary all_years = summarise_theme(test::seven_reports(), "listening");
  EXPECT_EQ(all_years.reports_with_theme, 2u);
  EXPECT_EQ(all_years.reports_total, 7u);
  EXPECT_FALSE(all_years.previous);  // no year asked, nothing to compare with
  EXPECT_FALSE(summarise_theme(test::seven_reports(), "time", 2024).previous);
}

TEST(DraftFindings, MostPrevalentFirstWithAtMostThreeQuotes) {
  std::map<std::string, std::vector<Quote>> quotes{
      {"time",
       {{"No time to think.", "A", "Adult social care", 2025},
        {"Caseloads are too high.", "B", "Housing", 2025},
        {"Admin eats the day.", "A", "Adult social care", 2025},
        {"A fourth quote.", "B", "Housing", 2025}}}};
  auto findings =
      draft_findings(test::seven_reports(), {"listening", "time", "supervision"},
                     {{"time", "Time and capacity"}}, quotes, std::nullopt, Language::en);
  // time 4 of 7, listening 2 of 7, supervision never raised (left out).
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].theme_id, "time");
  EXPECT_EQ(findings[0].theme_name, "Time and capacity");
  EXPECT_EQ(findings[0].quotes.size(), 3u);
  EXPECT_EQ(findings[0].what_the_data_shows,
            "Raised in 4 of 7 reports (57%), most often under ‘What gets in the way’.");
  EXPECT_TRUE(findings[0].why_it_matters.empty());  // the analyst writes it
  EXPECT_EQ(findings[1].theme_id, "listening");
  EXPECT_EQ(findings[1].theme_name, "listening");  // no name given: the id
}

std::vector<Finding> risky_findings() {
  return {{"time",
           "Time | capacity",
           "Raised in 4 of 7 reports (57%).",
           "Staff <script>alert(1)</script> & *leaders*",
           {{"We \"never\" stop\nat all", "Cyngor Sir <Ynys Môn>", "Oedolion", 2025}}}};
}

TEST(FindingsMarkdown, EscapesTextSoTheTableHolds) {
  const std::string md = findings_markdown(risky_findings(), Language::en);
  EXPECT_EQ(md,
            "## Headline findings\n\n"
            "| Theme | What the data shows | Why it matters |\n"
            "| --- | --- | --- |\n"
            "| Time \\| capacity | Raised in 4 of 7 reports (57%).<br>“We \"never\" stop at all” — "
            "Cyngor Sir &lt;Ynys Môn&gt;, Oedolion, 2025 | Staff &lt;script&gt;alert(1)&lt;/"
            "script&gt; &amp; \\*leaders\\* |\n");
  EXPECT_NE(findings_markdown({}, Language::cy)
                .find("| Thema | Beth mae’r data’n ei ddangos | Pam mae’n "
                      "bwysig |"),
            std::string::npos);
}

TEST(FindingsHtml, AccessibleTableWithEverythingEscaped) {
  const std::string html = findings_html(risky_findings(), Language::en);
  EXPECT_NE(html.find("<caption class=\"govuk-table__caption govuk-table__caption--m\">Headline "
                      "findings</caption>"),
            std::string::npos);
  EXPECT_NE(html.find("<th scope=\"col\" class=\"govuk-table__header\">What the data shows</th>"),
            std::string::npos);
  EXPECT_NE(html.find("<th scope=\"row\" class=\"govuk-table__header\">Time | capacity</th>"),
            std::string::npos);
  EXPECT_NE(html.find("<li><q>We &quot;never&quot; stop\nat all</q> — Cyngor Sir &lt;Ynys "
                      "Môn&gt;, Oedolion, 2025</li>"),
            std::string::npos);
  EXPECT_NE(html.find("Staff &lt;script&gt;alert(1)&lt;/script&gt; &amp; *leaders*"),
            std::string::npos);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(findings_html({}, Language::cy).find(">Prif ganfyddiadau</caption>"),
            std::string::npos);
}

}  // namespace
}  // namespace sgwrs::analysis
