// Decoding what arrives (http/request.hpp): url-encoded forms, multipart bodies, cookies and
// ids. Each case is a form a browser or a hostile client really sends.
#include <gtest/gtest.h>

#include "http/core/request.hpp"

namespace sgwrs::http {
namespace {

TEST(FormDecode, PlusIsSpaceAndPercentEscapesAreBytes) {
  EXPECT_EQ(form_decode("Si%C3%B4n+Llwyd"), "Si\xC3\xB4n Llwyd");
  EXPECT_EQ(form_decode("a%2Bb%26c%3Dd"), "a+b&c=d");
  // A malformed escape is kept as typed rather than guessed at.
  EXPECT_EQ(form_decode("100%"), "100%");
  EXPECT_EQ(form_decode("%zz%4"), "%zz%4");
  EXPECT_EQ(form_decode("%00"), std::string(1, '\0'));
}

// application/x-www-form-urlencoded as the WHATWG URL standard decodes it, byte by byte:
// the reference that Boost.URL's decoding (plus the stray '%' rule) is held to.
std::string whatwg_form_decode(std::string_view s) {
  const auto hex = [](char c) {
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
  };
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

TEST(FormDecode, AgreesWithTheWhatwgRulesOnRandomInput) {
  // Strings dense in the characters that matter: escapes whole and broken, plus, bytes.
  using namespace std::string_view_literals;
  constexpr auto kAlphabet = "%%%+aF0z9 \x00\xC3\xB4&="sv;  // with its NUL
  static_assert(kAlphabet.size() == 15);
  std::uint32_t seed = 12345;
  const auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const auto len = next() % 12;
    for (std::uint32_t i = 0; i < len; ++i) s += kAlphabet[(next() >> 8) % kAlphabet.size()];
    ASSERT_EQ(form_decode(s), whatwg_form_decode(s)) << s;
  }
}

TEST(ParseFormValues, KeepsOrderAndRepeatsAndSkipsEmptyPairs) {
  const auto v = parse_form_values("themes=a&&themes=b&memo=&flag&x=1%3D2");
  ASSERT_EQ(v.size(), 5u);
  EXPECT_EQ(v[0], (std::pair<std::string, std::string>{"themes", "a"}));
  EXPECT_EQ(v[1], (std::pair<std::string, std::string>{"themes", "b"}));
  EXPECT_EQ(v[2], (std::pair<std::string, std::string>{"memo", ""}));
  EXPECT_EQ(v[3], (std::pair<std::string, std::string>{"flag", ""}));
  EXPECT_EQ(v[4], (std::pair<std::string, std::string>{"x", "1=2"}));
  // parse_form keeps the first of a repeated name.
  EXPECT_EQ(parse_form("a=1&a=2").at("a"), "1");
  EXPECT_TRUE(parse_form("").empty());
}

TEST(ParseMultipart, ReadsFieldsAndFilesInOrder) {
  const std::string body =
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
      "tok\r\n"
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"files\"; filename=\"adroddiad.txt\"\r\n"
      "Content-Type: text/plain\r\n\r\n"
      "line one\r\nline two\r\n"
      "--XyZ--\r\n";
  auto parts = parse_multipart(body, "multipart/form-data; boundary=XyZ");
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "csrf");
  EXPECT_EQ((*parts)[0].body, "tok");
  EXPECT_TRUE((*parts)[0].filename.empty());
  EXPECT_EQ((*parts)[1].name, "files");
  EXPECT_EQ((*parts)[1].filename, "adroddiad.txt");
  EXPECT_EQ((*parts)[1].content_type, "text/plain");
  EXPECT_EQ((*parts)[1].body, "line one\r\nline two");
}

TEST(ParseMultipart, TakesAQuotedBoundary) {
  const std::string body =
      "--a b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--a b--";
  auto parts = parse_multipart(body, "multipart/form-data; boundary=\"a b\"");
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].body, "1");
}

TEST(ParseMultipart, RefusesWhatIsNotWellFormed) {
  const std::string part = "Content-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n";
  EXPECT_FALSE(parse_multipart("--b\r\n" + part + "--b--", "multipart/form-data"));  // no boundary
  EXPECT_FALSE(parse_multipart("--b\r\n" + part + "--b--",
                               "multipart/form-data; boundary=" + std::string(201, 'b')));
  EXPECT_FALSE(parse_multipart("no delimiter at all", "multipart/form-data; boundary=b"));
  EXPECT_FALSE(parse_multipart("--b\r\n" + part, "multipart/form-data; boundary=b"));  // unclosed
  EXPECT_FALSE(parse_multipart("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n1\r\n--b--",
                               "multipart/form-data; boundary=b"));  // no blank line
  EXPECT_FALSE(parse_multipart("--bjunk", "multipart/form-data; boundary=b"));
}

TEST(Cookie, FindsTheNamedCookieAmongOthers) {
  Request req{bhttp::verb::get, "/", 11};
  req.insert(bhttp::field::cookie, "a=1; __Host-sgwrs-session=abc;  lang=cy");
  req.insert(bhttp::field::cookie, "other=2");
  EXPECT_EQ(cookie(req, "__Host-sgwrs-session"), "abc");
  EXPECT_EQ(cookie(req, "lang"), "cy");
  EXPECT_EQ(cookie(req, "other"), "2");
  EXPECT_FALSE(cookie(req, "sgwrs-session"));  // a name is matched whole
  EXPECT_FALSE(cookie(req, "missing"));
}

TEST(ParseId, TakesOnlyWholePositiveNumbers) {
  EXPECT_EQ(parse_id("42"), 42);
  for (const char* bad : {"", "0", "-1", "4x", " 4", "4 ", "99999999999999999999", "1e3"})
    EXPECT_FALSE(parse_id(bad)) << bad;
}

}  // namespace
}  // namespace sgwrs::http
