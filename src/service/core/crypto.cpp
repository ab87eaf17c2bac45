#include "service/core/crypto.hpp"

#include <sodium.h>

#include <stdexcept>

namespace sgwrs::crypto {
namespace {
constexpr auto kOps = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr auto kMem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
}  // namespace

void init() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not initialise");
}

std::string hash_password(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOps, kMem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool verify_password(const std::string& hash, std::string_view password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool needs_rehash(const std::string& hash) {
  return crypto_pwhash_str_needs_rehash(hash.c_str(), kOps, kMem) != 0;
}

std::string random_token() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string token_hash(std::string_view token) {
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

bool equal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace sgwrs::crypto
