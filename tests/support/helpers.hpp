// Helpers shared by the tests: loading inline text, and running the real binary.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "kexport/compute/province_names.hpp"
#include "kexport/compute/summary.hpp"
#include "kexport/input/load.hpp"
#include "kexport/model/dataset.hpp"
#include "output/names.hpp"

namespace test {

inline kexport::Dataset load_text(const std::string& name, const std::string& text,
                                  kexport::LoadOptions options = {}) {
  return kexport::load_dataset({kexport::InputFile{name, text, kexport::InputFormat::automatic}}, options);
}

inline kexport::Dataset load_texts(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<kexport::InputFile> inputs;
  for (const auto& [name, text] : files) inputs.push_back({name, text, kexport::InputFormat::automatic});
  return kexport::load_dataset(inputs);
}

// A province's id, from any of its names or its plate code, as the application resolves it.
inline kexport::ProvinceId province(const std::string& name) {
  return kexport::resolve_province(kexport::Gazetteer::builtin(), name);
}

// A destination as the summary holds it, from any of its names or codes ("Almanya", "DE").
inline kexport::Place place(const std::string& country) {
  return {country, kexport::Gazetteer::builtin().find_country(country)};
}
// A destination's Turkish name and its ISO code, as the writers print them.
inline std::string name(const kexport::Place& place) {
  return kexport::output::country_name(place, kexport::Language::tr);
}
inline std::string code(const kexport::Place& place) {
  return kexport::output::country_code(place);
}

// A dataset's records by what they say — province, month, destination (its code, or its name as
// written), sector, cents, source — sorted, independent of dictionary ids and of the file they came
// from: what two inputs that mean the same thing must agree on.
std::vector<std::string> records_of(const kexport::Dataset& data);

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the kexport binary with the arguments (a shell-quoted string), optional standard input and
// environment, in `directory` when one is given.
RunResult run_kexport(const std::string& arguments, const std::string& input = "",
                      const std::string& environment = "", const std::string& directory = "");

std::string read_file(const std::string& path);

// A fresh directory under /tmp, removed with everything in it when the object goes.
struct TempDir {
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::filesystem::path path;
};

// Writes (or replaces) a file with exactly these bytes.
void write_text(const std::filesystem::path& path, const std::string& text);

}  // namespace test
