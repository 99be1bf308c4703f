// What the loaders do with the bytes of a mapped file once read.
#pragma once

#include <cstddef>
#include <string_view>

#include "kexport/input/load.hpp"

namespace kexport {

// Tells the system that a stretch of a mapped file has been read: its pages leave the process's
// resident memory (they stay in the page cache and come back if touched). Only whole 2 MiB
// granules of the file go: the page cache holds large files in folios of up to that size, and a
// fault on a folio maps all of it again, released pages included. Returns how many bytes from the
// stretch's start were released; the caller passes the rest again with its next stretch. No-op
// (0) for bytes that are not a mapped file.
std::size_t release_pages(const InputFile& file, std::string_view stretch);

// Hands back the pages of `text` (a view of `file`'s bytes) a reader has gone past, a few
// megabytes at a time, so that a large file read front to back never stays resident.
class PageReleaser {
 public:
  PageReleaser(const InputFile& file, std::string_view text, std::size_t from)
      : file_(file), text_(text), released_(from) {}
  // The reader has no more use for text before `offset`.
  void read_up_to(std::size_t offset) {
    constexpr std::size_t every = 4 << 20;
    if (offset >= released_ + every)
      released_ += release_pages(file_, text_.substr(released_, offset - released_));
  }

 private:
  const InputFile& file_;
  std::string_view text_;
  std::size_t released_;
};

}  // namespace kexport
