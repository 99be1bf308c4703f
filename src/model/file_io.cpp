#include "kexport/model/file_io.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "kexport/model/error.hpp"

namespace kexport {

void write_all(int fd, std::string_view content, const std::string& what) {
  while (!content.empty()) {
    const ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      throw Error(ExitCode::io, what + ": write failed: " + std::strerror(errno));
    }
    content.remove_prefix(static_cast<std::size_t>(written));
  }
}

}  // namespace kexport
