// The dataset cache: a columnar image of everything a set of input files holds, written after the
// first full load and mapped by later runs, which answer without parsing.
//
// An image is found by the request (the data paths and the load options) and trusted only when
// its identity matches what the inputs are now (each file's path, size, modification time, inode
// and a fingerprint of its first and last 64 KiB) and what this program is (format version,
// kexport version, the executable's size and modification time). Every part of an image carries
// a checksum that is verified before the part is used, so a question about one province reads and
// checks only that province's records and the monthly totals. A stale, foreign or damaged image is
// never used: the data is loaded again and the image rewritten.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kexport/input/load.hpp"
#include "kexport/model/cache_entry.hpp"
#include "kexport/model/dataset.hpp"

namespace kexport {

struct CacheSettings {
  std::filesystem::path directory;
  // Inputs smaller than this are parsed every time: that is quicker than a lookup, and keeps the
  // cache for the files that need it.
  std::uint64_t min_input_bytes = std::uint64_t{1} << 20;
};

// $XDG_CACHE_HOME/kexport, else $HOME/.cache/kexport; nothing when neither is set.
std::optional<std::filesystem::path> default_cache_directory();

// How a load went with respect to the cache.
enum class CacheOutcome {
  bypassed,   // standard input, or inputs below CacheSettings::min_input_bytes
  hit,        // answered from an image
  written,    // no usable image: loaded and stored one
  unwritten,  // no usable image, and storing one failed (see CachedLoad::note)
};

struct CachedLoad {
  Dataset data;
  CacheOutcome outcome = CacheOutcome::bypassed;
  // Something the user should hear about: a damaged image that was replaced, or why one could not
  // be written. Empty when all went as expected (a stale image is expected, and said nowhere).
  std::string note;
};

// Loads the inputs `paths` names (as read_input() takes them) through the cache. The dataset is
// the one load_dataset() gives for `options`: whole, or focused on a province, or totals only.
// A miss loads every record (whatever the focus) so that the image answers any later question.
CachedLoad load_through_cache(const std::vector<std::string>& paths, const LoadOptions& options,
                              const CacheSettings& settings);
// The same for paths a run has listed already (`listed` is list_inputs(paths)): no directory is
// listed again, whether the image answers or the files are read.
CachedLoad load_through_cache(const std::vector<std::string>& paths, const InputListing& listed,
                              const LoadOptions& options, const CacheSettings& settings);

std::vector<CacheEntry> list_cache(const CacheSettings& settings);

// Removes every image (and leftover temporary file) from the cache directory; with `stale_only`,
// only the images that are not current and temporary files over an hour old.
ClearedCache clear_cache(const CacheSettings& settings, bool stale_only = false);

}  // namespace kexport
