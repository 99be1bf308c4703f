#include "kexport/data_paths.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

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
  std::error_code ec;
  const fs::path installed = executable_dir(argv0) / ".." / KEXPORT_INSTALL_DATA_SUFFIX;
  if (fs::is_directory(installed, ec)) return {installed.lexically_normal().string()};
  return {KEXPORT_SOURCE_DATA_DIR};
}

}  // namespace kexport
