#pragma once
// SHA-1 (FIPS 180-4), used only to derive name-based GUIDs (RFC 4122 version 5), which the
// RFC defines over SHA-1. Not for anything where collision resistance matters.
#include <array>
#include <cstdint>
#include <string_view>

namespace sgwrs::analysis {

std::array<std::uint8_t, 20> sha1(std::string_view data);

}  // namespace sgwrs::analysis
