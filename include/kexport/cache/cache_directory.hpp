// The cache directory, as ssh treats ~/.ssh: used only when it is this account's own (owned by
// the effective user, not writable by group or others, not a symbolic link), and every file in it
// opened, written, renamed and removed relative to the directory's descriptor without following
// symbolic links. Images are bound to the account by a secret key kept in the directory.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kexport/input/load.hpp"

namespace kexport::cache {

// The account's secret: 192 random bytes (XXH3 wants at least 136 for a keyed checksum), made
// when the directory is first used and readable by its owner only.
struct ImageKey {
  std::array<unsigned char, 192> secret{};
};

class CacheDirectory {
 public:
  // Opens the directory at `path`, making it (0700) when `create` and it is not there. A missing
  // directory without `create`, or one that is not safe, is not an error: state() says which.
  static CacheDirectory open(const std::filesystem::path& path, bool create);
  CacheDirectory(CacheDirectory&& other) noexcept;
  CacheDirectory& operator=(CacheDirectory&&) = delete;
  CacheDirectory(const CacheDirectory&) = delete;
  CacheDirectory& operator=(const CacheDirectory&) = delete;
  ~CacheDirectory();

  enum class State {
    usable,
    missing,  // not there (and not made)
    unsafe,   // another user's, writable by others, or a symbolic link: never read or written
    broken,   // cannot be made or opened (a read-only home, a file in its place)
  };
  [[nodiscard]] State state() const { return state_; }
  // For an unsafe or broken directory: why, in a phrase ("owned by user 65534").
  [[nodiscard]] const std::string& why() const { return why_; }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] int fd() const { return fd_; }

  // An image in the directory, mapped: only a regular file, not a link, owned by this user and
  // not writable by others. Nothing for what is not there or not to be trusted.
  [[nodiscard]] std::optional<MappedBytes> map(const std::string& name) const;
  // The account's key, read from the directory or made there. Throws Error(io) when it cannot.
  [[nodiscard]] ImageKey key() const;
  // The names of the directory's entries, whatever each is (nothing is followed).
  [[nodiscard]] std::vector<std::string> names() const;
  // Removes a file (a link itself, never what it points to); its size, or nothing when it was
  // not there. Throws Error(io) when it cannot.
  std::optional<std::uint64_t> remove(const std::string& name) const;

 private:
  CacheDirectory() = default;
  std::filesystem::path path_;
  int fd_ = -1;
  State state_ = State::missing;
  std::string why_;
};

}  // namespace kexport::cache
