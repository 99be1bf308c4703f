// What the loaders do with the bytes of a mapped file once read.
#pragma once

#include <cstddef>
#include <string_view>

#include "kexport/load.hpp"

namespace kexport {

// Tells the system that a stretch of a mapped file has been read: its pages leave the process's
// resident memory (they stay in the page cache and come back if touched). Only whole 2 MiB
// granules of the file go: the page cache holds large files in folios of up to that size, and a
// fault on a folio maps all of it again, released pages included. Returns how many bytes from the
// stretch's start were released; the caller passes the rest again with its next stretch. No-op
// (0) for bytes that are not a mapped file.
std::size_t release_pages(const InputFile& file, std::string_view stretch);

}  // namespace kexport
