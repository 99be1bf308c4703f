// The one place that reads from the disk or standard input.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "kexport/error.hpp"
#include "kexport/load.hpp"

namespace kexport {
namespace {

namespace fs = std::filesystem;

std::string read_stream(std::istream& in) {
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

InputFile read_file(const fs::path& path, const std::string& shown) {
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

bool is_data_file(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".csv" || ext == ".json" || ext == ".jsonl" || ext == ".ndjson" || ext == ".tsv";
}

}  // namespace

std::vector<InputFile> read_input(const std::string& path) {
  if (path == "-") {
    std::ios::sync_with_stdio(false);
    return {InputFile{"-", read_stream(std::cin), InputFormat::automatic}};
  }
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) throw Error(ExitCode::no_input, path + ": no such file or directory");
  if (!fs::is_directory(status)) return {read_file(path, path)};

  std::vector<fs::path> entries;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
    if (is_data_file(it->path()) && !it->is_directory(ec)) entries.push_back(it->path());
  if (ec) throw Error(ExitCode::no_input, path + ": cannot list: " + ec.message());
  // Sorted by name: a later file revises an earlier one, so the order must not depend on the disk.
  std::sort(entries.begin(), entries.end());
  if (entries.empty())
    throw Error(ExitCode::no_input, path + ": no .csv, .tsv, .json or .jsonl files in this directory");
  std::vector<InputFile> files;
  for (const auto& entry : entries) files.push_back(read_file(entry, entry.string()));
  return files;
}

}  // namespace kexport
