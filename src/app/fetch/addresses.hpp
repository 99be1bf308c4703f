// The addresses a publisher's monthly files are put out at (data/sources/addresses.csv, read at
// run time so that a moved address is fixed without a rebuild).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kexport/model/period.hpp"

namespace kexport::fetch {

// What a fetched file must open as before it is kept.
enum class ExpectedLayout { province_sector, country_sector, sector, provinces };

struct Address {
  std::string source;  // "tim"
  std::string file;    // "il-bazinda-sektor-rakamlari": the name --files uses
  Period since;
  std::optional<Period> until;
  ExpectedLayout layout = ExpectedLayout::provinces;
  std::string address;  // with {yyyy}, {mm}, {m}
};

// Reads addresses.csv. Throws Error(no_input) when it cannot be read, DataError at a malformed
// line.
std::vector<Address> read_addresses(const std::string& path);

// The address of `month`, with `base_url` (when not empty) in place of its scheme and host.
std::string address_of(const Address& address, Period month, const std::string& base_url);

// The file name the address ends in: "2026-02-il-bazinda-sektor-rakamlari.xlsx".
std::string file_name_of(const std::string& url);

}  // namespace kexport::fetch
