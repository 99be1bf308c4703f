// The layout of a cache image. All integers are in the writing machine's byte order, which the
// header records: an image from a machine of the other order is foreign and never read.
//
//   header (152 bytes)
//   metadata: CBOR (dictionaries, file reports, revisions, skipped rows, coverage, inputs)
//   slice table: one SliceEntry per (source, kind, province), in key order
//   keys:  uint64[record_count]   sorted, as Dataset::keys
//   cents: int64[record_count]    as Dataset::cents
//   total keys:  uint64[total_count]   one total row per (source, kind, province, month)
//   total cents: int64[total_count]
//
// Sections start at multiples of 8 bytes. The header checksum covers the header; the metadata
// checksum the metadata and the slice table; each slice's checksum its keys and cents; the totals
// checksum both total columns. Checksums are XXH3-64. Last, a keyed checksum (XXH3-128 with the
// account's secret key, see cache_directory.hpp) of the header with all of the above binds the
// image to the account that wrote it: anybody can recompute the others, nobody else this one.
#pragma once

#include <array>
#include <cstdint>
#include <type_traits>

#include "kexport/model/dataset.hpp"

namespace kexport::cache {

inline constexpr std::array<char, 8> image_magic = {'K', 'X', 'C', 'A', 'C', 'H', 'E', '\x1a'};
// Bumped whenever the layout or the meaning of a field changes.
inline constexpr std::uint32_t image_format_version = 12;  // 12: TİM bulletins
inline constexpr std::uint32_t byte_order_mark = 0x01020304;
inline constexpr const char* image_extension = ".kxc";

struct ImageHeader {
  std::array<char, 8> magic{};
  std::uint32_t format_version = 0;
  std::uint32_t byte_order = 0;
  std::uint64_t identity = 0;  // see identity_hash(): the inputs and the program it came from
  std::uint64_t file_size = 0;
  std::uint64_t record_count = 0;
  std::uint64_t slice_count = 0;
  std::uint64_t total_count = 0;
  std::uint64_t meta_offset = 0;
  std::uint64_t meta_size = 0;
  std::uint64_t meta_checksum = 0;  // metadata and slice table
  std::uint64_t slices_offset = 0;
  std::uint64_t keys_offset = 0;
  std::uint64_t cents_offset = 0;
  std::uint64_t total_keys_offset = 0;
  std::uint64_t total_cents_offset = 0;
  std::uint64_t totals_checksum = 0;
  std::uint64_t header_checksum = 0;              // of the bytes before it
  std::array<std::uint64_t, 2> keyed_checksum{};  // of the bytes before it, with the account's key
};
static_assert(std::is_trivially_copyable_v<ImageHeader> && sizeof(ImageHeader) == 152);

// The records of one (source, kind, province): rows [begin, end) of the key and cent columns.
struct SliceEntry {
  std::uint64_t prefix = 0;  // RecordKey::packed() >> slice_shift
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  std::uint64_t checksum = 0;
};
static_assert(std::is_trivially_copyable_v<SliceEntry> && sizeof(SliceEntry) == 32);

// A slice is one (source, kind, province): what a packed key shifted right by this leaves.
inline constexpr int slice_shift = RecordKey::province_shift;

}  // namespace kexport::cache
