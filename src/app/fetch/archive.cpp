#include "fetch/archive.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "kexport/app/publish.hpp"
#include "kexport/model/error.hpp"

namespace kexport::fetch {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

[[noreturn]] void cannot_write(const std::string& path, const std::string& what) {
  throw Error(ExitCode::io, fmt::format("{}: cannot {}: {}", path, what, std::strerror(errno)));
}

// A directory and its parents, 0755.
void make_directories(const fs::path& path) {
  std::error_code ec;
  fs::create_directories(path, ec);
  if (ec) throw Error(ExitCode::io, fmt::format("{}: cannot create: {}", path.string(), ec.message()));
  ::chmod(path.c_str(), 0755);
}

// Writes `bytes` to `path` through a temporary file in the same folder, synced and renamed: a
// reader sees the old file or the new one, never part of one.
void write_atomically(const fs::path& path, const std::string& bytes) {
  const std::string temporary = path.string() + ".part";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) cannot_write(temporary, "create");
  const auto fail = [&](const char* what) {
    const int saved = errno;
    ::close(fd);
    ::unlink(temporary.c_str());
    errno = saved;
    cannot_write(path.string(), what);
  };
  ::fchmod(fd, 0644);
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("write");
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) fail("sync");
  if (::close(fd) != 0) {
    ::unlink(temporary.c_str());
    cannot_write(path.string(), "close");
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temporary.c_str());
    errno = saved;
    cannot_write(path.string(), "rename into place");
  }
}

json read_log(const fs::path& path) {
  std::ifstream in(path);
  if (!in) return json{{"files", json::object()}};
  std::stringstream text;
  text << in.rdbuf();
  json log = json::parse(text.str(), nullptr, false);
  if (log.is_discarded() || !log.is_object() || !log.contains("files"))
    throw Error(ExitCode::io, path.string() + ": not the archive's fetch.json; expected one kexport wrote");
  return log;
}

StoredVintage vintage_of(const json& entry) {
  StoredVintage v;
  v.address = entry.value("address", "");
  v.fetched_at = entry.value("fetched_at", "");
  v.etag = entry.value("etag", "");
  v.last_modified = entry.value("last_modified", "");
  v.size = entry.value("size", std::uint64_t{0});
  v.sha256 = entry.value("sha256", "");
  v.stored_as = entry.value("stored_as", "");
  return v;
}

json entry_of(const StoredVintage& v) {
  return {{"address", v.address},    {"fetched_at", v.fetched_at},
          {"etag", v.etag},          {"last_modified", v.last_modified},
          {"size", v.size},          {"sha256", v.sha256},
          {"stored_as", v.stored_as}};
}

}  // namespace

std::string default_archive_directory() {
  if (const char* data = std::getenv("XDG_DATA_HOME"); data != nullptr && data[0] == '/')
    return (fs::path(data) / "kexport" / "archive").string();
  if (const char* home = std::getenv("HOME"); home != nullptr && home[0] != '\0')
    return (fs::path(home) / ".local" / "share" / "kexport" / "archive").string();
  return {};
}

Archive::Archive(std::string root) : root_(std::move(root)) {
  make_directories(root_);
  // The lock first: two fetches that start together must not both set the archive up.
  const std::string lock = (fs::path(root_) / ".lock").string();
  lock_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock_ < 0) cannot_write(lock, "open the archive's lock");
  while (::flock(lock_, LOCK_EX) != 0)
    if (errno != EINTR) cannot_write(lock, "lock the archive");
  const fs::path marker = fs::path(root_) / ".kexport-archive";
  if (!fs::exists(marker))
    write_atomically(marker, "kexport's archive of fetched files: kexport --data reads it whole.\n");
}

Archive::~Archive() {
  if (lock_ >= 0) ::close(lock_);  // and the lock with it
}

std::string Archive::month_directory(const std::string& source, Period month) const {
  return (fs::path(root_) / source / month.iso()).string();
}

std::optional<StoredVintage> Archive::latest(const std::string& source, Period month,
                                             const std::string& file) const {
  const fs::path directory = month_directory(source, month);
  const json log = read_log(directory / "fetch.json");
  const auto found = log["files"].find(file);
  if (found == log["files"].end() || !found->is_array() || found->empty()) return std::nullopt;
  // Without the file itself, the next request must not be conditional.
  if (!fs::exists(directory / file)) return std::nullopt;
  return vintage_of(found->back());
}

Stored Archive::store(const std::string& source, Period month, const std::string& file,
                      const std::string& bytes, const StoredVintage& meta) {
  const fs::path directory = month_directory(source, month);
  make_directories(directory);
  json log = read_log(directory / "fetch.json");
  json& vintages = log["files"][file];
  if (!vintages.is_array()) vintages = json::array();
  const fs::path current = directory / file;
  Stored stored = Stored::new_file;
  // A file of that name that the log does not list as the one last fetched is not the archive's
  // to replace (a person's copy, or one edited since).
  if (fs::exists(current)) {
    std::ifstream in(current, std::ios::binary);
    std::stringstream held;
    held << in.rdbuf();
    if (vintages.empty() || vintage_of(vintages.back()).sha256 != sha256_hex(held.str()))
      throw Error(ExitCode::cannot_create,
                  fmt::format("{}: exists and is not the file kexport last fetched there (fetch.json says "
                              "otherwise); move it away to fetch it again",
                              current.string()));
  }
  if (!vintages.empty() && fs::exists(current)) {
    StoredVintage last = vintage_of(vintages.back());
    if (last.sha256 == meta.sha256) return Stored::unchanged;
    // Re-published with other content: the vintage before is kept, under the time it was fetched.
    const fs::path superseded = directory / "superseded";
    make_directories(superseded);
    std::string stamp = last.fetched_at;
    for (char& c : stamp)
      if (c == ':') c = '-';
    const fs::path old_path =
        superseded / (fs::path(file).stem().string() + "." + stamp + fs::path(file).extension().string());
    if (::link(current.c_str(), old_path.c_str()) != 0 && errno != EEXIST)
      cannot_write(old_path.string(), "keep");
    last.stored_as = fs::relative(old_path, directory).string();
    vintages.back() = entry_of(last);
    stored = Stored::new_vintage;
  }
  write_atomically(current, bytes);
  StoredVintage entry = meta;
  entry.stored_as = file;
  vintages.push_back(entry_of(entry));
  write_atomically(directory / "fetch.json", log.dump(2) + "\n");
  return stored;
}

}  // namespace kexport::fetch
