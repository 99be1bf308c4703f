// libFuzzer target: any bytes as a cache image. A checksum stops almost every random change, so
// the target first makes the checksums right again: what is left to catch (bounds, order, ids
// beyond the dictionaries, malformed metadata) must end in BadImage, never a crash, and a
// dataset that passes must answer questions without failing in unexpected ways.
#include <xxhash.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "cache/image.hpp"
#include "kexport/analysis.hpp"
#include "kexport/error.hpp"
#include "kexport/summary.hpp"

namespace {

using kexport::cache::ImageHeader;
using kexport::cache::SliceEntry;

bool fits(const std::string& bytes, std::uint64_t offset, std::uint64_t count, std::uint64_t size) {
  return offset <= bytes.size() && count <= (bytes.size() - offset) / size;
}

// Recomputes every checksum whose section lies inside the bytes, innermost first.
void reseal(std::string& bytes) {
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
  std::memcpy(bytes.data(), &h, sizeof h);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  reseal(bytes);
  try {
    const kexport::cache::Image image(bytes);
    for (const auto& [focus, totals] :
         {std::pair<std::optional<kexport::ProvinceId>, bool>{std::nullopt, false},
          {38, false},
          {std::nullopt, true}}) {
      try {
        const kexport::Dataset dataset = image.dataset(focus, totals);
        kexport::SummaryQuery query;
        query.province = "Kayseri";
        (void)kexport::compute_summary(dataset, kexport::Gazetteer::builtin(), query);
        (void)kexport::compute_rank(dataset, kexport::Gazetteer::builtin(), {});
      } catch (const kexport::cache::BadImage&) {
      } catch (const kexport::Error&) {
      }
    }
  } catch (const kexport::cache::BadImage&) {
  }
  return 0;
}
