#include "fetch/addresses.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "kexport/model/error.hpp"

namespace kexport::fetch {
namespace {

std::vector<std::string> split_line(const std::string& line) {
  std::vector<std::string> fields(1);
  for (const char c : line) {
    if (c == ',')
      fields.emplace_back();
    else if (c != '\r')
      fields.back() += c;
  }
  return fields;
}

std::optional<ExpectedLayout> layout_named(const std::string& name) {
  if (name == "province_sector") return ExpectedLayout::province_sector;
  if (name == "country_sector") return ExpectedLayout::country_sector;
  if (name == "sector") return ExpectedLayout::sector;
  if (name == "provinces") return ExpectedLayout::provinces;
  return std::nullopt;
}

void replace_all(std::string& text, std::string_view from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

}  // namespace

std::vector<Address> read_addresses(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(ExitCode::no_input, path + ": cannot read the publishers' addresses");
  std::vector<Address> addresses;
  std::string line;
  std::uint64_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1 || line.empty()) continue;  // the header
    const auto fields = split_line(line);
    const SourceLocation at{path, number, 1, false};
    if (fields.size() != 6)
      throw DataError(
          at, fmt::format("{} fields; expected source,file,since,until,layout,address", fields.size()));
    Address a;
    a.source = fields[0];
    a.file = fields[1];
    const auto since = parse_iso_period(fields[2]);
    const auto until = fields[3].empty() ? std::optional<Period>() : parse_iso_period(fields[3]);
    const auto layout = layout_named(fields[4]);
    if (!since || (!fields[3].empty() && !until))
      throw DataError(at, "since and until must be months (YYYY-MM), until may be empty");
    if (!layout)
      throw DataError(
          at, fmt::format("layout '{}'; expected province_sector, country_sector, sector or provinces",
                          fields[4]));
    if (!fields[5].starts_with("https://") && !fields[5].starts_with("http://"))
      throw DataError(at, "the address must start with https://");
    a.since = *since;
    a.until = until;
    a.layout = *layout;
    a.address = fields[5];
    addresses.push_back(std::move(a));
  }
  return addresses;
}

std::string address_of(const Address& address, Period month, const std::string& base_url) {
  std::string url = address.address;
  replace_all(url, "{yyyy}", std::to_string(month.year()));
  replace_all(url, "{mm}", fmt::format("{:02}", month.month()));
  replace_all(url, "{m}", std::to_string(month.month()));
  if (!base_url.empty()) {
    const std::size_t host = url.find("://");
    const std::size_t path = url.find('/', host + 3);
    std::string base = base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    url = base + (path == std::string::npos ? "/" : url.substr(path));
  }
  return url;
}

std::string file_name_of(const std::string& url) {
  const std::size_t slash = url.rfind('/');
  return slash == std::string::npos ? url : url.substr(slash + 1);
}

}  // namespace kexport::fetch
