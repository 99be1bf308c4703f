// What the cache holds and what clearing it removed, as `kexport cache info` and `cache clear`
// report them: plain facts that app gathers and output writes, so that neither the cache's code
// nor its formats reach the writers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kexport {

// What the cache directory holds, for `kexport cache info`.
struct CacheEntry {
  std::filesystem::path file;
  std::uint64_t bytes = 0;
  std::int64_t written_unix = 0;    // when the image was written
  std::vector<std::string> inputs;  // the files it was made from
  std::uint64_t records = 0;
  enum class State {
    current,     // its inputs are unchanged
    stale,       // they changed, or are gone: it will be rewritten, or can be cleared
    unreadable,  // not an image of this version of kexport, or damaged
  };
  State state = State::unreadable;
};
struct ClearedCache {
  std::uint64_t files = 0;
  std::uint64_t bytes = 0;
};

}  // namespace kexport
