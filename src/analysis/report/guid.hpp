#pragma once
// GUIDs for exports (REFI-QDA needs one on every user, code, source, selection and
// coding), in the lower-case 8-4-4-4-12 form. Two ways to make them, both reproducible:
// - name-based (RFC 4122 version 5, SHA-1): the same namespace and name always give the
//   same GUID, so exporting the same data twice gives the same file;
// - random (version 4) from bytes the caller supplies, so this code holds no random state
//   and tests can fix the bytes.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sgwrs::analysis {

using GuidBytes = std::array<std::uint8_t, 16>;

// The namespace under which Sgwrs derives its own name-based GUIDs.
inline constexpr std::string_view sgwrs_guid_namespace = "5b0a6f3e-8c1d-4e2a-9f47-2d6c3b1a7e90";

// Whether `s` is a GUID in 8-4-4-4-12 hexadecimal form (either case, no braces).
bool is_guid(std::string_view s);

std::optional<GuidBytes> parse_guid(std::string_view s);
std::string format_guid(const GuidBytes& bytes);  // lower case

// Version 4: the caller's 16 random bytes with the version and variant bits set.
std::string random_guid(GuidBytes random_bytes);

// Draws 16 bytes from any uniform random bit generator (e.g. std::random_device).
template <typename Urbg>
std::string random_guid(Urbg& generator) {
  GuidBytes bytes{};
  for (auto& b : bytes) b = static_cast<std::uint8_t>(generator() & 0xFFu);
  return random_guid(bytes);
}

// Version 5: SHA-1 of the namespace's bytes followed by the name. `namespace_guid` must be
// a GUID (throws std::invalid_argument otherwise: a programming error).
std::string name_guid(std::string_view namespace_guid, std::string_view name);

// Shorthand for name_guid(sgwrs_guid_namespace, name).
std::string sgwrs_guid(std::string_view name);

}  // namespace sgwrs::analysis
