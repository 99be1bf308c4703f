// Writing and reading cache images (the layout is in image_format.hpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string_view>
#include <vector>

#include <xxhash.h>
#include <nlohmann/json.hpp>

#include "kexport/cache/cache_directory.hpp"
#include "kexport/cache/cache_image_format.hpp"
#include "kexport/model/dataset.hpp"

namespace kexport::cache {

// The checksum of a run of records: XXH3-64 of the cents, seeded with that of the keys.
inline std::uint64_t columns_checksum(std::string_view keys, std::string_view cents) {
  return XXH3_64bits_withSeed(cents.data(), cents.size(), XXH3_64bits(keys.data(), keys.size()));
}

// The keyed checksum of a header (see image_format.hpp): XXH3-128 of the bytes before it.
std::array<std::uint64_t, 2> keyed_checksum(const ImageHeader& header, const ImageKey& key);

// Writes `data` as the image `name` in the directory, through a temporary file beside it and a
// rename, so that a reader sees the old image or the new one, never half of one; sealed with
// the account's key. `about` (the request, the inputs, when) is stored with the metadata. Throws
// Error(io).
void write_image(const CacheDirectory& directory, const std::string& name, const Dataset& data,
                 std::uint64_t identity, const nlohmann::json& about, const ImageKey& key);

// Why an image cannot be used.
class BadImage : public std::runtime_error {
 public:
  enum class Kind {
    foreign,    // not an image of this format version or byte order: replaced without a word
    damaged,    // truncated, or a checksum or a bound that does not hold: replaced, and said
    untrusted,  // not sealed with this account's key (copied or made elsewhere): replaced, and said
  };
  BadImage(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  [[nodiscard]] Kind kind() const noexcept { return kind_; }

 private:
  Kind kind_;
};

// An image's bytes with the header, the slice table and the metadata checked. The records are
// checked only when dataset() reads them, slice by slice.
class Image {
 public:
  // Checks the header, the account's seal, the slice table and the metadata. Throws BadImage.
  Image(std::string_view bytes, const ImageKey& key);

  [[nodiscard]] std::uint64_t identity() const { return header_.identity; }
  [[nodiscard]] std::uint64_t records() const { return header_.record_count; }
  [[nodiscard]] const nlohmann::json& about() const { return about_; }

  // What a load focused on `focus` (or of totals only, or of everything) keeps: the whole slices
  // it needs, and the monthly total rows of the others. Throws BadImage when a slice it reads does
  // not match its checksum or breaks the key order.
  [[nodiscard]] Dataset dataset(std::optional<ProvinceId> focus, bool totals_only) const;

 private:
  [[nodiscard]] std::string_view section(std::uint64_t offset, std::uint64_t count, std::uint64_t size) const;
  void append(Dataset& out, std::string_view keys, std::string_view cents, std::uint64_t prefix) const;

  std::string_view bytes_;
  std::string_view keys_, cents_, total_keys_, total_cents_;  // the columns, bounds checked
  ImageHeader header_{};
  std::vector<SliceEntry> slices_;
  nlohmann::json about_;
  Dataset base_;  // everything but the columns
};

}  // namespace kexport::cache
