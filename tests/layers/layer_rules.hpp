#pragma once
// The layers' one direction (docs/architecture.md), checked on the sources: a file under
// src/<layer>/ may include only headers of its own layer and of the layers it stands on,
// and the http and web layers never name a store type, nor does a service's header include
// a store header (the layers above include service headers). The layer of a file, and of an
// included header, is the first folder under src/, so the rule holds for
// src/<layer>/<capability>/ too.
#include <filesystem>
#include <string>
#include <vector>

namespace sgwrs::test {

struct LayerViolation {
  std::string file;  // relative to the root given
  int line = 0;
  std::string what;
};

std::vector<LayerViolation> check_layers(const std::filesystem::path& src_root);

}  // namespace sgwrs::test
