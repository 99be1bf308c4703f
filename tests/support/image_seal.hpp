// For tests and the image fuzzer: a fixed account key, and resealing image bytes after a change,
// which makes every checksum right again (innermost first, the keyed one last) as someone who
// knows the key could. What is left to catch is then up to the reader's other checks.
#pragma once

#include <xxhash.h>

#include <cstddef>
#include <cstring>
#include <string>

#include "kexport/cache/cache_image.hpp"

namespace test {

inline kexport::cache::ImageKey fixed_key() {
  kexport::cache::ImageKey key;
  for (std::size_t i = 0; i < key.secret.size(); ++i) key.secret[i] = static_cast<unsigned char>(i * 7 + 1);
  return key;
}

inline bool fits(const std::string& bytes, std::uint64_t offset, std::uint64_t count, std::uint64_t size) {
  return offset <= bytes.size() && count <= (bytes.size() - offset) / size;
}

// Recomputes every checksum whose section lies inside the bytes, innermost first.
inline void reseal(std::string& bytes, const kexport::cache::ImageKey& key) {
  using kexport::cache::ImageHeader;
  using kexport::cache::SliceEntry;
  if (bytes.size() < sizeof(ImageHeader)) return;
  ImageHeader h;
  std::memcpy(&h, bytes.data(), sizeof h);
  if (fits(bytes, h.slices_offset, h.slice_count, sizeof(SliceEntry)) &&
      fits(bytes, h.keys_offset, h.record_count, 8) && fits(bytes, h.cents_offset, h.record_count, 8)) {
    for (std::uint64_t i = 0; i < h.slice_count; ++i) {
      SliceEntry s;
      char* at = bytes.data() + h.slices_offset + i * sizeof s;
      std::memcpy(&s, at, sizeof s);
      if (s.begin > s.end || s.end > h.record_count) continue;
      const std::string_view all(bytes);
      s.checksum =
          kexport::cache::columns_checksum(all.substr(h.keys_offset + s.begin * 8, (s.end - s.begin) * 8),
                                           all.substr(h.cents_offset + s.begin * 8, (s.end - s.begin) * 8));
      std::memcpy(at, &s, sizeof s);
    }
  }
  if (fits(bytes, h.total_keys_offset, h.total_count, 8) &&
      fits(bytes, h.total_cents_offset, h.total_count, 8))
    h.totals_checksum = kexport::cache::columns_checksum(
        std::string_view(bytes).substr(h.total_keys_offset, h.total_count * 8),
        std::string_view(bytes).substr(h.total_cents_offset, h.total_count * 8));
  if (fits(bytes, h.meta_offset, h.meta_size, 1) &&
      fits(bytes, h.slices_offset, h.slice_count, sizeof(SliceEntry)))
    h.meta_checksum = XXH3_64bits_withSeed(bytes.data() + h.slices_offset, h.slice_count * sizeof(SliceEntry),
                                           XXH3_64bits(bytes.data() + h.meta_offset, h.meta_size));
  h.file_size = bytes.size();
  h.header_checksum = XXH3_64bits(&h, offsetof(ImageHeader, header_checksum));
  h.keyed_checksum = kexport::cache::keyed_checksum(h, key);
  std::memcpy(bytes.data(), &h, sizeof h);
}

}  // namespace test
