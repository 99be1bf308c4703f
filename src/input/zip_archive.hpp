// A zip archive in memory (an .xlsx or .ods workbook), read through libzip with limits that keep
// a crafted archive from taking memory or time out of proportion: an entry may inflate to at most
// max_entry_bytes, and beyond the first ratio_grace bytes to at most max_ratio times its
// compressed size. The inflated bytes are counted as they come, not taken from the headers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
    const ZipArchive& archive_;
    std::string name_;
    zip_file* file_ = nullptr;
    std::uint64_t compressed_ = 0;
    std::uint64_t inflated_ = 0;
  };

  // A whole entry (a workbook's small parts: its sheet list, styles, relationships).
  [[nodiscard]] std::string read_all(const std::string& name) const;
  [[nodiscard]] const std::string& file() const { return file_; }

 private:
  std::string file_;
  zip* archive_ = nullptr;
};

}  // namespace kexport::input
