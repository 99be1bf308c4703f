#include "helpers.hpp"

#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace test {

std::vector<std::string> records_of(const kexport::Dataset& data) {
  const auto& g = kexport::Gazetteer::builtin();
  std::vector<std::string> out;
  for (std::size_t row = 0; row < data.size(); ++row) {
    const auto key = data.key(row);
    const auto& country = data.countries[key.country];
    const std::string country_text = key.country == kexport::all_countries ? "*"
                                     : country.gazetteer ? g.countries()[*country.gazetteer].code
                                                         : country.written;
    const std::string chapter = key.chapter == 0 ? "*"
                                : key.chapter >= kexport::Dataset::first_sector_code
                                    ? data.sectors[key.chapter - kexport::Dataset::first_sector_code]
                                    : std::to_string(key.chapter);
    out.push_back(std::string(g.province_name(key.province)) + " " + key.month.iso() + " " + country_text +
                  " " + chapter + " " + std::to_string(data.cents[row]) + " " + data.sources[key.source] +
                  (key.flow == kexport::Flow::imports ? " import" : "") +
                  (key.measure == kexport::Measure::weight ? " grams" : ""));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

RunResult run_kexport(const std::string& arguments, const std::string& input, const std::string& environment,
                      const std::string& directory) {
  char dir_template[] = "/tmp/kexport-test-XXXXXX";
  const std::string dir = mkdtemp(dir_template);
  const std::string in_path = dir + "/in", out_path = dir + "/out", err_path = dir + "/err";
  std::ofstream(in_path, std::ios::binary) << input;
  // NO_COLOR keeps the output free of escape codes whatever the terminal.
  const std::string command = (directory.empty() ? "" : "cd '" + directory + "' && ") + "env NO_COLOR=1 " +
                              environment + " " + KEXPORT_BINARY + " " + arguments + " <" + in_path + " >" +
                              out_path + " 2>" + err_path;
  const int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_file(out_path);
  result.err = read_file(err_path);
  std::remove(in_path.c_str());
  std::remove(out_path.c_str());
  std::remove(err_path.c_str());
  rmdir(dir.c_str());
  return result;
}

TempDir::TempDir() {
  char name[] = "/tmp/kexport-test-XXXXXX";
  path = mkdtemp(name);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace test
