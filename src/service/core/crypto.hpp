#pragma once
// Password hashing (argon2id, parameters stored in the hash string) and random tokens.
#include <string>
#include <string_view>

namespace sgwrs::crypto {

// Must be called once before any other function here.
void init();

// argon2id with libsodium's interactive limits (2 passes, 64 MiB).
std::string hash_password(std::string_view password);
bool verify_password(const std::string& hash, std::string_view password);
// True when a stored hash uses weaker parameters than current ones.
bool needs_rehash(const std::string& hash);

// 32 random bytes, base64url without padding (43 characters).
std::string random_token();
// SHA-256 of a token, hex; what is stored in place of session ids and API tokens.
std::string token_hash(std::string_view token);
// Compares in constant time.
bool equal(std::string_view a, std::string_view b);

}  // namespace sgwrs::crypto
