// An OLE2 compound document (the container of .xls workbooks, and of .xlsx files encrypted with a
// password), read through libgsf: the bytes of one of its streams.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kexport::input {

class CompoundFile {
 public:
  // Throws DataError naming `file` when the bytes are not a compound document libgsf can read.
  CompoundFile(std::string_view bytes, const std::string& file);
  ~CompoundFile();
  CompoundFile(const CompoundFile&) = delete;
  CompoundFile& operator=(const CompoundFile&) = delete;

  // The names of the streams at the document's root.
  [[nodiscard]] const std::vector<std::string>& streams() const { return streams_; }
  [[nodiscard]] bool has(std::string_view stream) const;
  // A stream's bytes; throws DataError when it cannot be read whole.
  [[nodiscard]] std::string read(const std::string& stream) const;

 private:
  std::string file_;
  std::size_t size_ = 0;
  void* infile_ = nullptr;  // GsfInfile*, kept out of this header with glib's
  std::vector<std::string> streams_;
};

}  // namespace kexport::input
