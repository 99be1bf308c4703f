// libFuzzer target: any bytes as a cache image. A checksum stops almost every random change, so
// the target first makes the checksums right again, the keyed one with a fixed key (the seeds in
// tests/fuzz/corpus/image are sealed with it): what is left to catch (bounds, order, ids
// beyond the dictionaries, malformed metadata) must end in BadImage, never a crash, and a
// dataset that passes must answer questions without failing in unexpected ways.
#include <xxhash.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "image_seal.hpp"
#include "kexport/cache/cache_image.hpp"
#include "kexport/compute/analysis.hpp"
#include "kexport/compute/summary.hpp"
#include "kexport/model/error.hpp"

namespace {
const kexport::cache::ImageKey key = test::fixed_key();
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  test::reseal(bytes, key);
  try {
    const kexport::cache::Image image(bytes, key);
    for (const auto& [focus, totals] :
         {std::pair<std::optional<kexport::ProvinceId>, bool>{std::nullopt, false},
          {38, false},
          {std::nullopt, true}}) {
      try {
        const kexport::Dataset dataset = image.dataset(focus, totals);
        kexport::SummaryQuery query;
        query.province = 38;  // Kayseri
        (void)kexport::compute_summary(dataset, kexport::Gazetteer::builtin(), query);
        (void)kexport::compute_rank(dataset, {});
      } catch (const kexport::cache::BadImage&) {
      } catch (const kexport::Error&) {
      }
    }
  } catch (const kexport::cache::BadImage&) {
  }
  return 0;
}
