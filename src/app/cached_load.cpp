// The cache's policy: when to look, what to trust, when to write.
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>

#include "kexport/app/cache.hpp"
#include "kexport/cache/cache_directory.hpp"
#include "kexport/cache/cache_identity.hpp"
#include "kexport/cache/cache_image.hpp"
#include "kexport/model/error.hpp"

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

std::string image_name(const cache::Request& request) {
  return fmt::format("{:016x}{}", cache::request_hash(request), cache::image_extension);
}

// A directory that is not this account's own is never read or written: its images could have
// been planted, and removing files in it could remove someone else's.
[[noreturn]] void refuse_unsafe(const cache::CacheDirectory& directory) {
  throw Error(ExitCode::io,
              fmt::format("the cache directory {} is not safe to use ({}); kexport neither reads "
                          "nor removes anything in it: make it your own with mode 0700, or set "
                          "XDG_CACHE_HOME elsewhere",
                          directory.path().string(), directory.why()));
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
  return load_through_cache(paths, list_inputs(paths), options, settings);
}

CachedLoad load_through_cache(const std::vector<std::string>& paths, const InputListing& listed,
                              const LoadOptions& options, const CacheSettings& settings) {
  CachedLoad result;
  const bool cacheable = !options.collect_problems &&
                         std::none_of(paths.begin(), paths.end(), [](const auto& p) { return p == "-"; });
  cache::Request request;
  std::vector<cache::InputState> inputs;
  std::uint64_t bytes = 0;
  if (cacheable) {
    request = cache::make_request(paths, options);
    try {
      inputs = cache::input_states(request, listed);
    } catch (const Error&) {
      inputs.clear();  // a missing file: the plain load below says so, in its words
    }
    for (const auto& input : inputs) bytes += input.size;
  }
  if (!cacheable || inputs.empty() || bytes < settings.min_input_bytes) {
    result.data = load_dataset(read_listed(listed), options);
    return result;
  }

  // Only this account's own directory is used; another is said once and the question answered
  // as without a cache (loading every record would be wasted).
  const auto without_cache = [&](const std::string& note) {
    result.outcome = CacheOutcome::unwritten;
    if (!result.note.empty()) result.note += "; ";
    result.note += note;
    result.data = load_dataset(read_listed(listed), options);
    return std::move(result);
  };
  const cache::CacheDirectory directory = cache::CacheDirectory::open(settings.directory, true);
  if (directory.state() == cache::CacheDirectory::State::unsafe)
    return without_cache(fmt::format("the cache directory {} is not safe to use ({}); answering without it",
                                     settings.directory.string(), directory.why()));
  if (directory.state() != cache::CacheDirectory::State::usable)
    return without_cache(
        fmt::format("could not write the cache: {}: {}", settings.directory.string(), directory.why()));
  cache::ImageKey key;
  try {
    key = directory.key();
  } catch (const Error& e) {
    return without_cache(std::string("could not write the cache: ") + e.what());
  }

  const std::string name = image_name(request);
  const std::string shown = (settings.directory / name).string();
  const std::uint64_t identity = cache::identity_hash(request, inputs);
  if (auto mapped = directory.map(name)) {
    try {
      const Image image(mapped->bytes, key);
      if (image.identity() == identity) {
        result.data = image.dataset(options.focus_province, options.totals_only);
        result.outcome = CacheOutcome::hit;
        return result;
      }
    } catch (const BadImage& e) {
      if (e.kind() == BadImage::Kind::damaged)
        result.note =
            fmt::format("the cache image {} was damaged ({}); it is being rewritten", shown, e.what());
      if (e.kind() == BadImage::Kind::untrusted)
        result.note = fmt::format(
            "the cache image {} was not written by this account's kexport ({}); it is "
            "being rewritten",
            shown, e.what());
    }
  }

  // Every record, whatever the question, so that the image answers the next one too.
  LoadOptions everything = options;
  everything.focus_province.reset();
  everything.totals_only = false;
  result.data = load_dataset(read_listed(listed), everything);

  // Files that changed while they were read would give an image that matches neither version.
  std::vector<cache::InputState> after;
  try {
    after = cache::input_states(request, listed);
  } catch (const Error&) {
  }
  if (after != inputs) {
    result.outcome = CacheOutcome::unwritten;
    return result;
  }
  try {
    cache::write_image(directory, name, result.data, identity, describe_inputs(request, inputs), key);
    result.outcome = CacheOutcome::written;
  } catch (const Error& e) {
    // A cache that cannot be written (a full file system) is said; the answer stands.
    result.outcome = CacheOutcome::unwritten;
    if (!result.note.empty()) result.note += "; ";
    result.note += std::string("could not write the cache: ") + e.what();
  }
  return result;
}

std::vector<CacheEntry> list_cache(const CacheSettings& settings) {
  std::vector<CacheEntry> entries;
  const cache::CacheDirectory directory = cache::CacheDirectory::open(settings.directory, false);
  if (directory.state() == cache::CacheDirectory::State::unsafe) refuse_unsafe(directory);
  if (directory.state() != cache::CacheDirectory::State::usable) return entries;
  std::optional<cache::ImageKey> key;
  try {
    key = directory.key();
  } catch (const Error&) {  // no key can be had: no image can be trusted
  }
  for (const std::string& name : directory.names()) {
    if (!name.ends_with(cache::image_extension)) continue;
    CacheEntry entry;
    entry.file = settings.directory / name;
    entry.state = CacheEntry::State::unreadable;
    auto mapped = directory.map(name);
    if (mapped) entry.bytes = mapped->bytes.size();
    if (mapped && key) {
      try {
        const Image image(mapped->bytes, *key);
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
        entry.state = CacheEntry::State::stale;
        if (cache::identity_hash(request, cache::input_states(request)) == image.identity())
          entry.state = CacheEntry::State::current;
      } catch (const std::exception&) {  // damaged or not sealed (BadImage), or its inputs are gone (Error)
      }
    }
    entries.push_back(std::move(entry));
  }
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.file < b.file; });
  return entries;
}

ClearedCache clear_cache(const CacheSettings& settings, bool stale_only) {
  ClearedCache cleared;
  const cache::CacheDirectory directory = cache::CacheDirectory::open(settings.directory, false);
  if (directory.state() == cache::CacheDirectory::State::unsafe) refuse_unsafe(directory);
  if (directory.state() != cache::CacheDirectory::State::usable) return cleared;
  std::vector<std::string> doomed;
  if (stale_only)
    for (const CacheEntry& entry : list_cache(settings))
      if (entry.state != CacheEntry::State::current) doomed.push_back(entry.file.filename().string());
  const auto an_hour_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (const std::string& name : directory.names()) {
    // Temporary files a killed writer left behind ("….kxc.tmp.PID"): with --stale, only those
    // that no running writer could still be filling.
    if (name.find(std::string(cache::image_extension) + ".tmp.") != std::string::npos) {
      std::error_code time_error;
      if (!stale_only || fs::last_write_time(settings.directory / name, time_error) < an_hour_ago)
        doomed.push_back(name);
    } else if (!stale_only && name.ends_with(cache::image_extension)) {
      doomed.push_back(name);
    }
  }
  for (const std::string& name : doomed) {
    if (const auto size = directory.remove(name)) {
      ++cleared.files;
      cleared.bytes += *size;
    }
  }
  return cleared;
}

}  // namespace kexport
