// `kexport fetch`: a month's files from their publisher to the local archive, with no one
// downloading them by hand (see src/app/fetch/).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kexport/model/period.hpp"
#include "kexport/output/fetch_report.hpp"

namespace kexport {

struct FetchSettings {
  std::string source = "tim";
  std::optional<Period> month;     // empty: the latest published (the month before, else the one before it)
  std::vector<std::string> files;  // by name (addresses.csv's `file`); empty: every file of the month
  std::string base_url;            // in place of each address's scheme and host
  std::string archive;             // the archive's root
  std::string addresses;           // the addresses file
  long connect_timeout_seconds = 15;
  long timeout_seconds = 180;
  int retries = 3;
  double retry_wait_seconds = 2;
  std::uint64_t size_cap = 64ULL << 20;
  bool progress = false;
  std::optional<Period> today;  // the month the run is in, for `latest`; default: the clock's (UTC)
};

// Fetches the month's files into the archive. Throws Error(usage) for an unknown source or file
// name, Error(io) when the archive cannot be written (nothing partial is left), Error(no_input)
// when the addresses cannot be read.
FetchResult fetch_month(const FetchSettings& settings);

// "$XDG_DATA_HOME/kexport/archive", else "~/.local/share/kexport/archive"; empty when neither
// XDG_DATA_HOME nor HOME is set.
std::string default_archive_directory_path();

}  // namespace kexport
