// The one place that reads from the disk or standard input.
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <system_error>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "formats.hpp"
#include "io/bytes.hpp"
#include "kexport/input/load.hpp"
#include "kexport/model/error.hpp"

namespace kexport {
namespace {

namespace fs = std::filesystem;

std::string read_stream(std::istream& in) {
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Maps a regular file read-only; empty for anything that cannot be mapped (pipes, empty files).
std::optional<InputFile> map_file(const fs::path& path, const std::string& shown) {
  std::optional<MappedBytes> mapped;
  try {
    mapped = map_readonly(path.string(), true);
  } catch (const std::system_error& e) {
    throw Error(ExitCode::no_input, shown + ": cannot open: " + std::strerror(e.code().value()));
  }
  if (!mapped) return std::nullopt;
  // Read front to back: the system may read ahead and drop what is behind.
  ::madvise(const_cast<char*>(mapped->bytes.data()), mapped->bytes.size(), MADV_SEQUENTIAL);
  InputFile file(shown, {});
  file.mapping = std::move(mapped->mapping);
  file.mapped = mapped->bytes;
  file.descriptor = std::move(mapped->descriptor);
  return file;
}

InputFile read_file(const fs::path& path, const std::string& shown) {
  if (auto mapped = map_file(path, shown)) return std::move(*mapped);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ExitCode::no_input, shown + ": cannot open: " + std::strerror(errno));
  InputFile file{shown, {}, InputFormat::automatic};
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size > 0) {
    file.bytes.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    in.read(file.bytes.data(), static_cast<std::streamsize>(file.bytes.size()));
  } else {
    in.seekg(0);
    file.bytes = read_stream(in);  // not seekable (a pipe or a special file)
  }
  if (in.bad()) throw Error(ExitCode::no_input, shown + ": read failed: " + std::strerror(errno));
  return file;
}

PassedOver::Why why_passed_over(const fs::directory_entry& entry) {
  const std::string name = entry.path().filename().string();
  std::error_code ec;
  if (name.starts_with(".")) return PassedOver::Why::hidden;
  if (entry.is_directory(ec)) return PassedOver::Why::directory;
  // A workbook of a format known but not read (.xlsb): the note says how to make it readable.
  const std::string ext = input::lower_extension(name);
  const input::FormatRow* format = input::row_of_extension(ext);
  if (format && !format->is_text) return PassedOver::Why::spreadsheet;
  if (ext == ".md" || name.starts_with("README") || name.starts_with("readme"))
    return PassedOver::Why::documentation;
  return PassedOver::Why::not_data;
}

}  // namespace

namespace {
std::atomic<bool> unmap_when_released{true};

// Descriptors kept open beside their mappings, and how many may be at once.
std::atomic<int> kept_descriptors{0};
constexpr int most_kept_descriptors = 32;
constexpr std::size_t keep_descriptor_from = 8 << 20;

// `fd`, open as long as the result lives; empty (and `fd` closed) when too many are open already.
std::shared_ptr<const int> keep_open(int fd) {
  if (kept_descriptors.fetch_add(1) >= most_kept_descriptors) {
    kept_descriptors.fetch_sub(1);
    ::close(fd);
    return nullptr;
  }
  return std::shared_ptr<const int>(new int(fd), [](const int* kept) {
    ::close(*kept);
    kept_descriptors.fetch_sub(1);
    delete kept;
  });
}
}  // namespace

std::optional<MappedBytes> map_readonly(const std::string& path, bool keep_descriptor) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), path);
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_size <= 0) {
    ::close(fd);
    return std::nullopt;
  }
  return map_descriptor(fd, static_cast<std::size_t>(info.st_size), keep_descriptor);
}

void keep_mappings_until_exit() {
  unmap_when_released = false;
}

std::optional<MappedBytes> map_descriptor(int fd, std::size_t size, bool keep_descriptor) {
  void* address = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  std::shared_ptr<const int> kept;
  if (address != MAP_FAILED && keep_descriptor && size >= keep_descriptor_from)
    kept = keep_open(fd);
  else
    ::close(fd);
  if (address == MAP_FAILED) return std::nullopt;
  MappedBytes mapped;
  mapped.mapping = std::shared_ptr<const void>(address, [size](const void* a) {
    if (unmap_when_released) ::munmap(const_cast<void*>(a), size);
  });
  mapped.bytes = std::string_view(static_cast<const char*>(address), size);
  mapped.descriptor = std::move(kept);
  return mapped;
}

std::size_t release_pages(const InputFile& file, std::string_view stretch) {
  if (!file.mapping || stretch.empty()) return 0;
  // Offsets in the file: folios are aligned there, whatever the mapping's address.
  constexpr std::size_t granule = 2 << 20;
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const auto offset = static_cast<std::size_t>(stretch.data() - file.mapped.data());
  // The first page may be shared with text before the stretch that is still being read.
  const std::size_t begin = (offset + page - 1) / page * page;
  const std::size_t end = (offset + stretch.size()) / granule * granule;
  if (end <= begin) return 0;
  ::madvise(const_cast<char*>(file.mapped.data()) + begin, end - begin, MADV_DONTNEED);
  return end - offset;
}

namespace {

// The data files of one directory, and its other entries.
void list_directory(const fs::path& path, std::vector<fs::path>& entries,
                    std::vector<PassedOver>& passed_over) {
  std::error_code ec;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (input::read_from_directories(input::lower_extension(it->path().filename().string())) &&
        !it->is_directory(type_ec))
      entries.push_back(it->path());
    else
      passed_over.push_back({it->path().string(), why_passed_over(*it)});
  }
  if (ec) throw Error(ExitCode::no_input, path.string() + ": cannot list: " + ec.message());
}

// An archive `kexport fetch` keeps (marked by its file .kexport-archive): the files of every
// <source>/<yyyy>-<mm>/ folder in it, the current vintage of each; what the fetcher keeps beside them
// (fetch.json, the superseded vintages) is not data.
void list_archive(const fs::path& root, std::vector<fs::path>& entries,
                  std::vector<PassedOver>& passed_over) {
  std::error_code ec;
  std::vector<fs::path> months;
  for (fs::directory_iterator source(root, ec), end; !ec && source != end; source.increment(ec)) {
    std::error_code type_ec;
    if (!source->is_directory(type_ec) || source->path().filename().string().starts_with(".")) continue;
    for (fs::directory_iterator month(source->path(), ec); !ec && month != end; month.increment(ec))
      if (month->is_directory(type_ec)) months.push_back(month->path());
  }
  if (ec) throw Error(ExitCode::no_input, root.string() + ": cannot list the archive: " + ec.message());
  for (const fs::path& month : months) {
    std::vector<fs::path> files;
    list_directory(month, files, passed_over);
    for (fs::path& file : files) {
      if (file.filename() == "fetch.json")
        passed_over.push_back({file.string(), PassedOver::Why::documentation});
      else
        entries.push_back(std::move(file));
    }
  }
}

}  // namespace

InputListing list_input(const std::string& path) {
  const InputListing itself{{path}, {}, {{0, false}}};
  if (path == "-") return itself;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) throw Error(ExitCode::no_input, path + ": no such file or directory");
  if (!fs::is_directory(status)) return itself;

  std::vector<fs::path> entries;
  std::vector<PassedOver> passed_over;
  if (fs::exists(fs::path(path) / ".kexport-archive", ec))
    list_archive(path, entries, passed_over);
  else
    list_directory(path, entries, passed_over);
  // Sorted by name: a later file revises an earlier one, so the order must not depend on the disk.
  std::sort(entries.begin(), entries.end());
  std::sort(passed_over.begin(), passed_over.end(),
            [](const PassedOver& a, const PassedOver& b) { return a.path < b.path; });
  if (entries.empty()) {
    std::string spreadsheets;
    for (const PassedOver& entry : passed_over)
      if (entry.why == PassedOver::Why::spreadsheet)
        spreadsheets += (spreadsheets.empty() ? "" : ", ") + fs::path(entry.path).filename().string();
    throw Error(ExitCode::no_input,
                path + ": no " + extensions_read_text(" or ") + " files in this directory" +
                    (spreadsheets.empty() ? std::string()
                                          : "; it holds spreadsheets (" + spreadsheets +
                                                ") in formats that are not read: save them as .xlsx or CSV"));
  }
  InputListing listing;
  listing.files.reserve(entries.size());
  for (const auto& entry : entries) listing.files.push_back(entry.string());
  listing.origins.assign(entries.size(), {0, true});
  listing.passed_over = std::move(passed_over);
  return listing;
}

InputListing list_inputs(const std::vector<std::string>& paths) {
  InputListing all;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    InputListing one = list_input(paths[i]);
    for (auto& origin : one.origins) origin.path = i;
    all.origins.insert(all.origins.end(), one.origins.begin(), one.origins.end());
    all.files.insert(all.files.end(), one.files.begin(), one.files.end());
    all.passed_over.insert(all.passed_over.end(), one.passed_over.begin(), one.passed_over.end());
  }
  return all;
}

std::vector<std::string> input_files(const std::string& path) {
  return list_input(path).files;
}

std::vector<InputFile> read_input(const std::string& path) {
  return read_listed(list_input(path));
}

std::vector<InputFile> read_listed(const InputListing& listed) {
  std::vector<InputFile> files;  // not {read_file(…)}: an initializer list would copy the bytes
  files.reserve(listed.files.size());
  for (const std::string& file : listed.files) {
    if (file == "-") {
      std::ios::sync_with_stdio(false);
      files.push_back(InputFile{"-", read_stream(std::cin), InputFormat::automatic});
    } else {
      files.push_back(read_file(file, file));
    }
  }
  return files;
}

}  // namespace kexport
