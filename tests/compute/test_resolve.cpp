// Resolving a question's words on their own: provinces, sources, countries, sectors and windows,
// with the errors a person can act on.
#include <catch2/catch.hpp>

#include "compute/resolve.hpp"
#include "helpers.hpp"
#include "kexport/model/error.hpp"

using kexport::ExitCode;
using kexport::Period;
namespace compute = kexport::compute;

namespace {

const kexport::Gazetteer& g() {
  return kexport::Gazetteer::builtin();
}

// The exit code and message of an error a call raises.
template <typename Call>
std::pair<ExitCode, std::string> error_of(Call call) {
  try {
    call();
  } catch (const kexport::Error& e) {
    return {e.code(), e.what()};
  }
  FAIL("no error");
  return {};
}

}  // namespace

TEST_CASE("a province by name, alias or plate code", "[resolve]") {
  for (const char* text : {"Kayseri", "KAYSERİ", "kayseri", "38", " 38 "}) {
    INFO(text);
    CHECK(kexport::resolve_province(g(), text) == 38);
  }
  CHECK(kexport::resolve_province(g(), "Afyon") == 3);
  CHECK(kexport::resolve_province(g(), "06") == 6);  // plates are written with two digits
  for (const char* text : {"Türkiye", "TR", "Türkiye Geneli"}) {
    INFO(text);
    CHECK(kexport::resolve_province(g(), text) == kexport::national_total);
  }
  const auto [code, message] = error_of([] { kexport::resolve_province(g(), "Kaysery"); });
  CHECK(code == ExitCode::usage);
  CHECK_THAT(message, Catch::Contains("unknown province 'Kaysery'; did you mean Kayseri?"));
  CHECK(error_of([] { kexport::resolve_province(g(), "-38"); }).first == ExitCode::usage);
  CHECK(error_of([] { kexport::resolve_province(g(), "82"); }).first == ExitCode::usage);
}

TEST_CASE("the source: the only one, or the one chosen", "[resolve]") {
  using kexport::Flow;
  const auto one = test::load_text("a.csv", "period,province,value_usd,source\n2025-01,Kayseri,1,TÜİK\n");
  CHECK(compute::resolve_stream(one, std::nullopt, std::nullopt, Flow::exports).source == 0);
  CHECK(compute::resolve_stream(one, std::string("tuik"), std::nullopt, Flow::exports).source == 0);
  const auto two = test::load_text("a.csv",
                                   "period,province,value_usd,source\n2025-01,Kayseri,1,TÜİK\n"
                                   "2025-01,Kayseri,2,TİM\n");
  const auto [code, message] =
      error_of([&] { compute::resolve_stream(two, std::nullopt, std::nullopt, Flow::exports); });
  CHECK(code == ExitCode::usage);
  CHECK_THAT(message, Catch::Contains("several sources (TÜİK, TİM)") && Catch::Contains("--source"));
  CHECK(two.sources[compute::resolve_stream(two, std::string("TİM"), std::nullopt, Flow::exports).source] ==
        "TİM");
  CHECK_THAT(error_of([&] {
               compute::resolve_stream(two, std::string("Ticaret Bakanlığı"), std::nullopt, Flow::exports);
             }).second,
             Catch::Contains("no source 'Ticaret Bakanlığı'; it has: TÜİK, TİM"));
}

TEST_CASE("the flow: a source of exports beside one of imports is no ambiguity", "[resolve]") {
  using kexport::Flow;
  const auto data = test::load_text("a.csv",
                                    "period,province,value_usd,source,flow\n2025-01,Kayseri,1,TİM,ihracat\n"
                                    "2025-01,Kayseri,2,TÜİK,ithalat\n");
  CHECK(data.sources[compute::resolve_stream(data, std::nullopt, std::nullopt, Flow::exports).source] ==
        "TİM");
  CHECK(data.sources[compute::resolve_stream(data, std::nullopt, std::nullopt, Flow::imports).source] ==
        "TÜİK");
  const auto [code, message] =
      error_of([&] { compute::resolve_stream(data, std::string("TİM"), std::nullopt, Flow::imports); });
  CHECK(code == ExitCode::unavailable);
  CHECK_THAT(message, Catch::Contains("no imports from TİM"));
  const auto exports_only = test::load_text("a.csv", "period,province,value_usd\n2025-01,Kayseri,1\n");
  const auto [code2, message2] =
      error_of([&] { compute::resolve_stream(exports_only, std::nullopt, std::nullopt, Flow::imports); });
  CHECK(code2 == ExitCode::unavailable);
  CHECK_THAT(message2, Catch::Contains("holds no imports, only exports"));
}

TEST_CASE("a country: the data's id, no id when it bought nothing, an error when unknown", "[resolve]") {
  const auto data = test::load_text("a.csv",
                                    "period,province,country,value_usd\n2025-01,Kayseri,Almanya,1\n"
                                    "2025-01,Kayseri,Atlantis,2\n");
  const auto germany = compute::resolve_country(data, g(), "DE");
  REQUIRE(germany.has_value());
  CHECK(data.countries[*germany].written == "Almanya");
  CHECK(compute::resolve_country(data, g(), "Germany") == germany);
  CHECK_FALSE(compute::resolve_country(data, g(), "Fransa").has_value());  // known, absent: bought nothing
  CHECK(compute::resolve_country(data, g(), "ATLANTIS").has_value());      // as the data writes it
  const auto [code, message] = error_of([&] { compute::resolve_country(data, g(), "Almanyaa"); });
  CHECK(code == ExitCode::usage);
  CHECK_THAT(message, Catch::Contains("unknown country 'Almanyaa'; did you mean Almanya"));
}

TEST_CASE("a sector by chapter number, chapter name or the data's name", "[resolve]") {
  const auto data =
      test::load_text("a.csv", "period,province,chapter,value_usd\n2025-01,Kayseri,Uzay Turizmi,1\n");
  CHECK(compute::resolve_chapter(data, g(), "08") == 8);
  CHECK(compute::resolve_chapter(data, g(), "84") == 84);
  CHECK(compute::resolve_chapter(data, g(), "demir ve çelik") == 72);
  CHECK(compute::resolve_chapter(data, g(), "Halı") == 57);
  CHECK(compute::resolve_chapter(data, g(), "uzay turizmi") == kexport::Dataset::first_sector_code);
  CHECK(error_of([&] { compute::resolve_chapter(data, g(), "100"); }).first == ExitCode::usage);
  CHECK(error_of([&] { compute::resolve_chapter(data, g(), "Ay Turizmi"); }).first == ExitCode::usage);
}

TEST_CASE("a window's months end at the month asked for", "[resolve]") {
  const Period march = Period::from_year_month(2026, 3);
  using W = kexport::Window;
  CHECK(compute::window_span(W::month, march) == std::pair(march, march));
  CHECK(compute::window_span(W::ytd, march) == std::pair(Period::from_year_month(2026, 1), march));
  CHECK(compute::window_span(W::rolling_12m, march) == std::pair(Period::from_year_month(2025, 4), march));
}
