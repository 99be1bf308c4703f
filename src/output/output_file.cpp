#include "kexport/output/output_file.hpp"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "kexport/model/error.hpp"

namespace kexport {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what, int error) {
  throw Error(ExitCode::io, path + ": " + what + ": " + std::strerror(error));
}

// The file a path names once its symbolic links are followed, whether or not that file exists
// yet (a link may point to a file still to be written).
fs::path final_target(const fs::path& path) {
  fs::path target = path;
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(target, ec))) return target;
    const fs::path link = fs::read_symlink(target, ec);
    if (ec) fail(path.string(), "cannot read the link", ec.value());
    target = link.is_absolute() ? link : target.parent_path() / link;
  }
  fail(path.string(), "cannot follow the links", ELOOP);
}

// Something that is not a file on disk (a terminal, /dev/null, a pipe): written in place, as a
// shell's redirection would.
void write_in_place(const std::string& path, std::string_view content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) fail(path, "cannot open for writing", errno);
  try {
    write_all(fd, content, path);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0) fail(path, "close failed", errno);
}

// A listening Unix socket: connected to, and written to.
void write_to_socket(const std::string& path, std::string_view content) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (path.size() >= sizeof address.sun_path) fail(path, "cannot connect", ENAMETOOLONG);
  std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) fail(path, "cannot connect", errno);
  try {
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0)
      fail(path, "cannot connect", errno);
    write_all(fd, content, path);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
}

// A regular file, new or to be replaced: written beside it and renamed over it, so that nobody
// reads half a report. A replaced file keeps its permissions, and its owner when root writes it.
void replace_regular_file(const std::string& shown, const fs::path& target, const struct stat* existing,
                          std::string_view content) {
  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temporary = (directory / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) fail(shown, "cannot create a file in " + directory.string(), errno);
  try {
    write_all(fd, content, shown);
    if (::fsync(fd) != 0) fail(shown, "cannot flush to disk", errno);
    if (existing) {
      if (::geteuid() == 0 && ::fchown(fd, existing->st_uid, existing->st_gid) != 0)
        fail(shown, "cannot keep the file's owner", errno);
      if (::fchmod(fd, existing->st_mode & 07777) != 0) fail(shown, "cannot keep the file's mode", errno);
    } else {
      // Reports are for reading: the usual permissions rather than mkstemp's private 0600.
      const mode_t mask = ::umask(0);
      ::umask(mask);
      ::fchmod(fd, 0666 & ~mask);
    }
    if (::close(fd) != 0) fail(shown, "close failed", errno);
  } catch (...) {
    ::close(fd);
    ::unlink(temporary.c_str());
    throw;
  }
  if (std::rename(temporary.c_str(), target.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temporary.c_str());
    fail(shown, "cannot replace", saved);
  }
}

}  // namespace

void write_output_file(const std::string& path, std::string_view content) {
  if (path == "-" || path == "/dev/stdout") return write_all(STDOUT_FILENO, content, "standard output");
  if (path == "/dev/stderr") return write_all(STDERR_FILENO, content, "standard error");
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0) {
    if (S_ISDIR(info.st_mode)) fail(path, "cannot write", EISDIR);
    if (S_ISSOCK(info.st_mode)) return write_to_socket(final_target(path).string(), content);
    if (!S_ISREG(info.st_mode)) return write_in_place(path, content);
    // As a shell's redirection would: a file the user may not write is not written.
    if (::access(path.c_str(), W_OK) != 0)
      throw Error(ExitCode::cannot_create,
                  path + ": " + std::strerror(errno) +
                      ": the file is not yours to write (read-only), so it is left as it is");
    // Replacing a file with other names (hard links) would part them: the others would keep the
    // old content. It is refused rather than written in place, where a failure would leave half.
    if (info.st_nlink > 1)
      throw Error(ExitCode::cannot_create,
                  path + fmt::format(": the file has {} names (hard links), which a new file would part; "
                                     "write to another path, or remove the other names",
                                     info.st_nlink));
    return replace_regular_file(path, final_target(path), &info, content);
  }
  if (errno != ENOENT) fail(path, "cannot write", errno);
  replace_regular_file(path, final_target(path), nullptr, content);
}

}  // namespace kexport
