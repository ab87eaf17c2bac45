// The password policy: length over complexity, long passphrases, common passwords refused.
#include <gtest/gtest.h>

#include <string>

#include "domain/identity/password_policy.hpp"

namespace sgwrs {
namespace {

std::string repeat(std::string_view unit, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += unit;
  return s;
}

TEST(PasswordPolicy, SevenCharactersRefusedEightAccepted) {
  EXPECT_EQ(password_problem("kq7!mzp", ""), "password_too_short");
  EXPECT_EQ(password_problem("kq7!mzpw", ""), "");
  EXPECT_EQ(password_problem("", ""), "password_too_short");
}

TEST(PasswordPolicy, LongPassphrasesAccepted) {
  EXPECT_EQ(kPasswordMax, 256u);
  const std::string p64 = repeat("river-", 10) + "tide";  // 64 characters
  ASSERT_EQ(p64.size(), 64u);
  EXPECT_EQ(password_problem(p64, ""), "");
  const std::string p256 = repeat("Llanfair ", 28) + "pwll";  // 256 characters
  ASSERT_EQ(p256.size(), 256u);
  EXPECT_EQ(password_problem(p256, ""), "");
  EXPECT_EQ(password_problem(p256 + "n", ""), "password_too_long");  // 257
}

TEST(PasswordPolicy, LengthIsCountedInCharacters) {
  const std::string w = "\xC5\xB5";                                     // ŵ, two bytes
  EXPECT_EQ(password_problem(repeat(w, 7), ""), "password_too_short");  // 14 bytes
  EXPECT_EQ(password_problem(repeat(w, 8), ""), "");
  EXPECT_EQ(password_problem(repeat(w, 256), ""), "");  // 512 bytes
  EXPECT_EQ(password_problem(repeat(w, 257), ""), "password_too_long");
}

TEST(PasswordPolicy, CommonPasswordsRefusedWhateverTheCase) {
  EXPECT_EQ(password_problem("password123", ""), "password_common");
  EXPECT_EQ(password_problem("Password123", ""), "password_common");
  EXPECT_EQ(password_problem("PASSWORD123", ""), "password_common");
  EXPECT_EQ(password_problem("qwertyui", ""), "password_common");
  EXPECT_EQ(password_problem("cymru123", ""), "password_common");
  EXPECT_EQ(password_problem("sgwrs123", ""), "password_common");
  EXPECT_TRUE(is_common_password("password123"));
  EXPECT_FALSE(is_common_password("correct horse battery staple"));
}

TEST(PasswordPolicy, EmailOrItsLocalPartRefused) {
  const std::string email = "margaret.jones@example.org";
  EXPECT_EQ(password_problem("margaret.jones@example.org", email), "password_is_username");
  EXPECT_EQ(password_problem("margaret.jones", email), "password_is_username");
  EXPECT_EQ(password_problem("Margaret.Jones", email), "password_is_username");
  EXPECT_EQ(password_problem("margaret.jones.2024", email), "");
  // Without an email the same text is just a password.
  EXPECT_EQ(password_problem("margaret.jones", ""), "");
}

TEST(PasswordPolicy, InvalidUtf8Refused) {
  EXPECT_EQ(password_problem("caf\xE9 au lait", ""), "invalid_utf8");
}

}  // namespace
}  // namespace sgwrs
