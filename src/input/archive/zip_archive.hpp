// A zip archive in memory (an .xlsx or .ods workbook), read through libzip with limits that keep
// a crafted archive from taking memory or time out of proportion: an entry may inflate to at most
// max_entry_bytes, and beyond the first ratio_grace bytes to at most max_ratio times its
// compressed size. The inflated bytes are counted as they come, not taken from the headers.
// Entries may be read on different threads at once: libzip is called under the archive's lock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "archive/raw_inflate.hpp"

struct zip;
struct zip_file;

namespace kexport::input {

class ZipArchive {
 public:
  static constexpr std::uint64_t max_entry_bytes = std::uint64_t{2} << 30;
  static constexpr std::uint64_t max_ratio = 250;
  static constexpr std::uint64_t ratio_grace = 16 << 20;

  // Throws DataError naming `file` when the bytes are not a zip archive libzip can read.
  ZipArchive(std::string_view bytes, const std::string& file);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  [[nodiscard]] bool has(const std::string& name) const;
  [[nodiscard]] std::vector<std::string> names() const;

  // One entry, read in pieces.
  class Entry {
   public:
    Entry(const ZipArchive& archive, const std::string& name);
    ~Entry();
    Entry(const Entry&) = delete;
    Entry& operator=(const Entry&) = delete;
    // Up to `size` bytes into `buffer`; 0 at the end. Throws DataError past the limits.
    std::size_t read(char* buffer, std::size_t size);

   private:
    // What zip_fread gives: the inflated bytes, or (with ISA-L) the stored ones, inflated here.
    std::size_t read_inflated(char* buffer, std::size_t size);
    std::size_t read_stored(char* buffer, std::size_t size);
    [[noreturn]] void damaged(const std::string& why) const;

    const ZipArchive& archive_;
    std::string name_;
    zip_file* file_ = nullptr;
    std::uint64_t compressed_ = 0;
    std::uint64_t inflated_ = 0;
    // Set when ISA-L inflates the entry: the stored bytes read so far and not yet inflated, and what
    // the archive says the inflated entry is.
    std::unique_ptr<RawInflate> inflate_;
    std::vector<unsigned char> stored_;
    std::size_t stored_at_ = 0, stored_end_ = 0;
    bool stored_done_ = false, inflate_done_ = false;
    std::optional<std::uint32_t> expected_crc_;
    std::optional<std::uint64_t> expected_size_;
  };

  // A whole entry (a workbook's small parts: its sheet list, styles, relationships).
  [[nodiscard]] std::string read_all(const std::string& name) const;
  [[nodiscard]] const std::string& file() const { return file_; }

 private:
  std::string file_;
  zip* archive_ = nullptr;
  mutable std::mutex mutex_;  // libzip's archive is not safe to use from two threads at once
};

}  // namespace kexport::input
