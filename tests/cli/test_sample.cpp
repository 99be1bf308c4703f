// Made-up figures are never printed as fact: the bundled sample marks them (status=sample), and
// every output that uses them says so, through the real binary.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "helpers.hpp"

using test::run_kexport;

namespace {
const std::string bundled = std::string("--data ") + KEXPORT_DATA_DIR + " ";
}

TEST_CASE("a province whose figures are made up says so in every format", "[cli][sample]") {
  const auto json = run_kexport(bundled + "summary -p Ankara -m 2026-01 -f json");
  REQUIRE(json.exit_code == 0);
  const auto doc = nlohmann::json::parse(json.out);
  CHECK(doc["source"] == "sample");
  CHECK(doc["sample"] == true);
  CHECK(doc["sample_parts"] == nlohmann::json::array({"value", "standing"}));

  const auto table = run_kexport(bundled + "summary -p Ankara -m 2026-01");
  CHECK_THAT(table.out,
             Catch::StartsWith("Ankara (06) · Ocak 2026 ihracatı · ABD doları · Kaynak: örnek veri "
                               "(uydurma)\nÖrnek veri: ihracat tutarları"));
  const auto text = run_kexport(bundled + "summary -p Ankara -m 2026-01 -f text");
  CHECK_THAT(text.out, Catch::StartsWith("Örnek veri: ihracat tutarları, iller arası sıralama ve Türkiye "
                                         "içindeki pay uydurmadır"));
  CHECK_THAT(text.out, Catch::EndsWith("Kaynak: örnek veri. Bu metindeki tutarlar uydurmadır; TÜİK'in ya da "
                                       "başka bir kurumun yayımladığı rakamlar değildir.\n"));
  CHECK_THAT(text.out, !Catch::Contains("Kaynak: TÜİK"));
  const auto english = run_kexport(bundled + "summary -p Ankara -m 2026-01 -f text --lang en");
  CHECK_THAT(english.out, Catch::StartsWith("Sample data: the export figures, the rank among provinces, and "
                                            "the share of Türkiye are made up"));
  CHECK_THAT(english.out, Catch::Contains("Source: sample data."));
  const auto markdown = run_kexport(bundled + "summary -p Ankara -m 2026-01 -f markdown");
  CHECK_THAT(markdown.out, Catch::Contains("\n\n> **Örnek veri: ihracat tutarları"));
  const auto svg = run_kexport(bundled + "summary -p Ankara -m 2026-01 -f svg");
  CHECK_THAT(svg.out, Catch::Contains("Kaynak: örnek veri (uydurma)"));
  CHECK_THAT(svg.out, Catch::Contains(">Örnek veri: ihracat tutarları"));
}

TEST_CASE("Kayseri's published totals stay TÜİK's; its made-up split and standing are marked",
          "[cli][sample]") {
  const auto json = run_kexport(bundled + "summary -p Kayseri -m 2026-01 -f json");
  REQUIRE(json.exit_code == 0);
  const auto doc = nlohmann::json::parse(json.out);
  CHECK(doc["source"] == "TÜİK");
  CHECK(doc["value"] == 291804236.45);
  CHECK(doc["sample"] == true);
  CHECK(doc["sample_parts"] == nlohmann::json::array({"top_destinations", "standing"}));
  const auto table = run_kexport(bundled + "summary -p Kayseri -m 2026-01");
  CHECK_THAT(table.out, Catch::Contains("Kaynak: TÜİK\nÖrnek veri: ülkelere göre dağılım, iller arası "
                                        "sıralama ve Türkiye içindeki pay uydurmadır"));
  // The series of Kayseri's own totals rests on published figures only: no mark.
  const auto series = run_kexport(bundled + "series -p Kayseri -f json");
  CHECK(nlohmann::json::parse(series.out)["sample"] == false);
  // Everything over all provinces, or over Kayseri's destinations, is marked.
  for (const std::string command : {"rank", "top -p Kayseri", "series"}) {
    INFO(command);
    const auto r = run_kexport(bundled + command + " -f json");
    REQUIRE(r.exit_code == 0);
    CHECK(nlohmann::json::parse(r.out)["sample"] == true);
    const auto people = run_kexport(bundled + command);
    CHECK_THAT(people.out,
               Catch::Contains("Örnek veri: bu tablodaki rakamların bir kısmı ya da tamamı uydurmadır"));
  }
}

TEST_CASE("data without a status column is published data; a status is read or refused", "[cli][sample]") {
  const test::TempDir dir;
  test::write_text(dir.path / "real.csv", "period,province,value_usd\n2026-01,Kayseri,10\n");
  const auto real = run_kexport("--data " + (dir.path / "real.csv").string() + " summary -p Kayseri -f json");
  REQUIRE(real.exit_code == 0);
  CHECK(nlohmann::json::parse(real.out)["sample"] == false);
  CHECK(nlohmann::json::parse(real.out)["sample_parts"].empty());

  // A published revision of every made-up month leaves nothing made up.
  std::filesystem::create_directory(dir.path / "revised");
  test::write_text(dir.path / "revised" / "a.csv",
                   "period,province,value_usd,durum\n2025-12,Kayseri,10,örnek\n2026-01,Kayseri,20,örnek\n");
  test::write_text(dir.path / "revised" / "b.csv",
                   "period,province,value_usd,status\n2025-12,Kayseri,11,published\n2026-01,Kayseri,21,\n");
  const auto revised =
      run_kexport("--data " + (dir.path / "revised").string() + " summary -p Kayseri -f json");
  REQUIRE(revised.exit_code == 0);
  const auto doc = nlohmann::json::parse(revised.out);
  CHECK(doc["value"] == 21.0);
  CHECK(doc["sample"] == false);
  CHECK(doc["source"].is_null());

  test::write_text(dir.path / "bad.csv", "period,province,value_usd,status\n2026-01,Kayseri,10,maybe\n");
  const auto bad = run_kexport("--data " + (dir.path / "bad.csv").string() + " summary -p Kayseri");
  CHECK(bad.exit_code == 65);
  CHECK(bad.out.empty());
  CHECK_THAT(bad.err, Catch::Contains("bad.csv:2:20: 'maybe' is not a status; expected sample"));
}
