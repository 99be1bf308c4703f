// Where the data comes from when the command line does not say.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "kexport/app/data_paths.hpp"

namespace {

// Sets KEXPORT_DATA for one test and restores it afterwards.
class DataVariable {
 public:
  explicit DataVariable(const char* value) {
    if (const char* old = std::getenv("KEXPORT_DATA")) saved_ = old;
    if (value)
      ::setenv("KEXPORT_DATA", value, 1);
    else
      ::unsetenv("KEXPORT_DATA");
  }
  ~DataVariable() {
    if (saved_)
      ::setenv("KEXPORT_DATA", saved_->c_str(), 1);
    else
      ::unsetenv("KEXPORT_DATA");
  }
  DataVariable(const DataVariable&) = delete;
  DataVariable& operator=(const DataVariable&) = delete;

 private:
  std::optional<std::string> saved_;
};

}  // namespace

TEST_CASE("paths given with --data win over KEXPORT_DATA", "[data_paths]") {
  const DataVariable set("/x:/y");
  CHECK(kexport::data_paths({"a.csv", "b.csv"}, "kexport") == std::vector<std::string>{"a.csv", "b.csv"});
}

TEST_CASE("KEXPORT_DATA holds paths separated by colons", "[data_paths]") {
  const DataVariable set("/data/tuik::/data/tim:");
  CHECK(kexport::data_paths({}, "kexport") == std::vector<std::string>{"/data/tuik", "/data/tim"});
}

TEST_CASE("without either, the bundled data", "[data_paths]") {
  for (const char* value : {static_cast<const char*>(nullptr), "", ":"}) {
    const DataVariable set(value);
    // The test binary is not installed: the source tree's data directory.
    CHECK(kexport::data_paths({}, "kexport") == std::vector<std::string>{KEXPORT_DATA_DIR});
  }
}
