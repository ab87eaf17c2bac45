#include <gtest/gtest.h>
#include <fstream>
#include <sstream>
#include <iostream>
#include "service/followup_service.hpp"
#include "domain/validation.hpp"
#include "service/service_fixture.hpp"
namespace sgwrs::test {
namespace {
class ExploreTest : public ServiceTest {};
TEST_P(ExploreTest, Dump) {
  if (engine() != store::Engine::sqlite) GTEST_SKIP();
  std::ifstream in(SGWRS_SOURCE_DIR "/data/codebook/default.json");
  std::stringstream ss; ss << in.rdbuf();
  FollowupService f(db(), *audit_, clock(), ss.str());
  std::ifstream tf("/tmp/explore/texts.txt");
  std::stringstream ts; ts << tf.rdbuf();
  std::string all = ts.str();
  std::vector<ImportInput> files;
  size_t pos = 0; int n = 0;
  while (true) {
    auto next = all.find("=====\n", pos);
    std::string t = all.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
    files.push_back({"r" + std::to_string(n++) + ".txt", t, {"", "Org", "", "adult-social-care", "2025-06-12", 10}});
    if (next == std::string::npos) break;
    pos = next + 6;
  }
  auto out = f.import(Actor{admin_, "x"}, files);
  ASSERT_TRUE(out.ok());
  for (auto& o : *out) {
    std::cout << "FILE " << o.file_name << " err=" << o.error_code << " " << o.detail << " sugg=" << o.suggestions << "\n";
    if (!o.report_id) continue;
    auto v = f.view_report(Actor{admin_, "x"}, *o.report_id);
    std::cout << " lang=" << v->report.language << " warnings=" << v->report.warnings << "\n";
    for (auto& s : v->sections) std::cout << "  SEC " << s.heading << " [" << s.start << "," << s.end << ") '" << s.heading_text << "'\n";
    for (auto& s : v->segments) std::cout << "  SEG " << s.ordinal << " " << s.kind << " " << s.heading << " [" << s.start << "," << s.end << ") " << code_point_slice(v->report.body, s.start, s.end) << "\n";
    for (auto& s : v->suggestions) std::cout << "  SUG " << s.id << " " << s.theme_id << " " << s.kind << " [" << s.start << "," << s.end << ") " << s.score_permille << " " << s.evidence_json << "\n";
  }
}
INSTANTIATE_TEST_SUITE_P(Engines, ExploreTest, test::kBothEngines, test::EngineName());
}
}
