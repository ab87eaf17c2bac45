// Sgwrs's own mustache renderer must give what kainjow's gives for the same template and
// data (the pages were written and checked against kainjow), and escape what it echoes.
#include "web/core/template.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "web/core/catalogue.hpp"
#include "web/core/renderer.hpp"

namespace sgwrs::web {
namespace {

std::string ours(const std::string& source, const Data& data) {
  std::vector<const Data*> context{&data};
  std::string out;
  Template(source).render(context, out);
  return out;
}

std::string kainjows(const std::string& source, const Data& data) {
  kainjow::mustache::mustache m{source};
  EXPECT_TRUE(m.is_valid()) << m.error_message();
  return m.render(data);
}

Data sample() {
  Data d{Data::type::object};
  d.set("title", "Tîm <Glantawe> & \"partners\" 'pod'");
  d.set("yes", true);
  d.set("no", false);
  d.set("empty", Data{Data::type::list});
  Data people{Data::type::list};
  for (const char* n : {"Ceri", "Dewi", "Elin"}) {
    Data p{Data::type::object};
    p.set("name", n);
    if (std::string(n) == "Dewi") p.set("current", true);
    people.push_back(p);
  }
  d.set("people", people);
  Data org{Data::type::object};
  org.set("name", "Cyngor");
  d.set("org", org);
  return d;
}

TEST(Template, SameOutputAsKainjow) {
  const Data d = sample();
  for (const std::string source : {
           "<h1>{{title}}</h1>\n<p>{{{title}}} {{&title}}</p>\n",
           "<ul>\n  {{#people}}\n  <li{{#current}} class=\"on\"{{/current}}>{{name}} of "
           "{{title}}</li>\n"
           "  {{/people}}\n</ul>\n",
           "  {{#no}}\n  hidden\n  {{/no}}\n  {{^no}}\n  shown\n  {{/no}}\nafter\n",
           "{{#empty}}never{{/empty}}{{^empty}}none{{/empty}}\n{{#yes}}\n  yes\n{{/yes}}\n",
           "{{missing}}[{{#missing}}x{{/missing}}]{{^missing}}absent{{/missing}}\n",
           "{{#org}}{{name}} / {{title}}{{/org}} {{org.name}}\n",
           "  {{#yes}}{{missing}}{{/yes}}  \nline\n  {{#no}}x{{/no}}\nend",
           "{{! a comment }}text\n{{#people}}{{name}},{{/people}}\n",
       })
    EXPECT_EQ(ours(source, d), kainjows(source, d)) << source;
}

// Every real template, rendered with data that turns every section on and every value to a
// string with characters to escape, comes out as kainjow renders it.
TEST(Template, RealTemplatesMatchKainjow) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(SGWRS_WEB_DIR) / "templates";
  const std::regex tag(R"(\{\{\{?[#^&]?\s*([a-z_]+)\s*\}?\}\})");
  const Catalogue catalogue = Catalogue::load(std::string(SGWRS_WEB_DIR) + "/i18n");
  Renderer renderer(dir.string(), catalogue);
  int compared = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    const std::string name = entry.path().stem().string();
    if (entry.path().extension() != ".mustache" || name.front() == '_') continue;
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    // Data with every name: a list of two items (each with every name) for sections.
    Data item{Data::type::object};
    for (std::sregex_iterator it(text.begin(), text.end(), tag), end; it != end; ++it)
      item.set((*it)[1].str(), "v<" + (*it)[1].str() + ">&'");
    // Once with every section repeated twice, once with every section off.
    Data on = item, off = item;
    for (std::sregex_iterator it(text.begin(), text.end(), tag), end; it != end; ++it) {
      Data list{Data::type::list};
      list.push_back(item);
      list.push_back(item);
      const std::string key = (*it)[1].str();
      if (text.find("{{#" + key + "}}") != std::string::npos ||
          text.find("{{^" + key + "}}") != std::string::npos) {
        on.set(key, list);
        off.set(key, false);
      }
    }
    for (const Language l : {Language::en, Language::cy}) {
      kainjow::mustache::mustache k{renderer.source(name, l)};
      ASSERT_TRUE(k.is_valid()) << name;
      EXPECT_EQ(renderer.render(name, l, on), k.render(on)) << name;
      EXPECT_EQ(renderer.render(name, l, off), k.render(off)) << name;
    }
    ++compared;
  }
  EXPECT_GE(compared, 15);
}

TEST(Template, EscapesAndRepairsWhatItEchoes) {
  Data d{Data::type::object};
  d.set("v", std::string("a<b>&\"c\"'d' \xC3\xA2 bad:\xFF\xFE end"));
  EXPECT_EQ(ours("{{v}}", d),
            "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos; \xC3\xA2 bad:\xEF\xBF\xBD\xEF\xBF\xBD end");
  EXPECT_EQ(ours("{{{v}}}", d), d.get("v")->string_value());
}

TEST(Template, RefusesBrokenTemplates) {
  for (const std::string bad :
       {"{{#a}}open", "{{/a}}", "{{#a}}{{/b}}", "{{oops", "{{> part}}", "{{}}", "{{=<% %>=}}"})
    EXPECT_THROW(Template{bad}, std::runtime_error) << bad;
}

}  // namespace
}  // namespace sgwrs::web
