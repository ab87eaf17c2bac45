#pragma once
// Helpers for the importer tests: error codes, a temporary folder, writing files, and LibreOffice
// to make real .docx and .pdf files from text.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "analysis/import/import_types.hpp"

namespace sgwrs::analysis::test {

// A fresh directory under the system temp folder, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "sgwrs-import-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// The error code of an extraction, or "ok" when it gave text.
inline std::string code_of(const ExtractResult& r) {
  auto* e = std::get_if<ImportError>(&r);
  return e ? e->code : "ok";
}

inline void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline bool have_soffice() {
  return std::system("command -v soffice >/dev/null 2>&1") == 0;
}

// Converts each file to `target` ("docx", "pdf" or a full filter spec) into out_dir with a
// throwaway LibreOffice profile, so tests running at once do not share one. Returns false
// when the conversion did not produce every file.
inline bool soffice_convert(const std::vector<std::filesystem::path>& inputs,
                            std::string_view target, const std::filesystem::path& out_dir,
                            std::string_view extension) {
  TempDir profile;
  std::string cmd = "soffice -env:UserInstallation=file://" + profile.path().string() +
                    " --headless --infilter=\"Text (encoded):UTF8,LF,,\" --convert-to '" +
                    std::string(target) + "' --outdir '" + out_dir.string() + "'";
  for (const auto& in : inputs) cmd += " '" + in.string() + "'";
  cmd += " >/dev/null 2>&1";
  if (std::system(cmd.c_str()) != 0) return false;
  for (const auto& in : inputs) {
    auto out = out_dir / in.filename();
    out.replace_extension(extension);
    if (!std::filesystem::exists(out)) return false;
  }
  return true;
}

#define SGWRS_REQUIRE_SOFFICE()                                                   \
  if (!::sgwrs::analysis::test::have_soffice())                                   \
  GTEST_SKIP() << "LibreOffice (soffice) is not installed; scripts/install-deps " \
                  "installs it. Real .docx/.pdf import is not tested."

}  // namespace sgwrs::analysis::test
