// libFuzzer: url-encoded form bodies, and multipart bodies whose first line is taken as the
// Content-Type (so boundaries are fuzzed too).
#include <cstdint>
#include <string_view>

#include "http/core/request.hpp"

using namespace sgwrs::http;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  for (const auto& [name, value] : parse_form_values(in)) (void)(name.size() + value.size());
  (void)form_decode(in);
  (void)parse_id(in);
  const auto eol = in.find('\n');
  if (eol == std::string_view::npos) return 0;
  if (auto parts = parse_multipart(in.substr(eol + 1), in.substr(0, eol)))
    for (const auto& p : *parts) (void)(p.name.size() + p.filename.size() + p.body.size());
  return 0;
}
