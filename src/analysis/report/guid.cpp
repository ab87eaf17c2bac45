#include "analysis/report/guid.hpp"

#include <algorithm>
#include <boost/uuid/name_generator_sha1.hpp>
#include <boost/uuid/string_generator.hpp>
#include <boost/uuid/uuid.hpp>
#include <boost/uuid/uuid_io.hpp>
#include <cctype>
#include <stdexcept>

namespace sgwrs::analysis {

namespace {

namespace uuids = boost::uuids;

uuids::uuid from_bytes(const GuidBytes& b) {
  uuids::uuid u{};
  std::copy(b.begin(), b.end(), u.begin());
  return u;
}

// Only the 8-4-4-4-12 form: Boost's string_generator also takes braces and no dashes.
bool canonical_form(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (s[i] == '-')) return false;
    if (!dash && !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

}  // namespace

bool is_guid(std::string_view s) {
  return canonical_form(s);
}

std::optional<GuidBytes> parse_guid(std::string_view s) {
  if (!canonical_form(s)) return std::nullopt;
  const uuids::uuid u = uuids::string_generator()(s.begin(), s.end());
  GuidBytes out{};
  std::copy(u.begin(), u.end(), out.begin());
  return out;
}

std::string format_guid(const GuidBytes& bytes) {
  return uuids::to_string(from_bytes(bytes));  // lower case
}

std::string random_guid(GuidBytes random_bytes) {
  random_bytes[6] = static_cast<std::uint8_t>((random_bytes[6] & 0x0F) | 0x40);  // version 4
  random_bytes[8] = static_cast<std::uint8_t>((random_bytes[8] & 0x3F) | 0x80);  // RFC 4122
  return format_guid(random_bytes);
}

std::string name_guid(std::string_view namespace_guid, std::string_view name) {
  const auto ns = parse_guid(namespace_guid);
  if (!ns)
    throw std::invalid_argument("name_guid: '" + std::string(namespace_guid) + "' is not a GUID");
  // RFC 4122 version 5: SHA-1 of the namespace's bytes and the name, by Boost.Uuid.
  return uuids::to_string(uuids::name_generator_sha1(from_bytes(*ns))(name.data(), name.size()));
}

std::string sgwrs_guid(std::string_view name) {
  return name_guid(sgwrs_guid_namespace, name);
}

}  // namespace sgwrs::analysis
