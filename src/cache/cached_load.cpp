// The cache's policy: when to look, what to trust, when to write.
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>

#include "identity.hpp"
#include "image.hpp"
#include "kexport/cache.hpp"
#include "kexport/error.hpp"

namespace kexport {
namespace {

namespace fs = std::filesystem;
using cache::BadImage;
using cache::Image;

nlohmann::json describe_inputs(const cache::Request& request, const std::vector<cache::InputState>& inputs) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& input : inputs)
    files.push_back({{"path", input.path}, {"size", input.size}, {"modified_ns", input.modified_ns}});
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return {{"kexport", KEXPORT_VERSION},
          {"written", std::chrono::duration_cast<std::chrono::seconds>(now).count()},
          {"given", request.given},
          {"resolved", request.resolved},
          {"options", request.options},
          {"inputs", std::move(files)}};
}

// The image at `file`, mapped; nothing when there is none (or it cannot be read).
std::optional<MappedBytes> map_image(const fs::path& file) {
  try {
    return map_readonly(file.string());
  } catch (const std::system_error&) {
    return std::nullopt;
  }
}

fs::path image_path(const CacheSettings& settings, const cache::Request& request) {
  return settings.directory / fmt::format("{:016x}{}", cache::request_hash(request), cache::image_extension);
}

}  // namespace

std::optional<fs::path> default_cache_directory() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/')
    return fs::path(xdg) / "kexport";
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
    return fs::path(home) / ".cache" / "kexport";
  return std::nullopt;
}

CachedLoad load_through_cache(const std::vector<std::string>& paths, const LoadOptions& options,
                              const CacheSettings& settings) {
  CachedLoad result;
  const bool cacheable = !options.collect_problems &&
                         std::none_of(paths.begin(), paths.end(), [](const auto& p) { return p == "-"; });
  cache::Request request;
  std::vector<cache::InputState> inputs;
  std::uint64_t bytes = 0;
  if (cacheable) {
    request = cache::make_request(paths, options);
    try {
      inputs = cache::input_states(request);
    } catch (const Error&) {
      inputs.clear();  // a missing file: the plain load below says so, in its words
    }
    for (const auto& input : inputs) bytes += input.size;
  }
  if (!cacheable || inputs.empty() || bytes < settings.min_input_bytes) {
    result.data = load_paths(paths, options);
    return result;
  }

  const fs::path file = image_path(settings, request);
  const std::uint64_t identity = cache::identity_hash(request, inputs);
  if (auto mapped = map_image(file)) {
    try {
      const Image image(mapped->bytes);
      if (image.identity() == identity) {
        std::optional<ProvinceId> focus;
        if (options.focus_province) focus = Gazetteer::builtin().find_province(*options.focus_province);
        result.data = image.dataset(focus, options.totals_only);
        result.outcome = CacheOutcome::hit;
        return result;
      }
    } catch (const BadImage& e) {
      if (e.kind() == BadImage::Kind::damaged)
        result.note = fmt::format("the cache image {} was damaged ({}); it is being rewritten", file.string(),
                                  e.what());
    }
  }

  // A cache that cannot be written (a read-only home, a full file system) is said, and the
  // question is answered as without a cache: loading every record would be wasted.
  const auto unwritten = [&](const std::string& reason) {
    result.outcome = CacheOutcome::unwritten;
    if (!result.note.empty()) result.note += "; ";
    result.note += "could not write the cache: " + reason;
  };
  std::error_code ec;
  if (fs::create_directories(settings.directory, ec))  // new: its owner's only, as the images
    fs::permissions(settings.directory, fs::perms::owner_all, fs::perm_options::replace, ec);
  if (ec || ::access(settings.directory.c_str(), W_OK) != 0) {
    unwritten(settings.directory.string() + ": " + (ec ? ec.message() : std::strerror(errno)));
    result.data = load_paths(paths, options);
    return result;
  }

  // Every record, whatever the question, so that the image answers the next one too.
  LoadOptions everything = options;
  everything.focus_province.reset();
  everything.totals_only = false;
  result.data = load_paths(paths, everything);

  // Files that changed while they were read would give an image that matches neither version.
  std::vector<cache::InputState> after;
  try {
    after = cache::input_states(request);
  } catch (const Error&) {
  }
  if (after != inputs) {
    result.outcome = CacheOutcome::unwritten;
    return result;
  }
  try {
    cache::write_image(file, result.data, identity, describe_inputs(request, inputs));
    result.outcome = CacheOutcome::written;
  } catch (const Error& e) {
    unwritten(e.what());
  }
  return result;
}

std::vector<CacheEntry> list_cache(const CacheSettings& settings) {
  std::vector<CacheEntry> entries;
  std::error_code ec;
  for (fs::directory_iterator it(settings.directory, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() != cache::image_extension) continue;
    CacheEntry entry;
    entry.file = it->path();
    entry.bytes = it->file_size(ec);
    entry.state = "unreadable";
    if (auto mapped = map_image(entry.file)) {
      try {
        const Image image(mapped->bytes);
        const nlohmann::json& about = image.about();
        entry.records = image.records();
        entry.written_unix = about.at("written").get<std::int64_t>();
        for (const auto& input : about.at("inputs"))
          entry.inputs.push_back(input.at("path").get<std::string>());
        // The identity the image would have now; the paths as resolved, whatever the directory.
        cache::Request request;
        about.at("given").get_to(request.given);
        about.at("resolved").get_to(request.resolved);
        about.at("options").get_to(request.options);
        entry.state = "stale";
        if (cache::identity_hash(request, cache::input_states(request)) == image.identity())
          entry.state = "current";
      } catch (const std::exception&) {  // damaged (BadImage), or its inputs are gone (Error)
      }
    }
    entries.push_back(std::move(entry));
  }
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.file < b.file; });
  return entries;
}

ClearedCache clear_cache(const CacheSettings& settings, bool stale_only) {
  ClearedCache cleared;
  std::error_code ec;
  std::vector<fs::path> doomed;
  if (stale_only)
    for (const CacheEntry& entry : list_cache(settings))
      if (entry.state != "current") doomed.push_back(entry.file);
  const auto an_hour_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (fs::directory_iterator it(settings.directory, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    // Temporary files a killed writer left behind ("….kxc.tmp.PID"): with --stale, only those
    // that no running writer could still be filling.
    if (name.find(std::string(cache::image_extension) + ".tmp.") != std::string::npos) {
      std::error_code time_error;
      if (!stale_only || fs::last_write_time(it->path(), time_error) < an_hour_ago)
        doomed.push_back(it->path());
    } else if (!stale_only && it->path().extension() == cache::image_extension) {
      doomed.push_back(it->path());
    }
  }
  for (const fs::path& path : doomed) {
    std::error_code size_error, remove_error;
    const std::uint64_t size = fs::file_size(path, size_error);
    if (fs::remove(path, remove_error)) {
      ++cleared.files;
      cleared.bytes += size_error ? 0 : size;
    } else if (remove_error) {
      throw Error(ExitCode::io, path.string() + ": cannot remove: " + remove_error.message());
    }
  }
  return cleared;
}

}  // namespace kexport
