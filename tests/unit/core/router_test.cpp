// The router: a path's literal segments beat a parameter, whatever order the routes were
// added in ("/families/new" is never the family "new"), parameters are read from the path,
// and a known path with another method is told apart from an unknown one.
#include "http/core/router.hpp"

#include <gtest/gtest.h>

namespace sgwrs::http {
namespace {

Handler named(std::string* out, std::string name) {
  return [out, name](Ctx&) {
    *out = name;
    return Response{};
  };
}

TEST(Router, TheMostSpecificRouteWinsWhateverTheOrder) {
  std::string hit;
  Router r;
  r.add(bhttp::verb::get, "/families/{id}", named(&hit, "family"));
  r.add(bhttp::verb::get, "/families/new", named(&hit, "new"));
  r.add(bhttp::verb::get, "/families/{id}/network", named(&hit, "network"));
  std::map<std::string, std::string> params;
  const auto m = r.match(bhttp::verb::get, "/families/new", params);
  ASSERT_NE(m.handler, nullptr);
  EXPECT_EQ(m.pattern, "/families/new");
  EXPECT_TRUE(params.empty());
  const auto f = r.match(bhttp::verb::get, "/families/42", params);
  ASSERT_NE(f.handler, nullptr);
  EXPECT_EQ(f.pattern, "/families/{id}");
  EXPECT_EQ(params.at("id"), "42");
  const auto n = r.match(bhttp::verb::get, "/families/42/network", params);
  EXPECT_EQ(n.pattern, "/families/{id}/network");
}

TEST(Router, AKnownPathWithAnotherMethodIsNotAnUnknownPath) {
  std::string hit;
  Router r;
  r.add(bhttp::verb::get, "/families/{id}", named(&hit, "family"));
  std::map<std::string, std::string> params;
  const auto post = r.match(bhttp::verb::post, "/families/1", params);
  EXPECT_TRUE(post.path_known);
  EXPECT_EQ(post.handler, nullptr);
  const auto none = r.match(bhttp::verb::get, "/nowhere", params);
  EXPECT_FALSE(none.path_known);
}

}  // namespace
}  // namespace sgwrs::http
