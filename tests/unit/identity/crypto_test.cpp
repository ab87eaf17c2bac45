// Password hashing (argon2id) and random tokens. libsodium is initialised by the global
// environment in support/crypto_environment.cpp.
#include <sodium.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

#include "service/core/crypto.hpp"

namespace sgwrs::crypto {
namespace {

TEST(PasswordHash, IsArgon2idWithItsParameters) {
  const auto h = hash_password("correct horse battery staple");
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u) << h;
  EXPECT_NE(h.find("m="), std::string::npos) << h;
  EXPECT_NE(h.find("t="), std::string::npos) << h;
  EXPECT_EQ(h.find("correct horse"), std::string::npos) << "the password itself is not stored";
  EXPECT_FALSE(needs_rehash(h));
}

TEST(PasswordHash, VerifiesTheRightPasswordOnly) {
  const std::string pw = "d\xC5\xB5r-gl\xC3\xA2n-yn-y-m\xC3\xB4r";  // dŵr-glân-yn-y-môr
  const auto h = hash_password(pw);
  EXPECT_TRUE(verify_password(h, pw));
  EXPECT_FALSE(verify_password(h, pw + " "));
  EXPECT_FALSE(verify_password(h, "wrong password"));
  EXPECT_FALSE(verify_password(h, ""));
}

TEST(PasswordHash, SaltedSoEqualPasswordsHashDifferently) {
  const auto a = hash_password("same password here");
  const auto b = hash_password("same password here");
  EXPECT_NE(a, b);
  EXPECT_TRUE(verify_password(a, "same password here"));
  EXPECT_TRUE(verify_password(b, "same password here"));
}

TEST(PasswordHash, GarbageHashNeverVerifies) {
  EXPECT_FALSE(verify_password("", "anything"));
  EXPECT_FALSE(verify_password("not a hash", "not a hash"));
  EXPECT_TRUE(needs_rehash("not a hash"));
}

TEST(PasswordHash, WeakerParametersNeedRehash) {
  char weak[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_str_alg(weak, "pw", 2, crypto_pwhash_OPSLIMIT_MIN,
                                  crypto_pwhash_MEMLIMIT_MIN, crypto_pwhash_ALG_ARGON2ID13),
            0);
  EXPECT_TRUE(verify_password(weak, "pw"));
  EXPECT_TRUE(needs_rehash(weak));
}

bool is_base64url(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_'; });
}

TEST(RandomToken, Is43Base64UrlCharacters) {
  const auto t = random_token();
  EXPECT_EQ(t.size(), 43u);
  EXPECT_TRUE(is_base64url(t)) << t;
}

TEST(RandomToken, Unique) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const auto t = random_token();
    ASSERT_EQ(t.size(), 43u);
    ASSERT_TRUE(is_base64url(t)) << t;
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(TokenHash, Is64LowercaseHexOfSha256) {
  const auto h = token_hash(random_token());
  EXPECT_EQ(h.size(), 64u);
  EXPECT_TRUE(std::all_of(h.begin(), h.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  })) << h;
  // FIPS 180-2 test vector.
  EXPECT_EQ(token_hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(token_hash("abc"), token_hash("abc"));
  EXPECT_NE(token_hash("abc"), token_hash("abd"));
}

TEST(ConstantTimeEqual, ComparesContentAndLength) {
  EXPECT_TRUE(equal("abc", "abc"));
  EXPECT_TRUE(equal("", ""));
  EXPECT_FALSE(equal("abc", "abd"));
  EXPECT_FALSE(equal("abc", "abcd"));
  EXPECT_FALSE(equal("abc", ""));
}

}  // namespace
}  // namespace sgwrs::crypto
