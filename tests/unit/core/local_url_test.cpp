// Redirect targets (issue 7, defects 1 and 2): a Location header was built from raw strings,
// so CR/LF injected headers, and "/\t/evil.example" left the site.
#include <gtest/gtest.h>

#include "http/core/local_url.hpp"
#include "http/core/response.hpp"

namespace sgwrs::http {
namespace {

std::string back(std::string_view raw) {
  return std::string(safe_return(raw).buffer());
}

TEST(SafeReturn, KeepsPathsOnThisSite) {
  EXPECT_EQ(back("/analysis/reports/3"), "/analysis/reports/3");
  EXPECT_EQ(back("/analysis?year=2025&area=housing"), "/analysis?year=2025&area=housing");
  EXPECT_EQ(back("/pobl/Si%C3%B4n"), "/pobl/Si%C3%B4n");
  EXPECT_EQ(back("/"), "/");
}

TEST(SafeReturn, RefusesWhatABrowserWouldSendElsewhere) {
  for (const std::string_view raw :
       {"//evil.example/phish", "/\\evil.example", "\\\\evil.example", "/\t/evil.example/phish",
        "/\n/evil.example", "/\r\n/evil.example", " //evil.example", "\x01//evil.example",
        "https://evil.example/", "javascript:alert(1)", "evil.example", "", "?next=x",
        "/%2F/evil.example", "/%5Cevil.example", "/%09/evil.example/phish"}) {
    EXPECT_EQ(back(raw), "/") << "for " << raw;
  }
}

TEST(SafeReturn, NeverPassesAControlCharacter) {
  for (const std::string_view raw :
       {"/%0d%0aSet-Cookie:%20x=1", "/a%00b", "/a\r\nSet-Cookie: x=1", "/x?y=%0d%0a"}) {
    const std::string out = back(raw);
    for (const char ch : out) EXPECT_GE(static_cast<unsigned char>(ch), 0x21) << raw;
  }
  EXPECT_EQ(back("/%0d%0aSet-Cookie:%20x=1"), "/");
}

TEST(LocalUrl, EncodesDecodedPartsSoNothingEscapesTheHeader) {
  const auto u = local_url("/sign-in", {{"next", "/analysis/reports/1\r\nSet-Cookie: a=b"}});
  EXPECT_EQ(u.buffer(), "/sign-in?next=/analysis/reports/1%0D%0ASet-Cookie:%20a=b");
  EXPECT_EQ(local_url("/admin/users/7", {{"done", "saved"}}, "codings").buffer(),
            "/admin/users/7?done=saved#codings");
  // A path is always a path here: "//host" cannot be produced.
  EXPECT_EQ(local_url("//evil.example").buffer(), "/evil.example");
}

TEST(UnsafeHeader, FindsControlCharactersInAnyValue) {
  Response ok{bhttp::status::ok, 11};
  ok.set(bhttp::field::location, "/fine?x=1\tand a tab");
  EXPECT_FALSE(unsafe_header(ok));
  for (const char* bad : {"a\r\nSet-Cookie: x", "a\nb", "a\rb", "nul\0here", "del\x7f"}) {
    Response res{bhttp::status::see_other, 11};
    res.set(bhttp::field::location,
            std::string_view(bad, std::strlen(bad) + (bad[3] == 0 ? 5 : 0)));
    auto found = unsafe_header(res);
    ASSERT_TRUE(found) << bad;
    EXPECT_EQ(*found, "Location");
  }
}

}  // namespace
}  // namespace sgwrs::http
