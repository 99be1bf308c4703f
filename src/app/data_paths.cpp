#include "kexport/app/data_paths.hpp"

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "kexport/model/error.hpp"

namespace kexport {
namespace {

namespace fs = std::filesystem;

fs::path executable_dir(const char* argv0) {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) self = fs::absolute(argv0, ec);
  return self.parent_path();
}

}  // namespace

std::vector<std::string> data_paths(const std::vector<std::string>& given, const char* argv0) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("KEXPORT_DATA"); env != nullptr && *env != '\0') {
    std::vector<std::string> paths;
    std::string list(env);
    std::size_t begin = 0;
    while (begin <= list.size()) {
      std::size_t end = list.find(':', begin);
      if (end == std::string::npos) end = list.size();
      if (end > begin) paths.push_back(list.substr(begin, end - begin));
      begin = end + 1;
    }
    if (!paths.empty()) return paths;
  }
  return {bundled_data_directory(argv0)};
}

std::string bundled_data_directory(const char* argv0) {
  std::error_code ec;
  const fs::path installed = executable_dir(argv0) / ".." / KEXPORT_INSTALL_DATA_SUFFIX;
  if (fs::is_directory(installed, ec)) return installed.lexically_normal().string();
  return KEXPORT_SOURCE_DATA_DIR;
}

void refuse_writing_over_input(const std::string& output, const std::vector<std::string>& data_paths) {
  struct stat target {};
  if (::stat(output.c_str(), &target) != 0 || !S_ISREG(target.st_mode)) return;
  const auto same = [&](const std::filesystem::path& input) {
    struct stat info {};
    return ::stat(input.c_str(), &info) == 0 && info.st_dev == target.st_dev && info.st_ino == target.st_ino;
  };
  for (const std::string& path : data_paths) {
    std::error_code ec;
    bool found = same(path);
    if (!found && std::filesystem::is_directory(path, ec))
      for (const auto& entry : std::filesystem::directory_iterator(path, ec))
        if (same(entry.path())) found = true;
    if (found)
      throw Error(ExitCode::usage, output + ": is one of the data files this run reads (--data " + path +
                                       "); expected an output file that is not an input");
  }
}

}  // namespace kexport
