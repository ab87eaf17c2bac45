// Compiled into each test program that hashes passwords or makes tokens: libsodium must be
// initialised once before any crypto:: call, as main() does in the real program.
#include <gtest/gtest.h>

#include "service/core/crypto.hpp"

namespace {

class CryptoEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { sgwrs::crypto::init(); }
};

[[maybe_unused]] ::testing::Environment* const kCryptoEnvironment =
    ::testing::AddGlobalTestEnvironment(new CryptoEnvironment);

}  // namespace
