#include "analysis/text/codebook.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

namespace sgwrs::analysis {
namespace {

const char* kMinimal = R"({
  "name": "Test",
  "version": 2,
  "themes": [
    {
      "id": "time-and-capacity",
      "name": {"en": "Time and capacity", "cy": "Amser a chapasiti"},
      "indicators": {"en": ["no time", {"phrase": "caseload", "weight": 1.5}], "cy": ["amser"]}
    },
    {
      "id": "caseloads",
      "parent_id": "time-and-capacity",
      "name": {"en": "Caseloads", "cy": "Llwythi achosion"},
      "replaces": ["workload"]
    }
  ]
})";

std::string detail_of(std::string_view json) {
  auto r = parse_codebook_json(json);
  if (r) return "(parsed)";
  EXPECT_EQ(r.error().code, Errc::invalid);
  return r.error().detail;
}

TEST(Codebook, ParsesFieldsIndicatorsAndWeights) {
  auto r = parse_codebook_json(kMinimal);
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_EQ(r->name, "Test");
  EXPECT_EQ(r->version, 2);
  ASSERT_EQ(r->themes.size(), 2u);
  const ThemeDef& t = r->themes[0];
  EXPECT_EQ(t.name_cy, "Amser a chapasiti");
  ASSERT_EQ(t.indicators.size(), 3u);
  EXPECT_EQ(t.indicators[0], (Indicator{"no time", Language::en, 1.0}));
  EXPECT_EQ(t.indicators[1], (Indicator{"caseload", Language::en, 1.5}));
  EXPECT_EQ(t.indicators[2], (Indicator{"amser", Language::cy, 1.0}));
  EXPECT_EQ(r->themes[1].parent_id, "time-and-capacity");
  EXPECT_EQ(r->themes[1].replaces, std::vector<std::string>{"workload"});
  EXPECT_EQ(find_theme(*r, "caseloads"), &r->themes[1]);
  EXPECT_EQ(find_theme(*r, "nope"), nullptr);
}

TEST(Codebook, RoundTripsExactly) {
  auto r = parse_codebook_json(kMinimal);
  ASSERT_TRUE(r);
  std::string json = codebook_to_json(*r);
  auto again = parse_codebook_json(json);
  ASSERT_TRUE(again) << again.error().detail;
  EXPECT_EQ(*again, *r);
  EXPECT_EQ(codebook_to_json(*again), json);
  EXPECT_NE(json.find(R"({"phrase": "caseload", "weight": 1.5})"), std::string::npos);
  // Text needing escapes survives too.
  Codebook c = *r;
  c.themes[0].description_en = "Quotes \" and \\ and\nnew lines, tabs\t, Welsh ŵ ŷ";
  auto escaped = parse_codebook_json(codebook_to_json(c));
  ASSERT_TRUE(escaped);
  EXPECT_EQ(*escaped, c);
}

TEST(Codebook, ErrorsNameTheFieldAndTheProblem) {
  EXPECT_EQ(detail_of("{"), "(document): is not valid JSON: incomplete JSON");
  EXPECT_EQ(detail_of("[]"), "(document): must be a JSON object");
  EXPECT_EQ(detail_of(R"({"version": 1, "themes": []})"), "name: is missing");
  EXPECT_EQ(detail_of(R"({"name": "x", "version": 0, "themes": []})"),
            "version: must be a whole number, 1 or more");
  EXPECT_EQ(detail_of(R"({"name": "x", "version": 1, "themes": [], "colour": 1})"),
            "colour: is not a known field (check the spelling)");
  std::string base = R"({"name": "x", "version": 1, "themes": [)";
  auto theme = [](std::string body) { return "{" + body + "}"; };
  std::string names = R"("name": {"en": "A", "cy": "B"})";
  EXPECT_EQ(detail_of(base + theme(R"("id": "Time", )" + names) + "]}"),
            "themes[0].id: \"Time\" is not a valid id: use lower-case letters and digits in "
            "words joined by single hyphens, e.g. time-and-capacity");
  EXPECT_EQ(detail_of(base + theme(R"("id": "a--b", )" + names) + "]}").substr(0, 16),
            "themes[0].id: \"a");
  EXPECT_EQ(detail_of(base + theme(R"("id": "a", )" + names) + "," +
                      theme(R"("id": "a", )" + names) + "]}"),
            "themes[1].id: \"a\" is already the id of themes[0]");
  EXPECT_EQ(detail_of(base + theme(R"("id": "a", "name": {"en": "A", "cy": " "})") + "]}"),
            "themes[0].name.cy: must not be empty");
  EXPECT_EQ(detail_of(base + theme(R"("id": "a", "name": {"en": "A"})") + "]}"),
            "themes[0].name.cy: is missing");
  EXPECT_EQ(detail_of(base + theme(R"("id": "a", "parent_id": "b", )" + names) + "]}"),
            "themes[0].parent_id: \"b\" is not the id of any theme");
  EXPECT_EQ(detail_of(base + theme(R"("id": "a", "parent_id": "a", )" + names) + "]}"),
            "themes[0].parent_id: a theme cannot be its own parent");
  EXPECT_EQ(detail_of(base + theme(R"("id": "a", "parent_id": "b", )" + names) + "," +
                      theme(R"("id": "b", "parent_id": "a", )" + names) + "]}"),
            "themes[0].parent_id: parents form a cycle through \"a\"");
  EXPECT_EQ(
      detail_of(base + theme(R"("id": "a", )" + names + R"(, "indicators": {"cy": ["x", "  "]})") +
                "]}"),
      "themes[0].indicators.cy[1]: must contain at least one word");
  EXPECT_EQ(detail_of(base +
                      theme(R"("id": "a", )" + names +
                            R"(, "indicators": {"en": [{"phrase": "x", "weight": 0}]})") +
                      "]}"),
            "themes[0].indicators.en[0].weight: must be greater than 0 and at most 10");
  EXPECT_EQ(detail_of(base +
                      theme(R"("id": "a", )" + names +
                            R"(, "indicators": {"en": [{"phrase": "x", "wieght": 2}]})") +
                      "]}"),
            "themes[0].indicators.en[0].wieght: is not a known field (check the spelling)");
  EXPECT_EQ(detail_of(base +
                      theme(R"("id": "a", )" + names +
                            R"(, "indicators": {"en": ["No time", "no  TIME"]})") +
                      "]}"),
            "themes[0].indicators.en[1]: \"no  TIME\" is listed twice");
  EXPECT_EQ(
      detail_of(base + theme(R"("id": "a", )" + names + R"(, "indicators": {"fr": []})") + "]}"),
      "themes[0].indicators.fr: is not a known field (check the spelling)");
  EXPECT_EQ(
      detail_of(base + theme(R"("id": "a", )" + names + R"(, "indicators": {"en": [3]})") + "]}"),
      "themes[0].indicators.en[0]: must be a phrase, or an object {\"phrase\": \"...\", "
      "\"weight\": 2}");
  auto r = parse_codebook_json(base + theme(R"("id": "a", "parent_id": "zz", )" + names) + "]}");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().key, "codebook_invalid");
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "themes[0].parent_id");
}

std::string default_codebook_text() {
  std::ifstream in(std::string(SGWRS_SOURCE_DIR) + "/data/codebook/default.json");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(DefaultCodebook, LoadsWithTheTwentyThemesInBothLanguages) {
  auto r = load_codebook_file(std::string(SGWRS_SOURCE_DIR) + "/data/codebook/default.json");
  ASSERT_TRUE(r) << r.error().detail;
  std::vector<std::string> ids;
  for (const ThemeDef& t : r->themes) ids.push_back(t.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"listening-and-reflection",
                                           "personal-outcomes",
                                           "strengths-and-resources",
                                           "right-support",
                                           "engagement-and-trust",
                                           "reflective-practice",
                                           "mentoring",
                                           "supervision",
                                           "leadership",
                                           "worker-satisfaction",
                                           "time-and-capacity",
                                           "risk-and-control",
                                           "office-culture",
                                           "initiative-overload",
                                           "integration-with-partners",
                                           "systems-and-processes",
                                           "burnout-and-wellbeing",
                                           "psychological-safety",
                                           "training-coverage",
                                           "poverty-and-context"}));
  for (const ThemeDef& t : r->themes) {
    for (const std::string* s : {&t.description_en, &t.description_cy, &t.includes_en,
                                 &t.includes_cy, &t.excludes_en, &t.excludes_cy})
      EXPECT_FALSE(s->empty()) << t.id;
    std::size_t en = 0, cy = 0;
    for (const Indicator& i : t.indicators) (i.lang == Language::en ? en : cy)++;
    EXPECT_TRUE(en >= 10 && en <= 25) << t.id << " has " << en << " English indicators";
    EXPECT_TRUE(cy >= 6 && cy <= 15) << t.id << " has " << cy << " Welsh indicators";
  }
  EXPECT_EQ(find_theme(*r, "listening-and-reflection")->name_cy, "Gwrando a myfyrio");
}

TEST(DefaultCodebook, IsInCanonicalForm) {
  // So that saving it from the editor changes nothing until an analyst edits it.
  std::string text = default_codebook_text();
  auto r = parse_codebook_json(text);
  ASSERT_TRUE(r);
  EXPECT_EQ(codebook_to_json(*r), text);
}

TEST(Codebook, MissingFileIsAnError) {
  auto r = load_codebook_file("/nonexistent/codebook.json");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::not_found);
}

}  // namespace
}  // namespace sgwrs::analysis
