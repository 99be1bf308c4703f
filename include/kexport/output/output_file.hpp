// Writing a report so that nobody ever reads half of it.
#pragma once

#include <string>
#include <string_view>

#include "kexport/model/file_io.hpp"

namespace kexport {

// Writes a report to `path` (--output) the way a person means it:
// - a regular file, new or existing, is written whole or not at all: to a temporary file in its
//   directory, flushed to the disk, and renamed over it. On any failure (disk full, no permission)
//   the temporary file is removed, the file is left as it was, and Error(io) is thrown. An
//   existing file keeps its mode, and its owner and group when root writes it.
// - a symbolic link is followed, and the file it points to is written (created if it is not there
//   yet); the link stays a link.
// - a character or block device, a FIFO, or a Unix socket is written straight into, without a
//   temporary file: /dev/full fails with Error(io) and stays a device.
// - "-" and /dev/stdout are standard output, /dev/stderr standard error.
void write_output_file(const std::string& path, std::string_view content);

}  // namespace kexport
