#include "kexport/cache/cache_identity.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "kexport/cache/cache_image_format.hpp"
#include "kexport/model/error.hpp"

namespace kexport::cache {
namespace {

namespace fs = std::filesystem;

// Feeds values into one XXH3 hash, each with its length so that ("ab","c") differs from ("a","bc").
class Hasher {
 public:
  Hasher() : state_(XXH3_createState()) {
    if (state_ == nullptr) throw std::bad_alloc();
    XXH3_64bits_reset(state_);
  }
  ~Hasher() { XXH3_freeState(state_); }
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  void add(std::string_view text) {
    add(std::uint64_t{text.size()});
    XXH3_64bits_update(state_, text.data(), text.size());
  }
  void add(std::uint64_t value) { XXH3_64bits_update(state_, &value, sizeof value); }
  [[nodiscard]] std::uint64_t digest() const { return XXH3_64bits_digest(state_); }

 private:
  XXH3_state_t* state_;
};

std::int64_t nanoseconds(const struct timespec& time) {
  return std::int64_t{time.tv_sec} * 1'000'000'000 + time.tv_nsec;
}

// The first and the last 64 KiB: a file rewritten with the same size and time almost always
// differs there (a new month appended, a header changed). The middle is not read: that would cost
// as much as parsing.
std::uint64_t fingerprint(int fd, std::uint64_t size, const std::string& path) {
  constexpr std::size_t edge = 64 * 1024;
  std::array<char, edge> buffer{};
  Hasher hash;
  hash.add(size);
  const auto read_at = [&](std::uint64_t offset) {
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(edge, size - offset));
    std::size_t got = 0;
    while (got < want) {
      const ssize_t n = ::pread(fd, buffer.data() + got, want - got, static_cast<off_t>(offset + got));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) throw Error(ExitCode::no_input, path + ": read failed: " + std::strerror(errno));
      got += static_cast<std::size_t>(n);
    }
    hash.add(std::string_view(buffer.data(), got));
  };
  read_at(0);
  if (size > edge) read_at(size - edge);
  return hash.digest();
}

InputState state_of(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(ExitCode::no_input, path + ": cannot open: " + std::strerror(errno));
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    ::close(fd);
    throw Error(ExitCode::no_input, path + ": cannot read its status: " + std::strerror(errno));
  }
  InputState state;
  state.path = path;
  state.size = static_cast<std::uint64_t>(info.st_size);
  state.modified_ns = nanoseconds(info.st_mtim);
  state.inode = info.st_ino;
  state.device = info.st_dev;
  try {
    state.fingerprint = S_ISREG(info.st_mode) ? fingerprint(fd, state.size, path) : 0;
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
  return state;
}

std::string program_identity() {
  std::string identity = std::string("kexport ") + KEXPORT_VERSION;
  struct stat info {};
  if (::stat("/proc/self/exe", &info) == 0)
    identity += " " + std::to_string(info.st_size) + " " + std::to_string(nanoseconds(info.st_mtim));
  return identity;
}

}  // namespace

Request make_request(const std::vector<std::string>& paths, const LoadOptions& options) {
  Request request;
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::path resolved = fs::weakly_canonical(path, ec);
    request.given.push_back(path);
    request.resolved.push_back(ec ? fs::absolute(path).lexically_normal().string() : resolved.string());
  }
  // Everything in LoadOptions that changes the records; not the threads, nor the focus (an image
  // holds every record).
  std::string& o = request.options;
  o += options.skip_bad_rows ? "skip-bad-rows;" : "";
  o += "listed=" + std::to_string(options.skipped_to_list) + ";";
  if (options.decimal) o += options.decimal == DecimalStyle::comma ? "decimal=comma;" : "decimal=point;";
  if (options.unit) o += "unit=" + std::string(name_of(*options.unit)) + ";";
  if (options.encoding)
    o += options.encoding == TextEncoding::windows1254 ? "encoding=windows-1254;" : "encoding=utf-8;";
  if (options.source) o += "source=" + *options.source + ";";
  if (options.basis) o += "basis=" + std::string(basis_code(*options.basis)) + ";";
  if (options.vintage) o += "vintage=" + vintage_iso(*options.vintage) + ";";
  if (options.flow) o += "flow=" + std::string(name_of(*options.flow)) + ";";
  for (const std::string& sheet : options.sheets) o += "sheet=" + sheet + ";";
  return request;
}

std::uint64_t request_hash(const Request& request) {
  Hasher hash;
  hash.add(std::uint64_t{image_format_version});
  hash.add(std::uint64_t{request.given.size()});
  for (const std::string& path : request.given) hash.add(path);
  for (const std::string& path : request.resolved) hash.add(path);
  hash.add(request.options);
  return hash.digest();
}

std::vector<InputState> input_states(const Request& request) {
  std::vector<InputState> states;
  for (const std::string& path : request.resolved)
    for (const std::string& file : input_files(path)) states.push_back(state_of(file));
  return states;
}

std::vector<InputState> input_states(const Request& request, const InputListing& listed) {
  std::vector<InputState> states;
  states.reserve(listed.files.size());
  for (std::size_t i = 0; i < listed.files.size(); ++i) {
    const InputListing::Origin& origin = listed.origins.at(i);
    const std::string& resolved = request.resolved.at(origin.path);
    states.push_back(state_of(origin.in_directory
                                  ? (fs::path(resolved) / fs::path(listed.files[i]).filename()).string()
                                  : resolved));
  }
  return states;
}

std::uint64_t identity_hash(const Request& request, const std::vector<InputState>& inputs) {
  Hasher hash;
  hash.add(request_hash(request));
  hash.add(program_identity());
  hash.add(std::uint64_t{inputs.size()});
  for (const InputState& input : inputs) {
    hash.add(input.path);
    hash.add(input.size);
    hash.add(static_cast<std::uint64_t>(input.modified_ns));
    hash.add(input.inode);
    hash.add(input.device);
    hash.add(input.fingerprint);
  }
  return hash.digest();
}

}  // namespace kexport::cache
