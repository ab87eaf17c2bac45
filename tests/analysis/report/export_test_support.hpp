#pragma once
// Helpers for the export tests: a scratch folder, reading entries back out of a zip with
// libzip, and running a command (xmllint) to capture its exit status and output.
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace sgwrs::analysis::test {

class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name)
      : path_(std::filesystem::temp_directory_path() /
              ("sgwrs-report-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_file(const std::filesystem::path& p, const std::string& data) {
  std::ofstream(p, std::ios::binary) << data;
}

// Entry names in the archive, in order.
inline std::vector<std::string> zip_names(const std::filesystem::path& archive) {
  std::vector<std::string> names;
  int error = 0;
  zip_t* z = zip_open(archive.string().c_str(), ZIP_RDONLY, &error);
  if (z == nullptr) return names;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i)
    names.emplace_back(zip_get_name(z, static_cast<zip_uint64_t>(i), 0));
  zip_close(z);
  return names;
}

inline std::optional<std::string> zip_entry(const std::filesystem::path& archive,
                                            const std::string& name) {
  int error = 0;
  zip_t* z = zip_open(archive.string().c_str(), ZIP_RDONLY, &error);
  if (z == nullptr) return std::nullopt;
  std::optional<std::string> out;
  if (zip_file_t* f = zip_fopen(z, name.c_str(), 0)) {
    std::string data;
    char buf[8192];
    zip_int64_t n;
    while ((n = zip_fread(f, buf, sizeof buf)) > 0) data.append(buf, static_cast<std::size_t>(n));
    zip_fclose(f);
    if (n == 0) out = std::move(data);
  }
  zip_close(z);
  return out;
}

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

inline CommandResult run(const std::string& command) {
  CommandResult r;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.output.append(buf, n);
  const int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace sgwrs::analysis::test
