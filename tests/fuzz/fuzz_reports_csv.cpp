// libFuzzer: a reports.csv beside imported follow-up reports (encodings, quoting, columns).
#include <cstdint>
#include <string_view>

#include "analysis/import/metadata_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto csv = sgwrs::analysis::parse_metadata_csv(
      std::string_view(reinterpret_cast<const char*>(data), size));
  (void)csv;
  return 0;
}
