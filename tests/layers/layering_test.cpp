// The layers' direction, enforced on every build's sources (issue 8), and shown to catch a
// planted violation of each kind.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "layers/layer_rules.hpp"

namespace sgwrs::test {
namespace {

namespace fs = std::filesystem;

std::string describe(const std::vector<LayerViolation>& v) {
  std::string s;
  for (const auto& x : v) s += x.file + ":" + std::to_string(x.line) + ": " + x.what + "\n";
  return s;
}

TEST(Layers, TheSourcesKeepTheLayersDirection) {
  const auto found = check_layers(fs::path(SGWRS_SOURCE_DIR) / "src");
  EXPECT_TRUE(found.empty()) << describe(found);
}

class PlantedTree : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("sgwrs-layers-" + std::to_string(::getpid()));
    fs::remove_all(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  void plant(const std::string& rel, const std::string& text) {
    fs::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel) << text;
  }
  fs::path root_;
};

TEST_F(PlantedTree, FindsEachKindOfViolation) {
  plant("domain/record/person.hpp", "#pragma once\n#include \"service/record/x.hpp\"\n");
  plant("http/record/people.cpp", "#include \"http/core/app.hpp\"\n#include \"store/db.hpp\"\n");
  plant("web/renderer.cpp", "#include <string>\nvoid f(sgwrs::store::Page p);\n");
  plant("store/record/people.cpp", "#include \"service/record/people.hpp\"\n");
  plant("service/record/record_service.hpp", "#pragma once\n#include \"store/core/db.hpp\"\n");
  // Allowed: each layer's own and lower headers, system headers, and store:: in comments.
  plant("service/record/people.cpp",
        "#include \"store/record/people.hpp\"\n#include \"analysis/text/segment.hpp\"\n");
  plant("http/core/app.cpp", "#include <boost/json.hpp>\n// no store:: here\n/* nor store:: */\n");
  plant("cli/main.cpp", "#include \"store/db.hpp\"\n#include \"http/core/app.hpp\"\n");
  auto found = check_layers(root_);
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.file < b.file; });
  ASSERT_EQ(found.size(), 5u) << describe(found);
  EXPECT_EQ(found[0].file, "domain/record/person.hpp");
  EXPECT_EQ(found[0].line, 2);
  EXPECT_EQ(found[1].file, "http/record/people.cpp");
  EXPECT_EQ(found[1].what, "the http layer includes \"store/db.hpp\"");
  EXPECT_EQ(found[2].file, "service/record/record_service.hpp");
  EXPECT_EQ(found[2].what, "a service header includes \"store/core/db.hpp\"");
  EXPECT_EQ(found[3].file, "store/record/people.cpp");
  EXPECT_EQ(found[4].file, "web/renderer.cpp");
  EXPECT_EQ(found[4].what, "the web layer names a store type");
}

TEST_F(PlantedTree, AFileOutsideEveryLayerIsReported) {
  plant("misc/helpers.cpp", "int x;\n");
  const auto found = check_layers(root_);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].file, "misc/helpers.cpp");
}

}  // namespace
}  // namespace sgwrs::test
