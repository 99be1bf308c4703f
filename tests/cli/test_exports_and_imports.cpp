// Exports and imports through the real binary, the way users meet them: the two flows never added
// together, a flow the data lacks refused, and imports the data does not know never printed as 0.
#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "helpers.hpp"

using nlohmann::json;
using test::run_kexport;

namespace {

// Kayseri and Ankara's exports and imports in three months: columns of both, as TÜİK's query tool
// writes them.
const char* trade_csv =
    "İl,Dönem,İhracat (USD),İthalat (USD)\n"
    "Kayseri,2025-01,1000,400\n"
    "Ankara,2025-01,5000,7000\n"
    "Kayseri,2025-12,1300,650\n"
    "Ankara,2025-12,5200,7100\n"
    "Kayseri,2026-01,1100,500\n"
    "Ankara,2026-01,5500,6000\n";

}  // namespace

TEST_CASE("summary gives imports, the balance and the coverage, and the prose says them", "[cli][flows]") {
  const test::TempDir dir;
  test::write_text(dir.path / "trade.csv", trade_csv);
  const std::string data = "--data " + (dir.path / "trade.csv").string() + " ";
  const auto r = run_kexport(data + "summary -p Kayseri -m 2026-01 -f json");
  REQUIRE(r.exit_code == 0);
  const auto doc = json::parse(r.out);
  CHECK(doc["value"] == 1100.0);  // exports alone, never exports + imports
  CHECK(doc["imports"]["value"] == 500.0);
  CHECK(doc["imports"]["previous_year"]["change_pct"].get<double>() == Approx(25.0));
  CHECK(doc["balance"]["month"]["value"] == 600.0);
  CHECK(doc["balance"]["month"]["previous_value"] == 600.0);
  CHECK(doc["balance"]["month"]["change"] == 0.0);
  CHECK(doc["coverage_ratio_pct"]["month"]["value"].get<double>() == Approx(220.0));
  CHECK(doc["coverage_ratio_pct"]["month"]["change_pp"].get<double>() == Approx(220.0 - 250.0));

  const auto tr = run_kexport(data + "summary -p Kayseri -m 2026-01 -f text");
  REQUIRE(tr.exit_code == 0);
  CHECK_THAT(tr.out, Catch::Contains(
                         "Aynı ay ithalat, geçen yılın aynı ayına göre yüzde 25 artarak 500 dolar oldu; dış "
                         "ticaret fazlası 600 dolar, ihracatın ithalatı karşılama oranı yüzde 220 oldu.") &&
                         Catch::Contains("Karşılama oranı geçen yılın aynı ayına göre 30 puan geriledi."));
  // Ankara imports more than it exports: a deficit, and the words follow the sign.
  const auto ankara = run_kexport(data + "summary -p Ankara -m 2026-01 -f text");
  REQUIRE(ankara.exit_code == 0);
  CHECK_THAT(ankara.out, Catch::Contains("dış ticaret açığı 500 dolar") &&
                             Catch::Contains("karşılama oranı yüzde 91,67 oldu") &&
                             !Catch::Contains("fazlası"));
  const auto en = run_kexport(data + "summary -p Ankara -m 2026-01 -f text --lang en");
  CHECK_THAT(en.out, Catch::Contains("leaving a trade deficit of $500") &&
                         Catch::Contains("exports covered 91.67% of imports"));
}

TEST_CASE("imports the data does not know for the month are said as unknown, never 0", "[cli][flows]") {
  const test::TempDir dir;
  test::write_text(dir.path / "exports.csv",
                   "period,province,value_usd\n2025-12,Kayseri,10\n2026-01,Kayseri,12\n");
  test::write_text(dir.path / "imports.csv", "İTHALAT\nperiod,province,value_usd\n2025-12,Kayseri,4\n");
  const std::string data = "--data " + dir.path.string() + " ";
  const auto table = run_kexport(data + "summary -p Kayseri -m 2026-01");
  REQUIRE(table.exit_code == 0);
  CHECK_THAT(table.out, Catch::Contains("Ocak 2026 ithalatı"));
  CHECK_THAT(table.out, Catch::Matches("(.|\n)*İthalat yapılan ülke sayısı +ülke dağılımı yok(.|\n)*"));
  CHECK_THAT(table.out, Catch::Matches("(.|\n)*Ocak 2026 +2026-01 +yok +yok +yok +yok +yok(.|\n)*"));
  const auto text = run_kexport(data + "summary -p Kayseri -m 2026-01 -f text");
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, !Catch::Contains("ithalat"));  // no paragraph on what the data does not know
  const auto doc = json::parse(run_kexport(data + "summary -p Kayseri -m 2026-01 -f json").out);
  CHECK(doc["imports"]["value"].is_null());
  CHECK(doc["balance"]["month"]["value"].is_null());

  // Türkiye on the bundled data: only Kayseri's imports, so none of Türkiye's, said in one line.
  const std::string bundled = std::string("--data ") + KEXPORT_DATA_DIR + " ";
  const auto turkey = run_kexport(bundled + "summary -p Türkiye -m 2026-01");
  REQUIRE(turkey.exit_code == 0);
  CHECK_THAT(turkey.out, Catch::Contains("Ocak 2026 ithalatı\nVeride bu döneme ait ithalat yok.") &&
                             !Catch::Contains("Dış ticaret dengesi"));
  const auto turkey_json = json::parse(run_kexport(bundled + "summary -p Türkiye -m 2026-01 -f json").out);
  CHECK(turkey_json["imports"]["value"].is_null());
  CHECK(turkey_json["coverage_ratio_pct"]["month"]["value"].is_null());
}

TEST_CASE("series, top and rank read the flow asked for with --flow", "[cli][flows]") {
  const test::TempDir dir;
  test::write_text(dir.path / "trade.csv", trade_csv);
  const std::string data = "--data " + (dir.path / "trade.csv").string() + " ";
  const auto series = json::parse(run_kexport(data + "series -p Kayseri --flow import -f json").out);
  CHECK(series["flow"] == "import");
  CHECK(series["rows"].back()["value"] == 500.0);
  const auto exports = json::parse(run_kexport(data + "series -p Kayseri -f json").out);
  CHECK(exports["flow"] == "export");
  CHECK(exports["rows"].back()["value"] == 1100.0);

  const auto imports_only = run_kexport(data + "series -p Kayseri --flow import");
  CHECK_THAT(imports_only.out, Catch::Contains("aylık ithalat"));
  CHECK(run_kexport(data + "series -p Kayseri --flow transit").exit_code == 64);

  // A flow the data does not hold at all is refused, not answered with zeros.
  test::write_text(dir.path / "exports.csv", "period,province,value_usd\n2026-01,Kayseri,12\n");
  const auto none =
      run_kexport("--data " + (dir.path / "exports.csv").string() + " series -p Kayseri --flow import");
  CHECK(none.exit_code == 69);
  CHECK(none.out.empty());
  CHECK_THAT(none.err, Catch::Contains("holds no imports"));
}

TEST_CASE("rank by balance and coverage needs every province's imports", "[cli][flows]") {
  const test::TempDir dir;
  std::string csv = "period,province_code,value_usd,imports_usd\n";
  for (int plate = 1; plate <= 81; ++plate)
    csv += fmt::format("2026-01,{},{},{}\n", plate, 1000 + plate, plate == 38 ? 0 : 2000 - 20 * plate);
  test::write_text(dir.path / "trade.csv", csv);
  const std::string data = "--data " + (dir.path / "trade.csv").string() + " ";
  const auto by_balance = json::parse(run_kexport(data + "rank --by balance -f json").out);
  REQUIRE(by_balance["rows"].size() == 81);
  // Largest surplus first: exports 1000 + p against imports 2000 - 20p, so p = 38 (no imports)
  // has 1038, and p = 81 has 1081 - 380 = 701; the balance grows with p but for 38.
  CHECK(by_balance["rows"][0]["province_code"] == 38);
  CHECK(by_balance["rows"][0]["balance"] == 1038.0);
  CHECK(by_balance["rows"][0]["coverage_ratio_pct"].is_null());  // imports of 0: no ratio
  CHECK(by_balance["rows"][1]["province_code"] == 81);
  CHECK(by_balance["rows"][80]["province_code"] == 1);
  CHECK(by_balance["rows"][80]["balance"] == 1001.0 - 1980.0);
  const auto by_coverage = json::parse(run_kexport(data + "rank --by coverage -f json").out);
  CHECK(by_coverage["rows"][0]["province_code"] == 81);
  CHECK(by_coverage["rows"][80]["province_code"] == 38);  // unknown ratios last

  // Imports of one province only: no ranking by balance, and the reason.
  const auto bundled = run_kexport(std::string("--data ") + KEXPORT_DATA_DIR + " rank --by balance");
  CHECK(bundled.exit_code == 69);
  CHECK(bundled.out.empty());
  CHECK_THAT(bundled.err, Catch::Contains("imports of all 81 provinces"));
}

TEST_CASE("files that say nothing of their flow read as --data-flow gives", "[cli][flows]") {
  const test::TempDir dir;
  test::write_text(dir.path / "a.csv", "period,province,value_usd\n2026-01,Kayseri,12\n");
  const std::string data = "--data " + (dir.path / "a.csv").string() + " ";
  const auto as_imports = run_kexport(data + "--data-flow import series -p Kayseri --flow import -f json");
  REQUIRE(as_imports.exit_code == 0);
  CHECK(json::parse(as_imports.out)["rows"][0]["value"] == 12.0);
  // Read as imports, the file holds no exports: a summary of exports is refused.
  const auto summary = run_kexport(data + "--data-flow import summary -p Kayseri");
  CHECK(summary.exit_code == 69);
  CHECK_THAT(summary.err, Catch::Contains("holds no exports"));
}

TEST_CASE("value per kilogram where the data weighs the very rows of a value", "[cli][flows][weights]") {
  const test::TempDir dir;
  test::write_text(dir.path / "weights.csv",
                   "period,province,country,value_usd,net_weight_kg,flow\n"
                   "2025-06,Kayseri,,222,100,ihracat\n"
                   "2025-06,Türkiye,,1640,1000,ihracat\n"
                   "2025-06,Kayseri,,50,40,ithalat\n"
                   "2025-06,Türkiye,,3000,1500,ithalat\n"
                   // Ankara's total weighs nothing its countries are: no ratio of mismatched rows.
                   "2025-06,Ankara,,900,300,ihracat\n"
                   "2025-06,Ankara,Almanya,600,,ihracat\n");
  const std::string data = "--data " + (dir.path / "weights.csv").string() + " ";
  const auto r = run_kexport(data + "summary -p Kayseri -f json");
  REQUIRE(r.exit_code == 0);
  const auto doc = json::parse(r.out);
  CHECK(doc["unit_value"]["exports"].get<double>() == Approx(2.22));
  CHECK(doc["unit_value"]["turkey_exports"].get<double>() == Approx(1.64));
  CHECK(doc["unit_value"]["imports"].get<double>() == Approx(1.25));
  CHECK(doc["unit_value"]["turkey_imports"].get<double>() == Approx(2.0));
  const auto text = run_kexport(data + "summary -p Kayseri -f text");
  CHECK_THAT(text.out, Catch::Contains("İhracatın kilogram başına değeri 2,22 dolar (Türkiye ortalaması 1,64 "
                                       "dolar), ithalatınki 1,25 dolar oldu."));
  const auto ankara = json::parse(run_kexport(data + "summary -p Ankara -f json").out);
  CHECK(ankara["unit_value"]["exports"].is_null());
  // Without weights in the data there is no unit_value key at all.
  const auto bundled = json::parse(
      run_kexport(std::string("--data ") + KEXPORT_DATA_DIR + " summary -p Kayseri -m 2026-01 -f json").out);
  CHECK_FALSE(bundled.contains("unit_value"));
}
