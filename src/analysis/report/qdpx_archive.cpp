// The .qdpx archive: project.qde at the top, each source's text in sources/<guid>.txt.
#include <zip.h>

#include <ctime>
#include <deque>

#include "analysis/report/qdpx.hpp"

namespace sgwrs::analysis {

namespace {

Error write_failed(const std::filesystem::path& path, const std::string& why) {
  return Error::of(Errc::unavailable, "export.write_failed",
                   "could not write " + path.string() + ": " + why);
}

// The project's creation time as a time_t (UTC), so entries carry a time that depends
// only on the project; the current time if it has none.
std::time_t entry_time(const std::string& created) {
  std::tm tm{};
  if (created.size() >= 19 &&
      std::sscanf(created.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec) == 6) {
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return timegm(&tm);
  }
  return std::time(nullptr);
}

}  // namespace

Status write_qdpx(const QdaProject& project, const std::filesystem::path& path) {
  if (Status s = validate(project); !s) return s;

  std::filesystem::path partial = path;
  partial += ".partial";
  int zip_error = 0;
  zip_t* zip = zip_open(partial.string().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &zip_error);
  if (zip == nullptr) {
    zip_error_t error;
    zip_error_init_with_code(&error, zip_error);
    Error e = write_failed(path, zip_error_strerror(&error));
    zip_error_fini(&error);
    return e;
  }

  // libzip reads the buffers when the archive is closed, so they must live until then.
  std::deque<std::pair<std::string, std::string>> entries;
  entries.emplace_back("project.qde", project_qde_xml(project));
  for (const QdaSource& s : project.sources)
    entries.emplace_back("sources/" + s.guid + ".txt", s.text);

  const std::time_t when = entry_time(project.created);
  auto fail = [&](const std::string& why) {
    zip_discard(zip);
    std::error_code ec;
    std::filesystem::remove(partial, ec);
    return write_failed(path, why);
  };
  for (const auto& [name, data] : entries) {
    zip_source_t* source = zip_source_buffer(zip, data.data(), data.size(), 0);
    if (source == nullptr) return fail(zip_strerror(zip));
    const zip_int64_t index = zip_file_add(zip, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(source);
      return fail(zip_strerror(zip));
    }
    if (zip_file_set_mtime(zip, static_cast<zip_uint64_t>(index), when, 0) < 0)
      return fail(zip_strerror(zip));
  }
  if (zip_close(zip) < 0) {
    const std::string why = zip_strerror(zip);
    return fail(why);
  }

  std::error_code ec;
  std::filesystem::rename(partial, path, ec);
  if (ec) {
    std::filesystem::remove(partial, ec);
    return write_failed(path, ec.message());
  }
  return ok_status();
}

}  // namespace sgwrs::analysis
