#include "layers/layer_rules.hpp"

#include <fstream>
#include <map>
#include <regex>
#include <set>

namespace sgwrs::test {
namespace {

// What each layer may include, itself among them.
const std::map<std::string, std::set<std::string>>& allowed() {
  static const std::map<std::string, std::set<std::string>> rules = {
      {"domain", {"domain"}},
      {"analysis", {"domain", "analysis"}},
      {"store", {"domain", "store"}},
      {"service", {"domain", "analysis", "store", "service"}},
      {"web", {"domain", "web"}},
      {"http", {"domain", "analysis", "service", "web", "http"}},
      {"cli", {"domain", "analysis", "store", "service", "web", "http", "cli"}},
  };
  return rules;
}

// Layers whose code must not name the store's types, even through a header of the layer
// below: services hand them their own or domain types.
const std::set<std::string> kNoStoreTypes = {"http", "web"};

std::string first_folder(const std::string& path) {
  return path.substr(0, path.find('/'));
}

}  // namespace

std::vector<LayerViolation> check_layers(const std::filesystem::path& src_root) {
  static const std::regex include(R"(^\s*#\s*include\s*"([^"]+)\")");
  static const std::regex store_type(R"(\bstore::)");
  std::vector<LayerViolation> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(src_root)) {
    const auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
    const std::string rel = entry.path().lexically_relative(src_root).generic_string();
    const std::string layer = first_folder(rel);
    auto rule = allowed().find(layer);
    if (rule == allowed().end()) {
      out.push_back({rel, 0, "is in no known layer (" + layer + ")"});
      continue;
    }
    std::ifstream in(entry.path());
    std::string text;
    int n = 0;
    bool in_comment = false;
    while (std::getline(in, text)) {
      ++n;
      std::smatch m;
      if (std::regex_search(text, m, include)) {
        const std::string target = m[1];
        const std::string target_layer = first_folder(target);
        if (target.find('/') != std::string::npos && !rule->second.count(target_layer))
          out.push_back({rel, n, "the " + layer + " layer includes \"" + target + "\""});
        // The layers above include services' headers, so those carry no store type up.
        else if (layer == "service" && ext == ".hpp" && target_layer == "store")
          out.push_back({rel, n, "a service header includes \"" + target + "\""});
        continue;
      }
      if (!kNoStoreTypes.count(layer)) continue;
      // Code, not comments: the part of the line before any // and outside /* */.
      std::string code;
      for (std::size_t i = 0; i < text.size(); ++i) {
        if (in_comment) {
          if (text.compare(i, 2, "*/") == 0) in_comment = false, ++i;
          continue;
        }
        if (text.compare(i, 2, "/*") == 0) {
          in_comment = true;
          ++i;
          continue;
        }
        if (text.compare(i, 2, "//") == 0) break;
        code += text[i];
      }
      if (std::regex_search(code, store_type))
        out.push_back({rel, n, "the " + layer + " layer names a store type"});
    }
  }
  return out;
}

}  // namespace sgwrs::test
