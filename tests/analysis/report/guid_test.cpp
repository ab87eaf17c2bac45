// GUIDs (made by Boost.Uuid) against RFC 4122 and Python's uuid, so exports keep the same
// GUIDs they always had.
#include "analysis/report/guid.hpp"

#include <gtest/gtest.h>

#include <random>
#include <stdexcept>

namespace sgwrs::analysis {
namespace {

TEST(Guid, NameBasedMatchesRfc4122Version5) {
  // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
  EXPECT_EQ(name_guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org"),
            "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  // Python: uuid.uuid5(uuid.UUID("5b0a6f3e-8c1d-4e2a-9f47-2d6c3b1a7e90"), "sgwrs")
  EXPECT_EQ(sgwrs_guid("sgwrs"), "92081c57-f4b9-5a5b-a6a5-90dd8f5fe18b");
  EXPECT_EQ(sgwrs_guid("report:1"), sgwrs_guid("report:1"));
  EXPECT_NE(sgwrs_guid("report:1"), sgwrs_guid("report:2"));
  // An upper-case namespace names the same namespace.
  EXPECT_EQ(name_guid("6BA7B810-9DAD-11D1-80B4-00C04FD430C8", "python.org"),
            "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  EXPECT_THROW(name_guid("not a guid", "x"), std::invalid_argument);
}

TEST(Guid, RandomFromCallerBytesSetsVersionAndVariant) {
  GuidBytes ones;
  ones.fill(0xFF);
  EXPECT_EQ(random_guid(ones), "ffffffff-ffff-4fff-bfff-ffffffffffff");
  EXPECT_EQ(random_guid(GuidBytes{}), "00000000-0000-4000-8000-000000000000");

  std::mt19937 a(42), b(42);
  const std::string g = random_guid(a);
  EXPECT_TRUE(is_guid(g));
  EXPECT_EQ(g[14], '4');
  EXPECT_EQ(g, random_guid(b));  // same generator state, same GUID
  EXPECT_NE(g, random_guid(a));
}

TEST(Guid, Parsing) {
  EXPECT_TRUE(is_guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
  EXPECT_TRUE(is_guid("886313E1-3B8A-5372-9B90-0C9AEE199E5D"));
  for (const char* bad :
       {"", "886313e1-3b8a-5372-9b90-0c9aee199e5", "886313e1x3b8a-5372-9b90-0c9aee199e5d",
        "886313e1-3b8a-5372-9b90-0c9aee199e5g", "{886313e1-3b8a-5372-9b90-0c9aee199e5d}",
        "886313e13b8a53729b900c9aee199e5d"})
    EXPECT_FALSE(is_guid(bad)) << bad;
  auto bytes = parse_guid("00112233-4455-6677-8899-aabbccddeeff");
  ASSERT_TRUE(bytes);
  EXPECT_EQ((*bytes)[0], 0x00);
  EXPECT_EQ((*bytes)[15], 0xFF);
  EXPECT_EQ(format_guid(*bytes), "00112233-4455-6677-8899-aabbccddeeff");
}

}  // namespace
}  // namespace sgwrs::analysis
