#include <fcntl.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "image_meta.hpp"
#include "kexport/cache/cache_image.hpp"
#include "kexport/model/error.hpp"
#include "kexport/model/file_io.hpp"

namespace kexport::cache {
namespace {

std::uint64_t align8(std::uint64_t offset) {
  return (offset + 7) / 8 * 8;
}

template <typename T>
std::string_view bytes_of(std::span<const T> values) {
  return {reinterpret_cast<const char*>(values.data()), values.size_bytes()};
}

// A temporary file in the cache directory, removed unless the image was renamed into place.
// Made and renamed relative to the directory's descriptor, never through a link.
class TemporaryFile {
 public:
  TemporaryFile(const CacheDirectory& directory, std::string name)
      : directory_(directory), name_(std::move(name)), shown_((directory.path() / name_).string()) {
    // Readable by its owner only: the data may not be for everyone on the machine.
    fd_ = ::openat(directory.fd(), name_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd_ < 0) throw Error(ExitCode::io, shown_ + ": cannot create: " + std::strerror(errno));
  }
  ~TemporaryFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!kept_) ::unlinkat(directory_.fd(), name_.c_str(), 0);
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  void write(std::string_view bytes) { write_all(fd_, bytes, shown_); }
  void pad_to(std::uint64_t offset, std::uint64_t& written) {
    write(std::string(offset - written, '\0'));
    written = offset;
  }
  void write_at_start(std::string_view bytes) {
    if (::pwrite(fd_, bytes.data(), bytes.size(), 0) != static_cast<ssize_t>(bytes.size()))
      throw Error(ExitCode::io, shown_ + ": write failed: " + std::strerror(errno));
  }
  void rename_to(const std::string& target) {
    if (::close(fd_) != 0) {
      fd_ = -1;
      throw Error(ExitCode::io, shown_ + ": write failed: " + std::strerror(errno));
    }
    fd_ = -1;
    if (::renameat(directory_.fd(), name_.c_str(), directory_.fd(), target.c_str()) != 0)
      throw Error(ExitCode::io,
                  (directory_.path() / target).string() + ": cannot replace: " + std::strerror(errno));
    kept_ = true;
  }

 private:
  const CacheDirectory& directory_;
  std::string name_;
  std::string shown_;
  int fd_ = -1;
  bool kept_ = false;
};

}  // namespace

void write_image(const CacheDirectory& directory, const std::string& name, const Dataset& data,
                 std::uint64_t identity, const nlohmann::json& about, const ImageKey& key) {
  // The slices: one per (source, province), in key order.
  std::vector<SliceEntry> slices;
  for (std::size_t row = 0; row < data.keys.size();) {
    SliceEntry slice{data.keys[row] >> slice_shift, row, 0, 0};
    while (row < data.keys.size() && data.keys[row] >> slice_shift == slice.prefix) ++row;
    slice.end = row;
    const auto rows = static_cast<std::size_t>(slice.end - slice.begin);
    slice.checksum = columns_checksum(bytes_of(std::span(data.keys).subspan(slice.begin, rows)),
                                      bytes_of(std::span(data.cents).subspan(slice.begin, rows)));
    slices.push_back(slice);
  }
  KeyColumn total_keys;
  CentsColumn total_cents;
  append_monthly_totals(data.keys, data.cents, total_keys, total_cents);

  const std::vector<std::uint8_t> meta =
      nlohmann::json::to_cbor(nlohmann::json{{"about", about}, {"dataset", describe(data)}});
  const std::string_view meta_bytes(reinterpret_cast<const char*>(meta.data()), meta.size());
  const std::string_view slice_bytes = bytes_of(std::span<const SliceEntry>(slices));

  ImageHeader header;
  header.magic = image_magic;
  header.format_version = image_format_version;
  header.byte_order = byte_order_mark;
  header.identity = identity;
  header.record_count = data.keys.size();
  header.slice_count = slices.size();
  header.total_count = total_keys.size();
  header.meta_offset = sizeof(ImageHeader);
  header.meta_size = meta.size();
  header.meta_checksum = XXH3_64bits_withSeed(slice_bytes.data(), slice_bytes.size(),
                                              XXH3_64bits(meta_bytes.data(), meta_bytes.size()));
  header.slices_offset = align8(header.meta_offset + header.meta_size);
  header.keys_offset = header.slices_offset + slice_bytes.size();
  header.cents_offset = header.keys_offset + 8 * header.record_count;
  header.total_keys_offset = header.cents_offset + 8 * header.record_count;
  header.total_cents_offset = header.total_keys_offset + 8 * header.total_count;
  header.file_size = header.total_cents_offset + 8 * header.total_count;
  header.totals_checksum = columns_checksum(bytes_of(std::span<const std::uint64_t>(total_keys)),
                                            bytes_of(std::span<const Cents>(total_cents)));
  header.header_checksum = XXH3_64bits(&header, offsetof(ImageHeader, header_checksum));
  header.keyed_checksum = keyed_checksum(header, key);

  TemporaryFile out(directory, name + ".tmp." + std::to_string(::getpid()));
  // The header goes last: a file cut short by a crash has none that could pass as valid.
  std::uint64_t written = 0;
  out.pad_to(sizeof(ImageHeader), written);
  out.write(meta_bytes);
  written += meta_bytes.size();
  out.pad_to(header.slices_offset, written);
  out.write(slice_bytes);
  out.write(bytes_of(std::span<const std::uint64_t>(data.keys)));
  out.write(bytes_of(std::span<const Cents>(data.cents)));
  out.write(bytes_of(std::span<const std::uint64_t>(total_keys)));
  out.write(bytes_of(std::span<const Cents>(total_cents)));
  out.write_at_start(std::string_view(reinterpret_cast<const char*>(&header), sizeof header));
  out.rename_to(name);
}

}  // namespace kexport::cache
