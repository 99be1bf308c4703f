#include "kexport/cache/cache_directory.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "kexport/model/error.hpp"
#include "kexport/model/file_io.hpp"

namespace kexport::cache {
namespace {

namespace fs = std::filesystem;

constexpr const char* key_name = "key";

// Why a file or directory is not this account's own to trust, or nothing when it is.
std::optional<std::string> not_own(const struct stat& info) {
  if (info.st_uid != ::geteuid())
    return fmt::format("owned by user {}, not by user {}", info.st_uid, ::geteuid());
  if ((info.st_mode & (S_IWGRP | S_IWOTH)) != 0)
    return fmt::format("writable by {} (mode {:04o})", (info.st_mode & S_IWOTH) != 0 ? "others" : "its group",
                       info.st_mode & 07777);
  return std::nullopt;
}

}  // namespace

CacheDirectory CacheDirectory::open(const fs::path& path, bool create) {
  CacheDirectory dir;
  dir.path_ = path;
  if (create) {
    std::error_code ec;
    if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
    if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) {
      dir.state_ = State::broken;
      dir.why_ = std::strerror(errno);
      return dir;
    }
  }
  dir.fd_ = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (dir.fd_ < 0) {
    const int error = errno;
    struct stat link {};
    if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
      dir.state_ = State::unsafe;
      dir.why_ = "a symbolic link";
    } else if (error == ENOENT) {
      dir.state_ = State::missing;
    } else {
      dir.state_ = State::broken;
      dir.why_ = std::strerror(error);
    }
    return dir;
  }
  struct stat info {};
  if (::fstat(dir.fd_, &info) != 0) {
    dir.state_ = State::broken;
    dir.why_ = std::strerror(errno);
  } else if (auto why = not_own(info)) {
    dir.state_ = State::unsafe;
    dir.why_ = *why;
  } else if (::faccessat(dir.fd_, ".", W_OK, AT_EACCESS) != 0) {
    dir.state_ = State::broken;
    dir.why_ = std::strerror(errno);
  } else {
    dir.state_ = State::usable;
  }
  return dir;
}

CacheDirectory::CacheDirectory(CacheDirectory&& other) noexcept
    : path_(std::move(other.path_)), fd_(other.fd_), state_(other.state_), why_(std::move(other.why_)) {
  other.fd_ = -1;
}

CacheDirectory::~CacheDirectory() {
  if (fd_ >= 0) ::close(fd_);
}

std::optional<MappedBytes> CacheDirectory::map(const std::string& name) const {
  if (state_ != State::usable) return std::nullopt;
  const int fd = ::openat(fd_, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || not_own(info) || info.st_size <= 0) {
    ::close(fd);
    return std::nullopt;
  }
  return map_descriptor(fd, static_cast<std::size_t>(info.st_size));
}

ImageKey CacheDirectory::key() const {
  ImageKey key;
  const auto fail = [&](const std::string& what) -> ImageKey {
    throw Error(ExitCode::io,
                fmt::format("{}/{}: {}: {}", path_.string(), key_name, what, std::strerror(errno)));
  };
  int fd = ::openat(fd_, key_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0) {
    struct stat info {};
    const bool own = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && !not_own(info) &&
                     (info.st_mode & (S_IRGRP | S_IROTH)) == 0;
    const bool whole =
        own && ::read(fd, key.secret.data(), key.secret.size()) == static_cast<ssize_t>(key.secret.size());
    ::close(fd);
    if (whole) return key;
    // Not this account's own, or cut short: a new key, so that nothing signed with it is trusted.
    if (::unlinkat(fd_, key_name, 0) != 0) return fail("cannot replace the key");
  } else if (errno == ELOOP) {
    // A link in the key's place: removed (never followed), and a new key made.
    if (::unlinkat(fd_, key_name, 0) != 0) return fail("cannot replace the key");
  } else if (errno != ENOENT) {
    return fail("cannot read the key");
  }
  if (::getrandom(key.secret.data(), key.secret.size(), 0) != static_cast<ssize_t>(key.secret.size()))
    return fail("cannot make a key");
  const std::string temporary = fmt::format("{}.tmp.{}", key_name, ::getpid());
  fd = ::openat(fd_, temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return fail("cannot write the key");
  write_all(fd, std::string_view(reinterpret_cast<const char*>(key.secret.data()), key.secret.size()),
            path_.string() + "/" + key_name);
  ::close(fd);
  // Two runs making a key at once: the first to link it wins, and the other reads that one.
  if (::linkat(fd_, temporary.c_str(), fd_, key_name, 0) != 0) {
    ::unlinkat(fd_, temporary.c_str(), 0);
    if (errno == EEXIST) return this->key();
    return fail("cannot write the key");
  }
  ::unlinkat(fd_, temporary.c_str(), 0);
  return key;
}

std::vector<std::string> CacheDirectory::names() const {
  std::vector<std::string> out;
  if (state_ != State::usable) return out;
  const int copy = ::dup(fd_);
  if (copy < 0) return out;
  DIR* listing = ::fdopendir(copy);
  if (listing == nullptr) {
    ::close(copy);
    return out;
  }
  ::rewinddir(listing);
  while (const dirent* entry = ::readdir(listing)) {
    const std::string name = entry->d_name;
    if (name != "." && name != "..") out.push_back(name);
  }
  ::closedir(listing);
  return out;
}

std::optional<std::uint64_t> CacheDirectory::remove(const std::string& name) const {
  struct stat info {};
  if (::fstatat(fd_, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) return std::nullopt;
  if (::unlinkat(fd_, name.c_str(), 0) != 0)
    throw Error(ExitCode::io,
                fmt::format("{}: cannot remove: {}", (path_ / name).string(), std::strerror(errno)));
  return S_ISREG(info.st_mode) ? static_cast<std::uint64_t>(info.st_size) : 0;
}

}  // namespace kexport::cache
