#include "kexport/app/publish.hpp"

#include <fcntl.h>
#include <nettle/sha2.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>

#include "kexport/input/load.hpp"
#include "kexport/model/error.hpp"
#include "kexport/model/file_io.hpp"
#include "kexport/model/lazy_library.hpp"

namespace kexport {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const fs::path& path, std::string_view what, int error) {
  throw Error(ExitCode::io, path.string() + ": " + std::string(what) + ": " + std::strerror(error));
}

// A descriptor closed on every way out.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  [[nodiscard]] int get() const { return fd_; }
  // Closes now, where a failed close is a failed write.
  void close(const fs::path& path) {
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail(path, "close failed", errno);
  }

 private:
  int fd_;
};

void write_file(const fs::path& path, std::string_view content) {
  Descriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666));
  if (fd.get() < 0) fail(path, "cannot create", errno);
  write_all(fd.get(), content, path.string());
  fd.close(path);
}

// A file's bytes (empty for an empty file); throws std::system_error when it cannot be read.
std::string read_whole_file(const std::string& path) {
  const auto mapped = map_readonly(path);
  return mapped ? std::string(mapped->bytes) : std::string();
}

// Why an existing path may not be replaced by a new report, or nothing when it may: it must be an
// empty directory, or provably a report kexport wrote — its manifest.json is kexport's own, and
// every other entry is a file the manifest lists with the size and SHA-256 it gives (or a directory
// on the way to one). A web root that merely holds a manifest.json, a file a person added or
// edited since, a link: each is someone's, and nothing is replaced.
std::optional<std::string> not_replaceable(const fs::path& directory) {
  std::error_code ec;
  const auto status = fs::symlink_status(directory, ec);
  if (!fs::is_directory(status)) return "exists and is not a directory";
  if (fs::is_empty(directory, ec) && !ec) return std::nullopt;
  const fs::path manifest_path = directory / "manifest.json";
  if (!fs::is_regular_file(fs::symlink_status(manifest_path, ec)))
    return "is not empty and holds no manifest.json of a report kexport wrote";
  nlohmann::json manifest;
  try {
    manifest = nlohmann::json::parse(read_whole_file(manifest_path.string()));
  } catch (const std::exception&) {
    return "holds a manifest.json that is not one kexport writes (it is not the JSON of a report)";
  }
  std::map<std::string, std::pair<std::uint64_t, std::string>> listed;
  try {
    for (const char* key : {"kexport_version", "month", "source", "languages", "inputs", "provinces",
                            "missing", "national", "files"})
      if (!manifest.contains(key)) throw std::runtime_error(key);
    for (const auto& file : manifest.at("files"))
      listed[file.at("path").get<std::string>()] = {file.at("size").get<std::uint64_t>(),
                                                    file.at("sha256").get<std::string>()};
  } catch (const std::exception&) {
    return "holds a manifest.json that is not one kexport writes (its keys are not a report's)";
  }
  std::set<std::string> on_the_way;  // directories that lead to listed files
  for (const auto& [path, digest] : listed)
    for (fs::path p = fs::path(path).parent_path(); !p.empty(); p = p.parent_path())
      on_the_way.insert(p.string());
  for (auto it = fs::recursive_directory_iterator(directory, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string relative = fs::relative(it->path(), directory).string();
    const auto type = it->symlink_status().type();
    if (type == fs::file_type::directory && on_the_way.count(relative)) continue;
    if (relative == "manifest.json") continue;
    const auto entry = listed.find(relative);
    if (type != fs::file_type::regular || entry == listed.end())
      return relative + " is not a file of the report its manifest.json lists";
    std::string bytes;
    try {
      bytes = read_whole_file(it->path().string());
    } catch (const std::exception&) {
      return relative + " cannot be read to check it against the manifest";
    }
    if (bytes.size() != entry->second.first || sha256_hex(bytes) != entry->second.second)
      return relative + " has changed since kexport wrote it (its size or SHA-256 is not the manifest's)";
  }
  if (ec) return "cannot be read to check it: " + ec.message();
  return std::nullopt;
}

void sync_directory(const fs::path& directory) {
  Descriptor fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) fail(directory, "cannot open", errno);
  if (::fsync(fd.get()) != 0 && errno != EINVAL) fail(directory, "cannot sync", errno);
}

// The new directory takes the old one's place in one step: swapped atomically where the file
// system can (the old one then sits at `fresh` and is removed), else renamed aside first.
void move_into_place(const fs::path& fresh, const fs::path& target, bool exists) {
  if (!exists) {
    if (::rename(fresh.c_str(), target.c_str()) != 0)
      fail(target, "cannot rename the new report into place", errno);
    return;
  }
  if (::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    std::error_code ec;
    fs::remove_all(fresh, ec);  // the old report, now out of the way
    return;
  }
  if (errno != EINVAL && errno != ENOSYS) fail(target, "cannot swap the new report into place", errno);
  const fs::path old = fs::path(fresh).concat(".old");
  if (::rename(target.c_str(), old.c_str()) != 0) fail(target, "cannot move the old report aside", errno);
  if (::rename(fresh.c_str(), target.c_str()) != 0) {
    const int error = errno;
    ::rename(old.c_str(), target.c_str());
    fail(target, "cannot rename the new report into place", error);
  }
  std::error_code ec;
  fs::remove_all(old, ec);
}

// The temporary directory a run writes its report into, beside the target: ".DIR.new-PID-XXXXXX",
// so that a later run can tell whose it is.
std::string temporary_prefix(const fs::path& target) {
  return "." + target.filename().string() + ".new-";
}

// Removes the temporaries that earlier runs for the same target left when they were killed: those
// named for it whose process is gone, that are directories (not links) and the user's own. A
// running report's temporary, or another user's, is left alone.
void remove_abandoned(const fs::path& target) {
  const std::string prefix = temporary_prefix(target);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(target.parent_path(), ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(prefix)) continue;
    const std::string rest = name.substr(prefix.size());
    const auto dash = rest.find('-');
    if (dash == 0 || dash == std::string::npos || dash > 9 ||
        rest.find_first_not_of("0123456789") != dash)  // a pid's digits, then mkdtemp's part
      continue;
    const auto pid = static_cast<pid_t>(std::stol(rest.substr(0, dash)));
    struct stat info {};
    if (::lstat(entry.path().c_str(), &info) != 0 || !S_ISDIR(info.st_mode) || info.st_uid != ::geteuid())
      continue;
    if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to ask
    std::error_code removed;
    fs::remove_all(entry.path(), removed);
  }
}

// Nettle's SHA-256, from the library loaded when a report or a fetch first needs it
// (lazy_library.hpp says why). The header's macros make sha256_init nettle_sha256_init, the name
// the library exports.
struct Nettle {
  LazyLibrary library{"libnettle.so.8"};
  decltype(&::nettle_sha256_init) sha256_init = nullptr;
  decltype(&::nettle_sha256_update) sha256_update = nullptr;
  decltype(&::nettle_sha256_digest) sha256_digest = nullptr;
  Nettle() {
    library.bind(sha256_init, "nettle_sha256_init");
    library.bind(sha256_update, "nettle_sha256_update");
    library.bind(sha256_digest, "nettle_sha256_digest");
  }
};

const Nettle& nettle_library() {
  static const Nettle loaded;
  if (!loaded.library.ready())
    throw Error(
        ExitCode::unavailable,
        "the files' SHA-256 checksums need Nettle (Debian's package libnettle8): " + loaded.library.why());
  return loaded;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  const Nettle& nettle = nettle_library();
  sha256_ctx context;
  nettle.sha256_init(&context);
  nettle.sha256_update(&context, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
  std::array<std::uint8_t, SHA256_DIGEST_SIZE> digest{};
  nettle.sha256_digest(&context, digest.size(), digest.data());
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (const std::uint8_t b : digest) {
    out += hex[b >> 4];
    out += hex[b & 15];
  }
  return out;
}

std::vector<FileDigest> digest_inputs(const std::vector<std::string>& files) {
  std::vector<FileDigest> out;
  for (const std::string& path : files) {
    if (path == "-") {
      out.push_back({path, 0, ""});
      continue;
    }
    std::optional<MappedBytes> mapped;
    try {
      mapped = map_readonly(path);
    } catch (const std::system_error& e) {
      throw Error(ExitCode::no_input, path + ": cannot read: " + e.code().message());
    }
    const std::string_view bytes = mapped ? mapped->bytes : std::string_view();
    out.push_back({path, bytes.size(), sha256_hex(bytes)});
  }
  return out;
}

std::vector<FileDigest> publish_directory(const std::string& directory,
                                          const std::vector<PublishedFile>& files,
                                          const Publication& publication,
                                          const std::vector<Language>& languages,
                                          const std::vector<FileDigest>& inputs) {
  fs::path target = fs::absolute(directory).lexically_normal();
  if (target.filename().empty()) target = target.parent_path();  // "out/"
  std::error_code ec;
  // A link is followed, as --output follows one: the report goes where it points, and is swapped
  // in beside that directory, so the link keeps pointing at the new report.
  for (int hops = 0; fs::is_symlink(fs::symlink_status(target, ec)); ++hops) {
    if (hops == 40) fail(target, "cannot follow the links", ELOOP);
    const fs::path link = fs::read_symlink(target, ec);
    if (ec) fail(target, "cannot read the link", ec.value());
    target = (link.is_absolute() ? link : target.parent_path() / link).lexically_normal();
  }
  const bool exists = fs::exists(fs::symlink_status(target, ec));
  if (exists)
    if (const auto why = not_replaceable(target))
      throw Error(ExitCode::cannot_create,
                  directory + ": " + *why +
                      ", so it is left as it is: only an empty directory or an earlier report, exactly as "
                      "kexport wrote it, is replaced; give a new directory, or remove this one");
  fs::create_directories(target.parent_path(), ec);
  if (ec) fail(target.parent_path(), "cannot make the directory", ec.value());

  remove_abandoned(target);
  std::string pattern =
      (target.parent_path() / (temporary_prefix(target) + std::to_string(::getpid()) + "-XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) fail(target.parent_path(), "cannot make a directory in", errno);
  const fs::path fresh = pattern;
  try {
    // mkdtemp makes the directory private; a report is for reading, as a directory made by mkdir is.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    fs::permissions(fresh, static_cast<fs::perms>(0777 & ~mask));

    std::vector<FileDigest> written;
    for (const PublishedFile& file : files) {
      const fs::path path = fresh / file.path;
      fs::create_directories(path.parent_path());
      write_file(path, file.content);
      written.push_back({file.path, file.content.size(), sha256_hex(file.content)});
    }
    std::sort(written.begin(), written.end(),
              [](const FileDigest& a, const FileDigest& b) { return a.path < b.path; });
    std::ostringstream manifest;
    write_manifest_json(manifest, publication, languages, inputs, written);
    write_file(fresh / "manifest.json", manifest.str());

    // Everything on the disk before the rename makes it visible.
    {
      Descriptor fd(::open(fresh.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
      if (fd.get() < 0 || ::syncfs(fd.get()) != 0)
        fail(fresh, "cannot flush the new report to the disk", errno);
    }
    move_into_place(fresh, target, exists);
    sync_directory(target.parent_path());
    return written;
  } catch (const fs::filesystem_error& e) {
    fs::remove_all(fresh, ec);
    throw Error(ExitCode::io, e.path1().string() + ": " + e.code().message());
  } catch (...) {
    fs::remove_all(fresh, ec);
    throw;
  }
}

}  // namespace kexport
