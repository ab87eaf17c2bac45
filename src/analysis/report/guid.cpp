#include "analysis/report/guid.hpp"

#include <stdexcept>

#include "analysis/report/sha1.hpp"

namespace sgwrs::analysis {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool dash_at(std::size_t i) {
  return i == 8 || i == 13 || i == 18 || i == 23;
}

GuidBytes with_version(GuidBytes b, std::uint8_t version) {
  b[6] = static_cast<std::uint8_t>((b[6] & 0x0F) | (version << 4));
  b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant: 10xx
  return b;
}

}  // namespace

bool is_guid(std::string_view s) {
  return parse_guid(s).has_value();
}

std::optional<GuidBytes> parse_guid(std::string_view s) {
  if (s.size() != 36) return std::nullopt;
  GuidBytes bytes{};
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (dash_at(i)) {
      if (s[i] != '-') return std::nullopt;
      ++i;
      continue;
    }
    const int hi = hex_value(s[i]);
    const int lo = i + 1 < s.size() && !dash_at(i + 1) ? hex_value(s[i + 1]) : -1;
    if (hi < 0 || lo < 0) return std::nullopt;
    bytes[n++] = static_cast<std::uint8_t>(hi * 16 + lo);
    i += 2;
  }
  return bytes;
}

std::string format_guid(const GuidBytes& bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 0x0F];
  }
  return out;
}

std::string random_guid(GuidBytes random_bytes) {
  return format_guid(with_version(random_bytes, 4));
}

std::string name_guid(std::string_view namespace_guid, std::string_view name) {
  const auto ns = parse_guid(namespace_guid);
  if (!ns)
    throw std::invalid_argument("name_guid: '" + std::string(namespace_guid) + "' is not a GUID");
  std::string input(ns->begin(), ns->end());
  input.append(name);
  const auto digest = sha1(input);
  GuidBytes bytes{};
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = digest[i];
  return format_guid(with_version(bytes, 5));
}

std::string sgwrs_guid(std::string_view name) {
  return name_guid(sgwrs_guid_namespace, name);
}

}  // namespace sgwrs::analysis
