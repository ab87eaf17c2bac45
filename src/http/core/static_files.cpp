#include "http/core/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace sgwrs::http {
namespace fs = std::filesystem;
namespace {

std::string type_for(const fs::path& p) {
  const auto ext = p.extension().string();
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".png") return "image/png";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".json") return "application/json";
  return "application/octet-stream";
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

void StaticFiles::add_dir(const std::string& url_prefix, const std::string& dir) {
  if (!fs::is_directory(dir)) throw std::runtime_error("asset directory not found: " + dir);
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().extension() == ".map") continue;
    const auto rel = fs::relative(e.path(), dir).generic_string();
    files_[url_prefix + rel] = {read(e.path()), type_for(e.path())};
  }
}

void StaticFiles::add_file(const std::string& url_path, const std::string& file) {
  files_[url_path] = {read(file), type_for(file)};
}

const StaticFile* StaticFiles::find(const std::string& url_path) const {
  auto it = files_.find(url_path);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace sgwrs::http
