#include "web/core/catalogue.hpp"

#include <boost/json.hpp>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace sgwrs::web {
namespace {

void walk(const boost::json::object& o, const std::string& prefix,
          std::unordered_map<std::string, std::string>& flat) {
  for (const auto& kv : o) {
    const std::string key = prefix + std::string(kv.key());
    if (kv.value().is_object()) {
      walk(kv.value().as_object(), key + ".", flat);
    } else if (kv.value().is_string()) {
      flat[key] = std::string(kv.value().as_string());
    } else {
      throw std::runtime_error("catalogue value for " + key + " is not text");
    }
  }
}

}  // namespace

Catalogue Catalogue::load(const std::string& dir) {
  Catalogue c;
  for (Language l : {Language::en, Language::cy}) {
    const std::string path = dir + "/" + std::string(language_id(l)) + ".json";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read message catalogue " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    boost::json::error_code ec;
    auto v = boost::json::parse(ss.str(), ec);
    if (ec || !v.is_object())
      throw std::runtime_error("message catalogue " + path + " is not a JSON object");
    walk(v.as_object(), "", c.flat_[index(l)]);
  }
  return c;
}

const std::string& Catalogue::text(Language l, std::string_view key) const {
  const auto& m = flat_[index(l)];
  auto it = m.find(std::string(key));
  if (it != m.end()) return it->second;
  static thread_local std::string missing;
  missing = std::string(key);
  return missing;
}

bool Catalogue::has(Language l, std::string_view key) const {
  return flat_[index(l)].count(std::string(key)) > 0;
}

std::string Catalogue::format(Language l, std::string_view key,
                              const std::map<std::string, std::string>& args) const {
  std::string s = text(l, key);
  for (const auto& [name, value] : args) {
    const std::string token = "{" + name + "}";
    for (auto pos = s.find(token); pos != std::string::npos;
         pos = s.find(token, pos + value.size()))
      s.replace(pos, token.size(), value);
  }
  return s;
}

std::vector<std::string> Catalogue::keys(Language l) const {
  std::vector<std::string> out;
  for (const auto& kv : flat_[index(l)]) out.push_back(kv.first);
  return out;
}

}  // namespace sgwrs::web
