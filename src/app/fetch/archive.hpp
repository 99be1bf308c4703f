// The local archive of fetched files: <root>/<source>/<yyyy>-<mm>/<file>, each file written
// atomically (0644, in 0755 directories), a re-published file with other content kept as a new
// vintage (the one before moved to superseded/, never overwritten), and per month a fetch.json that
// records each vintage: address, fetched at, ETag, Last-Modified, size, SHA-256. One fetch at a
// time holds the archive's lock. `--data <root>` reads the current vintage of every month.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "fetch/http_client.hpp"
#include "kexport/model/period.hpp"

namespace kexport::fetch {

// What fetch.json says of one vintage of a file.
struct StoredVintage {
  std::string address;
  std::string fetched_at;  // UTC, ISO 8601
  std::string etag, last_modified;
  std::uint64_t size = 0;
  std::string sha256;
  std::string stored_as;  // the path under the month's folder
};

enum class Stored { new_file, new_vintage, unchanged };

class Archive {
 public:
  // Opens (creating it) the archive at `root` and takes its lock, waiting for another fetch to
  // finish. Throws Error(io) when it cannot be created or locked.
  explicit Archive(std::string root);
  ~Archive();
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  [[nodiscard]] const std::string& root() const { return root_; }
  // The month's folder for a source.
  [[nodiscard]] std::string month_directory(const std::string& source, Period month) const;
  // The latest vintage of a file kept for the month, if any (its validators make the next request
  // conditional).
  [[nodiscard]] std::optional<StoredVintage> latest(const std::string& source, Period month,
                                                    const std::string& file) const;
  // Keeps the bytes as the file's current vintage, unless they are the current one's. Throws
  // Error(io), leaving nothing partial, when it cannot be written, and Error(cannot_create) when a
  // file of that name is there that fetch.json does not list as the one last fetched.
  Stored store(const std::string& source, Period month, const std::string& file, const std::string& bytes,
               const StoredVintage& meta);

 private:
  std::string root_;
  int lock_ = -1;
};

// "$XDG_DATA_HOME/kexport/archive", else "~/.local/share/kexport/archive"; empty when neither
// XDG_DATA_HOME nor HOME is set.
std::string default_archive_directory();

}  // namespace kexport::fetch
