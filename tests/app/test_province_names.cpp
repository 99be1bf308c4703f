// Provinces as the command line names them, resolved once for a run.
#include <catch2/catch.hpp>

#include <functional>

#include "kexport/app/data_source.hpp"
#include "kexport/model/error.hpp"

using kexport::ExitCode;
using kexport::ProvinceId;

namespace {

ExitCode code_of(const std::function<void()>& call) {
  try {
    call();
  } catch (const kexport::Error& e) {
    return e.code();
  }
  return ExitCode::ok;
}

}  // namespace

TEST_CASE("a province is named by its name in any case, an old name or its plate code", "[app]") {
  for (const char* name : {"Kayseri", "KAYSERİ", "kayseri", "KAYSERI", "38"})
    CHECK(kexport::province_named(name) == 38);
  CHECK(kexport::province_named("Urfa") == 63);
  CHECK(kexport::province_named("Türkiye") == kexport::national_total);
  CHECK(code_of([] { kexport::province_named("Kaysery"); }) == ExitCode::usage);
}

TEST_CASE("a report's provinces are provinces, never Türkiye", "[app]") {
  CHECK(kexport::provinces_named({"Ankara", "kayseri", "38"}) == std::vector<ProvinceId>{6, 38, 38});
  CHECK(code_of([] { kexport::provinces_named({"Kayseri", "Türkiye"}); }) == ExitCode::usage);
  CHECK(code_of([] { kexport::provinces_named({"Atlantis"}); }) == ExitCode::usage);
}
