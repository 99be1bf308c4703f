#include "archive/raw_inflate.hpp"

#include <isa-l/igzip_lib.h>

#include <algorithm>
#include <limits>

#include "kexport/model/lazy_library.hpp"

namespace kexport::input {
namespace {

struct Isal {
  LazyLibrary library{"libisal.so.2"};
  decltype(&::isal_inflate_init) isal_inflate_init = nullptr;
  decltype(&::isal_inflate) isal_inflate = nullptr;
  Isal() {
    KEXPORT_BIND(library, isal_inflate_init);
    KEXPORT_BIND(library, isal_inflate);
  }
};

const Isal& isal() {
  static const Isal loaded;
  return loaded;
}

// ISA-L counts in 32 bits.
std::uint32_t clamp32(std::size_t n) {
  return static_cast<std::uint32_t>(std::min<std::size_t>(n, std::numeric_limits<std::uint32_t>::max()));
}

}  // namespace

bool RawInflate::available() {
  return isal().library.ready();
}

RawInflate::RawInflate() : state_(std::make_unique<inflate_state>()) {
  isal().isal_inflate_init(state_.get());
  state_->crc_flag = ISAL_GZIP_NO_HDR;  // raw deflate, with the CRC-32 of what comes out
}

RawInflate::~RawInflate() = default;

RawInflate::Step RawInflate::inflate(const unsigned char* in, std::size_t in_size, char* out,
                                     std::size_t out_size) {
  inflate_state& s = *state_;
  s.next_in = const_cast<unsigned char*>(in);  // NOLINT: ISA-L's field is not const, it never writes
  s.avail_in = clamp32(in_size);
  s.next_out = reinterpret_cast<unsigned char*>(out);
  s.avail_out = clamp32(out_size);
  const std::uint32_t in_before = s.avail_in;
  const std::uint32_t out_before = s.avail_out;
  const int status = isal().isal_inflate(&s);
  Step step;
  step.consumed = in_before - s.avail_in;
  step.produced = out_before - s.avail_out;
  step.damaged = status < 0;
  step.finished = !step.damaged && s.block_state == ISAL_BLOCK_FINISH;
  return step;
}

std::uint32_t RawInflate::crc() const {
  return state_->crc;
}

}  // namespace kexport::input
