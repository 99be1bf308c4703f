#include "kexport/app/fetch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>

#include "fetch/addresses.hpp"
#include "fetch/archive.hpp"
#include "fetch/content_check.hpp"
#include "fetch/http_client.hpp"
#include "kexport/app/publish.hpp"
#include "kexport/model/error.hpp"

namespace kexport {
namespace {

using fetch::Address;

std::string now_utc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

Period this_month() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  return Period::from_year_month(utc.tm_year + 1900, utc.tm_mon + 1);
}

bool publishes(const Address& a, Period month) {
  return a.since <= month && (!a.until || month <= *a.until);
}

// One file of the month: asked conditionally, checked, kept.
FetchedFile fetch_file(const Address& address, Period month, const FetchSettings& settings,
                       fetch::Archive& archive) {
  FetchedFile result;
  result.file = address.file;
  result.address = fetch::address_of(address, month, settings.base_url);
  const std::string name = fetch::file_name_of(result.address);
  result.path = (std::filesystem::path(archive.month_directory(address.source, month)) / name).string();
  fetch::Validators validators;
  if (const auto kept = archive.latest(address.source, month, name))
    validators = {kept->etag, kept->last_modified};
  fetch::HttpSettings http;
  http.connect_timeout_seconds = settings.connect_timeout_seconds;
  http.timeout_seconds = settings.timeout_seconds;
  http.retries = settings.retries;
  http.retry_wait_seconds = settings.retry_wait_seconds;
  http.size_cap = settings.size_cap;
  http.progress = settings.progress;
  const fetch::HttpResponse response = fetch::http_get(result.address, validators, http);
  if (response.status == 0) {
    result.problem = response.failure;
    // A refused redirect is the server's to mend, not the content's: worth another try later.
    result.temporary = response.temporary || response.redirect_refused;
    return result;
  }
  if (response.status == 304) {
    result.state = FetchedFile::State::unchanged;
    return result;
  }
  if (response.status == 404 || response.status == 410) {
    result.state = FetchedFile::State::not_published;
    result.problem = fmt::format("not published (HTTP {})", response.status);
    return result;
  }
  if (response.status != 200) {
    result.problem =
        fmt::format("the server answered HTTP {}{}", response.status,
                    response.attempts > 1 ? fmt::format(" after {} tries", response.attempts) : "");
    return result;
  }
  if (const auto problem = fetch::check_content(name, response.body, address.layout)) {
    result.problem = problem->what;
    result.temporary = problem->temporary;
    return result;
  }
  fetch::StoredVintage meta;
  meta.address = result.address;
  meta.fetched_at = now_utc();
  meta.etag = response.etag;
  meta.last_modified = response.last_modified;
  meta.size = response.body.size();
  meta.sha256 = sha256_hex(response.body);
  result.size = meta.size;
  result.sha256 = meta.sha256;
  switch (archive.store(address.source, month, name, response.body, meta)) {
    case fetch::Stored::new_file:
      result.state = FetchedFile::State::new_file;
      break;
    case fetch::Stored::new_vintage:
      result.state = FetchedFile::State::new_vintage;
      break;
    case fetch::Stored::unchanged:
      result.state = FetchedFile::State::unchanged;
      break;
  }
  return result;
}

FetchResult fetch_one_month(const std::vector<Address>& addresses, Period month,
                            const FetchSettings& settings, fetch::Archive& archive) {
  FetchResult result;
  result.source = settings.source;
  result.month = month;
  result.archive = archive.root();
  for (const std::string& wanted : settings.files)
    if (std::none_of(addresses.begin(), addresses.end(),
                     [&](const Address& a) { return a.file == wanted && publishes(a, month); }))
      result.not_for_month.push_back(wanted);
  for (const Address& address : addresses) {
    if (!publishes(address, month)) continue;
    if (!settings.files.empty() &&
        std::find(settings.files.begin(), settings.files.end(), address.file) == settings.files.end())
      continue;
    result.files.push_back(fetch_file(address, month, settings, archive));
  }
  return result;
}

}  // namespace

std::string default_archive_directory_path() {
  return fetch::default_archive_directory();
}

FetchResult fetch_month(const FetchSettings& settings) {
  std::vector<Address> addresses;
  std::vector<std::string> sources;
  for (Address& a : fetch::read_addresses(settings.addresses)) {
    if (std::find(sources.begin(), sources.end(), a.source) == sources.end()) sources.push_back(a.source);
    if (a.source == settings.source) addresses.push_back(std::move(a));
  }
  if (addresses.empty())
    throw Error(ExitCode::usage, fmt::format("--source {}: no addresses for it in {}; expected one of: {}",
                                             settings.source, settings.addresses, fmt::join(sources, ", ")));
  for (const std::string& wanted : settings.files)
    if (std::none_of(addresses.begin(), addresses.end(),
                     [&](const Address& a) { return a.file == wanted; })) {
      std::vector<std::string> names;
      for (const Address& a : addresses)
        if (std::find(names.begin(), names.end(), a.file) == names.end()) names.push_back(a.file);
      throw Error(ExitCode::usage, fmt::format("--files {}: not a file {} publishes; expected one of: {}",
                                               wanted, settings.source, fmt::join(names, ", ")));
    }
  if (settings.archive.empty())
    throw Error(ExitCode::usage,
                "no archive directory: neither XDG_DATA_HOME nor HOME is set; give --archive DIR");
  fetch::Archive archive(settings.archive);
  if (settings.month) return fetch_one_month(addresses, *settings.month, settings, archive);
  // The latest: the month before this one, else the one before it (a month's files appear on the
  // 1st–2nd of the next).
  const Period last = settings.today.value_or(this_month()).plus_months(-1);
  FetchResult result = fetch_one_month(addresses, last, settings, archive);
  const bool none = !result.files.empty() &&
                    std::all_of(result.files.begin(), result.files.end(), [](const FetchedFile& f) {
                      return f.state == FetchedFile::State::not_published;
                    });
  if (none) return fetch_one_month(addresses, last.plus_months(-1), settings, archive);
  return result;
}

}  // namespace kexport
