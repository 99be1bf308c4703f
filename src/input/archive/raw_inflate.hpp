// A raw deflate stream (a zip entry's stored bytes) inflated by ISA-L, Intel's storage library
// (Debian's libisal2): several times zlib's speed, which decides how fast a large .xlsx loads.
// The library is loaded on first use, as libzip is (lazy_library.hpp); where it is missing, zip
// entries are inflated by libzip through zlib, as correct and slower.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

struct inflate_state;

namespace kexport::input {

class RawInflate {
 public:
  // Whether ISA-L could be loaded.
  static bool available();

  RawInflate();  // requires available()
  ~RawInflate();
  RawInflate(const RawInflate&) = delete;
  RawInflate& operator=(const RawInflate&) = delete;

  struct Step {
    std::size_t consumed = 0;  // of the input
    std::size_t produced = 0;  // into the output
    bool finished = false;     // the stream's last block is inflated and given
    bool damaged = false;      // the bytes are not a deflate stream
  };
  // Inflates from `in` into `out` as far as either allows.
  Step inflate(const unsigned char* in, std::size_t in_size, char* out, std::size_t out_size);

  // CRC-32 of everything produced so far (the one a zip entry records).
  [[nodiscard]] std::uint32_t crc() const;

 private:
  std::unique_ptr<inflate_state> state_;
};

}  // namespace kexport::input
