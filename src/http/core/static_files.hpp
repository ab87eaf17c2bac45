#pragma once
// Public assets (govuk-frontend CSS, JS, fonts, images; Sgwrs's own CSS and JS), read
// into memory once at start so serving them touches no disk and no user input reaches a path.
#include <optional>
#include <string>
#include <unordered_map>

namespace sgwrs::http {

struct StaticFile {
  std::string content;
  std::string type;
};

class StaticFiles {
 public:
  // Adds every file under dir, served at url_prefix + relative path.
  void add_dir(const std::string& url_prefix, const std::string& dir);
  void add_file(const std::string& url_path, const std::string& file);
  const StaticFile* find(const std::string& url_path) const;

 private:
  std::unordered_map<std::string, StaticFile> files_;
};

}  // namespace sgwrs::http
