// The one low-level write every layer needs: all of some bytes to a file descriptor.
#pragma once

#include <string>
#include <string_view>

namespace kexport {

// Writes all of `content` to a file descriptor (standard output, a file being made), retrying
// short and interrupted writes. Throws Error(io), naming `what`, when the descriptor is closed or
// full (a closed pipe, a full disk).
void write_all(int fd, std::string_view content, const std::string& what);

}  // namespace kexport
