#include <sys/mman.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "image_meta.hpp"
#include "kexport/cache/cache_image.hpp"

namespace kexport::cache {
namespace {

[[noreturn]] void damaged(const std::string& what) {
  throw BadImage(BadImage::Kind::damaged, what);
}

// Maps the whole pages of `bytes` before they are used (MADV_POPULATE_READ or _WRITE, Linux
// 5.14); where the system cannot, they are faulted in as used.
void prefault(std::string_view bytes, int advice) {
  if (bytes.size() < (64 << 10)) return;  // a few faults cost less than the call
  const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto begin = (reinterpret_cast<std::uintptr_t>(bytes.data()) + page - 1) / page * page;
  const auto end = (reinterpret_cast<std::uintptr_t>(bytes.data()) + bytes.size()) / page * page;
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, advice);
}

// memcpy, except that copying nothing is allowed to involve no storage at all.
void copy_bytes(void* to, std::string_view from) {
  if (!from.empty()) std::memcpy(to, from.data(), from.size());
}

}  // namespace

std::array<std::uint64_t, 2> keyed_checksum(const ImageHeader& header, const ImageKey& key) {
  const XXH128_hash_t hash = XXH3_128bits_withSecret(&header, offsetof(ImageHeader, keyed_checksum),
                                                     key.secret.data(), key.secret.size());
  return {hash.low64, hash.high64};
}

Image::Image(std::string_view bytes, const ImageKey& key) : bytes_(bytes) {
  if (bytes.size() < sizeof(ImageHeader)) damaged("shorter than its header");
  std::memcpy(&header_, bytes.data(), sizeof header_);
  if (header_.magic != image_magic) throw BadImage(BadImage::Kind::foreign, "not a kexport cache image");
  if (header_.format_version != image_format_version || header_.byte_order != byte_order_mark)
    throw BadImage(BadImage::Kind::foreign, "an image of another format version or byte order");
  if (header_.header_checksum != XXH3_64bits(&header_, offsetof(ImageHeader, header_checksum)))
    damaged("the header does not match its checksum");
  if (header_.keyed_checksum != keyed_checksum(header_, key))
    throw BadImage(BadImage::Kind::untrusted, "not sealed with this account's key");
  if (header_.file_size != bytes.size()) damaged("cut short or extended after it was written");

  const std::string_view meta = section(header_.meta_offset, header_.meta_size, 1);
  const std::string_view slices = section(header_.slices_offset, header_.slice_count, sizeof(SliceEntry));
  keys_ = section(header_.keys_offset, header_.record_count, 8);
  cents_ = section(header_.cents_offset, header_.record_count, 8);
  total_keys_ = section(header_.total_keys_offset, header_.total_count, 8);
  total_cents_ = section(header_.total_cents_offset, header_.total_count, 8);
  if (header_.meta_checksum !=
      XXH3_64bits_withSeed(slices.data(), slices.size(), XXH3_64bits(meta.data(), meta.size())))
    damaged("the metadata does not match its checksum");

  slices_.resize(header_.slice_count);
  copy_bytes(slices_.data(), slices);
  std::uint64_t next_row = 0;
  for (std::size_t i = 0; i < slices_.size(); ++i) {
    const SliceEntry& s = slices_[i];
    if (s.begin != next_row || s.end < s.begin || (i > 0 && s.prefix <= slices_[i - 1].prefix))
      damaged("the slice table is out of order");
    next_row = s.end;
  }
  if (next_row != header_.record_count) damaged("the slice table does not cover the records");

  try {
    nlohmann::json parsed = nlohmann::json::from_cbor(meta);
    about_ = std::move(parsed.at("about"));
    base_ = restore(parsed.at("dataset"));
  } catch (const std::exception& e) {
    damaged(std::string("unreadable metadata: ") + e.what());
  }
}

std::string_view Image::section(std::uint64_t offset, std::uint64_t count, std::uint64_t size) const {
  if (offset % 8 != 0 || offset < sizeof(ImageHeader) || offset > bytes_.size() ||
      count > (bytes_.size() - offset) / size)
    damaged("a section lies outside the file");
  return bytes_.substr(offset, count * size);
}

void Image::append(Dataset& out, std::string_view keys, std::string_view cents, std::uint64_t prefix) const {
  const std::size_t first = out.keys.size();
  const std::size_t rows = keys.size() / 8;
  out.keys.resize(first + rows);
  out.cents.resize(first + rows);
  copy_bytes(out.keys.data() + first, keys);
  copy_bytes(out.cents.data() + first, cents);
  // A checksum says the bytes are those written; these say they make sense to the code that
  // reads them, whatever wrote them.
  constexpr int month_shift = RecordKey::month_shift;
  for (std::size_t row = first; row < out.keys.size(); ++row) {
    const RecordKey key = out.key(row);
    const bool in_order = row == 0 || out.keys[row - 1] < out.keys[row];
    const bool known_ids =
        key.country < base_.countries.size() && key.source < base_.sources.size() &&
        ((out.keys[row] >> RecordKey::kind_shift) & 0xFF) < Stream::kinds &&
        (key.chapter < Dataset::first_sector_code ||
         key.chapter - Dataset::first_sector_code < static_cast<int>(base_.sectors.size()));
    // Queries index the coverage by month: a record's month must be one its source covers
    // (checked once per month: the records of a slice come month by month).
    const bool new_month = row == first || out.keys[row - 1] >> month_shift != out.keys[row] >> month_shift;
    const bool covered = known_ids && (!new_month || base_.covers(key.stream(), key.month));
    if (!in_order || out.keys[row] >> slice_shift != prefix || !covered)
      damaged("a record out of order, with an unknown name or in a month its source does not cover");
  }
}

Dataset Image::dataset(std::optional<ProvinceId> focus, bool totals_only) const {
  const auto whole = [&](ProvinceId province) {
    return !totals_only && (!focus || province == *focus || province == national_total);
  };
  // The total rows, read and checked only when some slice is wanted as totals.
  KeyColumn total_keys;
  if (std::any_of(slices_.begin(), slices_.end(),
                  [&](const SliceEntry& s) { return !whole(static_cast<ProvinceId>(s.prefix)); })) {
    if (columns_checksum(total_keys_, total_cents_) != header_.totals_checksum)
      damaged("the monthly totals do not match their checksum");
    total_keys.resize(header_.total_count);
    copy_bytes(total_keys.data(), total_keys_);
  }

  // Where each slice's rows come from: the records, or the monthly totals.
  struct Part {
    std::uint64_t prefix;
    std::string_view keys, cents;
    std::optional<std::uint64_t> checksum;  // for whole slices
  };
  std::vector<Part> parts;
  std::size_t rows = 0;
  for (const SliceEntry& s : slices_) {
    if (whole(static_cast<ProvinceId>(s.prefix))) {
      parts.push_back({s.prefix, keys_.substr(s.begin * 8, (s.end - s.begin) * 8),
                       cents_.substr(s.begin * 8, (s.end - s.begin) * 8), s.checksum});
    } else {
      const auto begin = std::lower_bound(total_keys.begin(), total_keys.end(), s.prefix << slice_shift);
      const auto end = std::lower_bound(begin, total_keys.end(), (s.prefix + 1) << slice_shift);
      const auto first = static_cast<std::size_t>(begin - total_keys.begin()) * 8;
      const auto size = static_cast<std::size_t>(end - begin) * 8;
      parts.push_back({s.prefix, total_keys_.substr(first, size), total_cents_.substr(first, size), {}});
    }
    rows += parts.back().keys.size() / 8;
  }

  Dataset out = base_;
  out.keys.reserve(rows);
  out.cents.reserve(rows);
  // The pages to be read and written, mapped in one call each rather than by a page fault every
  // few pages.
  for (const Part& part : parts) {
    prefault(part.keys, MADV_POPULATE_READ);
    prefault(part.cents, MADV_POPULATE_READ);
  }
  prefault({reinterpret_cast<const char*>(out.keys.data()), rows * 8}, MADV_POPULATE_WRITE);
  prefault({reinterpret_cast<const char*>(out.cents.data()), rows * 8}, MADV_POPULATE_WRITE);
  for (const Part& part : parts) {
    if (part.checksum && columns_checksum(part.keys, part.cents) != *part.checksum)
      damaged("a slice of records does not match its checksum");
    append(out, part.keys, part.cents, part.prefix);
  }
  return out;
}

}  // namespace kexport::cache
