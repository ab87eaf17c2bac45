// libFuzzer: API request bodies through JsonInput (the one reader every API handler uses),
// then every accessor on the fields a handler would read.
#include <cstdint>
#include <string>

#include "http/core/json_io.hpp"

using namespace sgwrs::http;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  auto parsed = JsonInput::parse(body, {"name", "theme", "start", "end", "accept", "pod_id"});
  auto* in = std::get_if<JsonInput>(&parsed);
  if (!in) return 0;
  (void)in->text("name");
  (void)in->text("theme");
  (void)in->integer("start");
  (void)in->integer("end");
  (void)in->boolean("accept");
  (void)in->is_null("pod_id");
  (void)in->integer("pod_id");
  return 0;
}
