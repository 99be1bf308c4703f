// Sources and totals as files carry them, through the real binary: --source never relabels a
// file that names its own source, a note under the data names it however the amounts look, and a
// total below the sum of its parts is said wherever shares are shown.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "helpers.hpp"

using test::run_kexport;

TEST_CASE("the source option chooses among sources and labels only rows that name none", "[cli][sources]") {
  const test::TempDir dir;
  test::write_text(
      dir.path / "a-tuik.csv",
      "period,province,value_usd,source\n2026-01,Kayseri,1000,TÜİK\n2026-02,Kayseri,1100,TÜİK\n");
  test::write_text(dir.path / "b-tim.csv",
                   "TİM İL BAZINDA İHRACAT\nperiod,province,value_usd\n2026-01,Kayseri,900\n"
                   "2026-02,Kayseri,950\n");
  const std::string data = "--data " + dir.path.string() + " ";
  const auto mixed = run_kexport(data + "summary -p Kayseri");
  CHECK(mixed.exit_code == 64);
  CHECK_THAT(mixed.err, Catch::Contains("several sources (TÜİK, TİM)"));

  const auto tuik = run_kexport(data + "--source TÜİK summary -p Kayseri -f json");
  REQUIRE(tuik.exit_code == 0);
  const auto doc = nlohmann::json::parse(tuik.out);
  CHECK(doc["source"] == "TÜİK");
  CHECK(doc["value"] == 1100.0);  // not TİM's 950 as a "revision"
  CHECK(doc["previous_month"]["value"] == 1000.0);
  const auto tim = run_kexport(data + "--source TİM summary -p Kayseri -f json");
  REQUIRE(tim.exit_code == 0);
  CHECK(nlohmann::json::parse(tim.out)["value"] == 950.0);
  const auto revisions = run_kexport("validate -f json --source TÜİK " + dir.path.string());
  CHECK(nlohmann::json::parse(revisions.out)["revisions"].empty());

  // A file that names no source takes --source's.
  test::write_text(dir.path / "c.csv", "period,province,value_usd\n2026-03,Kayseri,1200\n");
  const auto labelled = run_kexport(data + "--source TÜİK summary -p Kayseri -f json");
  REQUIRE(labelled.exit_code == 0);
  CHECK(nlohmann::json::parse(labelled.out)["value"] == 1200.0);
  // JSON rows too.
  test::write_text(dir.path / "d.jsonl",
                   "{\"period\": \"2026-04\", \"province\": \"Kayseri\", \"value_usd\": 1300}\n");
  const auto json_rows = run_kexport(data + "--source TÜİK summary -p Kayseri -f json");
  REQUIRE(json_rows.exit_code == 0);
  CHECK(nlohmann::json::parse(json_rows.out)["value"] == 1300.0);
}

TEST_CASE("a source note under the data is read however early the amounts settle the style",
          "[cli][sources]") {
  const test::TempDir dir;
  for (const std::string first : {"900.50", "900"}) {
    INFO(first);
    test::write_text(dir.path / "tim.csv", "period,province,value_usd\n2026-01,Kayseri," + first +
                                               "\n2026-02,Kayseri,950\n\nKaynak: TİM\n");
    const auto r = run_kexport("validate -f json " + (dir.path / "tim.csv").string());
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc["files"][0]["sources"] == nlohmann::json::array({"TİM"}));
    CHECK(doc["files"][0]["note_rows"] == 1);
  }
}

TEST_CASE("a total below the sum of its parts is said where shares are shown", "[cli][sources]") {
  const test::TempDir dir;
  test::write_text(dir.path / "parts.csv",
                   "period,province,country,value_usd\n2026-01,Kayseri,,1000\n2026-01,Kayseri,Almanya,600\n"
                   "2026-01,Kayseri,Irak,500\n");
  const std::string data = "--data " + (dir.path / "parts.csv").string() + " ";
  const auto summary = run_kexport(data + "summary -p Kayseri --lang en");
  REQUIRE(summary.exit_code == 0);
  CHECK_THAT(summary.err,
             Catch::Contains("warning: Kayseri's total for 2026-01 ($1,000) is less than the sum of "
                             "its countries ($1,100); the shares are of the total"));
  CHECK_THAT(summary.out,
             Catch::Contains("Shares are of the province's total row ($1,000); the countries add up "
                             "to more ($1,100)."));
  const auto top = run_kexport(data + "top -p Kayseri");
  REQUIRE(top.exit_code == 0);
  CHECK_THAT(top.err, Catch::Contains("uyarı: Kayseri'nin 2026-01 toplamı (1.000 $), ülkelerin toplamından "
                                      "(1.100 $) küçük"));
  CHECK_THAT(top.out, Catch::Contains("Paylar ilin toplam satırına (1.000 $) göre"));
  // A total above its parts is normal, and said nowhere.
  test::write_text(dir.path / "normal.csv",
                   "period,province,country,value_usd\n2026-01,Kayseri,,2000\n2026-01,Kayseri,Almanya,600\n");
  const auto normal = run_kexport("--data " + (dir.path / "normal.csv").string() + " summary -p Kayseri");
  CHECK_THAT(normal.err, !Catch::Contains("less than the sum") && !Catch::Contains("küçük"));
}
