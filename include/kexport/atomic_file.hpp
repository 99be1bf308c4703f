// Writing a report so that nobody ever reads half of it.
#pragma once

#include <string>
#include <string_view>

namespace kexport {

// Writes to a temporary file in the same directory, flushes it to the disk, and renames it over
// `path`. On any failure (disk full, no permission) the temporary file is removed, `path` is left
// as it was, and Error(io) is thrown.
void write_file_atomically(const std::string& path, std::string_view content);

// Writes all of `content` to a file descriptor (standard output), retrying short writes.
// Throws Error(io) when the descriptor is closed or full (a closed pipe, a full disk).
void write_all(int fd, std::string_view content, const std::string& what);

}  // namespace kexport
