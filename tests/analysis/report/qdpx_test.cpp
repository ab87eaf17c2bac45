// REFI-QDA export: project.qde validated with xmllint against the QDA-XML 1.0 schema
// (tests/data/refi-qda/Project.xsd), the .qdpx archive unzipped and compared with the
// sources, and bad projects refused with every problem named.
#include "analysis/report/qdpx.hpp"

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "analysis/report/export_test_support.hpp"
#include "analysis/report/guid.hpp"

namespace sgwrs::analysis {
namespace {

using test::run;
using test::ScratchDir;
using test::shell_quote;

const std::string schema = std::string(SGWRS_SOURCE_DIR) + "/tests/data/refi-qda/Project.xsd";

// xmllint's verdict on one document: exit code 0 means it validates.
test::CommandResult xmllint(const std::filesystem::path& file) {
  return run("xmllint --noout --schema " + shell_quote(schema) + " " + shell_quote(file.string()));
}

test::CommandResult xmllint_text(const ScratchDir& dir, const std::string& xml) {
  const auto file = dir / "check.qde";
  test::write_file(file, xml);
  return xmllint(file);
}

// The code points [start, end) of UTF-8 text.
std::string code_points(const std::string& text, std::size_t start, std::size_t end) {
  std::size_t cp = 0, from = std::string::npos, i = 0;
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (cp == start) from = i;
    if (cp == end) break;
    ++cp;
  }
  return from == std::string::npos ? "" : text.substr(from, i - from);
}

const std::string report_text = "What gets in the way\nMae’r amser yn brin. Caseloads are high.\n";

struct Example {
  ReportVariables vars;
  std::string ann = sgwrs_guid("user:ann"), bob = sgwrs_guid("user:bob");
  std::string time = sgwrs_guid("code:time-and-capacity"), lead = sgwrs_guid("code:leadership");
  std::string source1 = sgwrs_guid("report:1"), source2 = sgwrs_guid("report:2");
  std::string selection1 = sgwrs_guid("selection:1"), selection2 = sgwrs_guid("selection:2");
  QdaProject project;

  Example() {
    project.name = "Follow-up reports 2025";
    project.created = "2025-06-30T12:00:00Z";
    project.creating_user_guid = ann;
    project.users = {{ann, "Ann Coder"}, {bob, "Bob Coder"}};
    project.codes = {
        {sgwrs_guid("code:conditions"),
         "Conditions",
         "",
         std::nullopt,
         false,
         {{time, "Time and capacity", "Time, caseloads, staffing", "#1d70b8", true, {}},
          {lead, "Leadership", "Leaders modelling the approach", std::nullopt, true, {}}}},
        {sgwrs_guid("code:listening"),
         "Gwrando a myfyrio",
         "Listening & reflection <live>",
         "#0b0",
         true,
         {}}};
    project.variables = vars.all();
    QdaSource s1{source1, "Cyngor A — 2025", report_text, ann, "2025-03-01T09:00:00Z", {}, {}};
    // "What gets in the way\n" is 21 code points and "Mae’r " 6 more, so "amser yn brin"
    // is [27, 40); "Caseloads are high." starts after "Mae’r amser yn brin. " (21) at 42.
    s1.selections = {
        {selection1,
         "amser yn brin",
         27,
         40,
         ann,
         "2025-03-02T10:00:00Z",
         {{sgwrs_guid("coding:1"), time, ann, "2025-03-02T10:00:00Z"},
          {sgwrs_guid("coding:2"), time, bob, "2025-03-03T10:00:00+01:00"}},
         std::string("Welsh: time is short")},
        {selection2, "", 42, 61, bob, "", {{sgwrs_guid("coding:3"), lead, bob, ""}}, std::nullopt}};
    s1.values = vars.values("Cyngor A", "Adult social care", "2025-03-01", 10);
    QdaSource s2{source2, "Cyngor A — 2024", "What is working well\nListening.", "", "", {}, {}};
    s2.values = vars.values("Cyngor A", "", "2024-02-29", std::nullopt);
    project.sources = {s1, s2};
    project.cases = {{sgwrs_guid("case:a"),
                      "Cyngor A",
                      {{vars.organisation.guid, "Cyngor A"}},
                      {source1, source2}}};
  }
};

TEST(Qdpx, XmllintIsInstalled) {
  auto r = run("xmllint --version");
  ASSERT_EQ(r.exit_code, 0) << "xmllint is needed to validate exports (Debian: libxml2-utils)";
}

TEST(Qdpx, SelectionsPointAtTheIntendedText) {
  EXPECT_EQ(code_points(report_text, 27, 40), "amser yn brin");
  EXPECT_EQ(code_points(report_text, 42, 61), "Caseloads are high.");
}

TEST(Qdpx, ProjectQdeValidatesAgainstTheSchema) {
  ScratchDir dir("qde");
  Example ex;
  ASSERT_TRUE(validate(ex.project));
  auto r = xmllint_text(dir, project_qde_xml(ex.project));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("validates"), std::string::npos) << r.output;
}

TEST(Qdpx, TheSmallestProjectValidatesToo) {
  ScratchDir dir("qde-min");
  QdaProject p;
  p.name = "Empty";
  ASSERT_TRUE(validate(p));
  auto r = xmllint_text(dir, project_qde_xml(p));
  EXPECT_EQ(r.exit_code, 0) << r.output;
}

// The check is real: documents that break the schema in different ways fail.
TEST(Qdpx, BrokenDocumentsFailValidation) {
  ScratchDir dir("qde-broken");
  Example ex;
  const std::string good = project_qde_xml(ex.project);
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string xml = good;
    const auto at = xml.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return at == std::string::npos ? xml : xml.replace(at, from.size(), to);
  };

  auto no_attribute = xmllint_text(dir, replaced(" isCodable=\"true\"", ""));
  EXPECT_NE(no_attribute.exit_code, 0);
  EXPECT_NE(no_attribute.output.find("isCodable"), std::string::npos) << no_attribute.output;

  auto bad_guid = xmllint_text(dir, replaced("guid=\"" + ex.ann + "\"", "guid=\"ann\""));
  EXPECT_NE(bad_guid.exit_code, 0);
  EXPECT_NE(bad_guid.output.find("The value 'ann' is not accepted by the pattern"),
            std::string::npos)
      << bad_guid.output;

  auto bad_position = xmllint_text(dir, replaced("startPosition=\"27\"", "startPosition=\"x\""));
  EXPECT_NE(bad_position.exit_code, 0);

  // Users after CodeBook: wrong element order.
  std::string xml = good;
  const auto users_at = xml.find("  <Users>");
  const auto users_end = xml.find("</Users>\n") + 9;
  const std::string users = xml.substr(users_at, users_end - users_at);
  xml.erase(users_at, users.size());
  xml.insert(xml.find("  <Variables>"), users);
  auto order = xmllint_text(dir, xml);
  EXPECT_NE(order.exit_code, 0) << xml;
}

TEST(Qdpx, DocumentCarriesCodingsMemosAndVariables) {
  Example ex;
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(project_qde_xml(ex.project).c_str()));
  pugi::xml_node project = doc.child("Project");
  EXPECT_STREQ(project.attribute("xmlns").value(), "urn:QDA-XML:project:1.0");
  EXPECT_STREQ(project.attribute("creatingUserGUID").value(), ex.ann.c_str());

  // The codebook keeps its nesting; the grouping code cannot be coded.
  pugi::xml_node conditions = project.child("CodeBook").child("Codes").child("Code");
  EXPECT_STREQ(conditions.attribute("isCodable").value(), "false");
  EXPECT_STREQ(conditions.child("Code").attribute("name").value(), "Time and capacity");
  EXPECT_STREQ(conditions.child("Code").attribute("color").value(), "#1d70b8");

  pugi::xml_node source = project.child("Sources").child("TextSource");
  EXPECT_EQ(std::string(source.attribute("plainTextPath").value()),
            "internal://" + ex.source1 + ".txt");
  pugi::xml_node selection = source.child("PlainTextSelection");
  EXPECT_STREQ(selection.attribute("startPosition").value(), "27");
  EXPECT_STREQ(selection.attribute("endPosition").value(), "40");
  int codings = 0;
  for (pugi::xml_node c : selection.children("Coding")) {
    EXPECT_STREQ(c.child("CodeRef").attribute("targetGUID").value(), ex.time.c_str());
    ++codings;
  }
  EXPECT_EQ(codings, 2);  // one per coder
  EXPECT_STREQ(selection.child("Coding").attribute("creatingUser").value(), ex.ann.c_str());

  // The memo is a note the selection refers to.
  const std::string note_guid = selection.child("NoteRef").attribute("targetGUID").value();
  EXPECT_EQ(note_guid, memo_note_guid(ex.selection1));
  pugi::xml_node note = project.child("Notes").child("Note");
  EXPECT_EQ(std::string(note.attribute("guid").value()), note_guid);
  EXPECT_STREQ(note.child("PlainTextContent").text().get(), "Welsh: time is short");

  // Report metadata as typed variable values on the source.
  std::map<std::string, std::pair<std::string, std::string>> values;  // guid -> element, value
  for (pugi::xml_node v : source.children("VariableValue")) {
    pugi::xml_node value = v.child("VariableRef").next_sibling();
    values[v.child("VariableRef").attribute("targetGUID").value()] = {value.name(),
                                                                      value.text().get()};
  }
  EXPECT_EQ(values[ex.vars.organisation.guid],
            (std::pair<std::string, std::string>{"TextValue", "Cyngor A"}));
  EXPECT_EQ(values[ex.vars.date.guid],
            (std::pair<std::string, std::string>{"DateValue", "2025-03-01"}));
  EXPECT_EQ(values[ex.vars.group_size.guid],
            (std::pair<std::string, std::string>{"IntegerValue", "10"}));
  EXPECT_EQ(project.child("Cases").child("Case").child("SourceRef").attribute("targetGUID").value(),
            ex.source1);
}

TEST(Qdpx, ArchiveHoldsTheProjectAndEverySourceText) {
  ScratchDir dir("qdpx");
  Example ex;
  const auto path = dir / "export.qdpx";
  Status s = write_qdpx(ex.project, path);
  ASSERT_TRUE(s) << s.error().detail;
  EXPECT_FALSE(std::filesystem::exists(dir / "export.qdpx.partial"));

  EXPECT_EQ(test::zip_names(path),
            (std::vector<std::string>{"project.qde", "sources/" + ex.source1 + ".txt",
                                      "sources/" + ex.source2 + ".txt"}));
  auto qde = test::zip_entry(path, "project.qde");
  ASSERT_TRUE(qde);
  EXPECT_EQ(*qde, project_qde_xml(ex.project));
  auto r = xmllint_text(dir, *qde);
  EXPECT_EQ(r.exit_code, 0) << r.output;

  // Each source the document points to is in the archive, byte for byte, and the
  // selections' positions find the coded words in it.
  pugi::xml_document doc;
  doc.load_string(qde->c_str());
  std::size_t checked = 0;
  for (pugi::xml_node src : doc.child("Project").child("Sources").children("TextSource")) {
    const std::string internal = src.attribute("plainTextPath").value();
    ASSERT_EQ(internal.rfind("internal://", 0), 0u);
    auto text = test::zip_entry(path, "sources/" + internal.substr(11));
    ASSERT_TRUE(text) << internal;
    const QdaSource& original = ex.project.sources[checked++];
    EXPECT_EQ(*text, original.text);
    for (pugi::xml_node sel : src.children("PlainTextSelection")) {
      if (std::string(sel.attribute("guid").value()) == ex.selection1) {
        EXPECT_EQ(code_points(*text, sel.attribute("startPosition").as_ullong(),
                              sel.attribute("endPosition").as_ullong()),
                  "amser yn brin");
      }
    }
  }
  EXPECT_EQ(checked, 2u);
}

TEST(Qdpx, SameProjectSameBytes) {
  ScratchDir dir("qdpx-repro");
  Example ex;
  ASSERT_TRUE(write_qdpx(ex.project, dir / "a.qdpx"));
  ASSERT_TRUE(write_qdpx(Example().project, dir / "b.qdpx"));
  EXPECT_EQ(test::read_file(dir / "a.qdpx"), test::read_file(dir / "b.qdpx"));
}

TEST(Qdpx, ControlCharactersAreReplacedSoTheDocumentStillValidates) {
  ScratchDir dir("qde-control");
  Example ex;
  ex.project.codes[1].name = "Bell\x07 and \xFF bad byte";
  ASSERT_TRUE(validate(ex.project));
  const std::string xml = project_qde_xml(ex.project);
  EXPECT_NE(xml.find("Bell\xEF\xBF\xBD and \xEF\xBF\xBD bad byte"), std::string::npos);
  auto r = xmllint_text(dir, xml);
  EXPECT_EQ(r.exit_code, 0) << r.output;
}

TEST(Qdpx, BadProjectsAreRefusedWithEveryProblemNamed) {
  ScratchDir dir("qdpx-bad");
  Example ex;
  QdaProject& p = ex.project;
  p.users[1].guid = "bob";                                      // not a GUID
  p.codes[1].guid = ex.time;                                    // used twice
  p.codes[1].color = "blue";                                    // not a colour
  p.sources[0].selections[0].codings[0].code_guid = ex.ann;     // not a code
  p.sources[0].selections[1].end = 400;                         // past the text
  p.sources[0].values.push_back({p.variables[3].guid, "ten"});  // Integer variable
  p.sources[0].values.push_back({sgwrs_guid("nope"), "x"});     // no such variable
  p.sources[1].text =
      "Caf"
      "e\xCC\x81";                                             // e + combining acute: not NFC
  p.sources[1].created = "1 March 2025";                       // not a date-time
  p.cases[0].source_guids.push_back(sgwrs_guid("report:99"));  // no such source

  Status s = validate(p);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, Errc::invalid);
  EXPECT_EQ(s.error().key, "export.invalid_project");
  const std::string& d = s.error().detail;
  for (const std::string& expected : std::vector<std::string>{
           "'bob' is not a GUID", "GUID " + ex.time + " is used twice", "'blue' is not a colour",
           "no code has GUID " + ex.ann, "the selection ends after the text (62 characters)",
           "'ten' does not fit the type of variable", "no variable has GUID " + sgwrs_guid("nope"),
           "not NFC-normalised", "'1 March 2025' is not an ISO 8601 date-time",
           "no source has GUID " + sgwrs_guid("report:99")})
    EXPECT_NE(d.find(expected), std::string::npos) << expected << "\nin: " << d;

  const auto path = dir / "bad.qdpx";
  EXPECT_FALSE(write_qdpx(p, path));
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(Qdpx, EmptyAndBackwardSelectionsAndBadUtf8AreRefused) {
  Example ex;
  ex.project.sources[0].selections[0].end = 27;  // start == end
  ex.project.sources[1].text = "caf\xC3";
  ex.project.name = "";
  Status s = validate(ex.project);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().detail.find("a selection must start before it ends"), std::string::npos);
  EXPECT_NE(s.error().detail.find("the text is not valid UTF-8"), std::string::npos);
  EXPECT_NE(s.error().detail.find("a project needs a name"), std::string::npos);
}

TEST(Qdpx, UnwritablePlaceIsAnError) {
  Status s = write_qdpx(Example().project, "/nonexistent-folder/x.qdpx");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, Errc::unavailable);
  EXPECT_EQ(s.error().key, "export.write_failed");
}

}  // namespace
}  // namespace sgwrs::analysis
