// validate says exactly what is in the files, through the real binary.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "helpers.hpp"

namespace fs = std::filesystem;
using test::run_kexport;

TEST_CASE("validate: one unreadable file is reported and the rest still validated", "[cli][validate]") {
  const test::TempDir dir;
  test::write_text(dir.path / "a.csv", "period,province,value_usd\n2026-01,Kayseri,1\n");
  fs::create_symlink("/nonexistent/b.csv", dir.path / "b.csv");
  test::write_text(dir.path / "c.csv", "period,province,value_usd\n2026-01,Ankara,2\n");
  const auto r = run_kexport("validate " + dir.path.string() + " --lang en");
  CHECK(r.exit_code == 66);
  CHECK_THAT(r.out, Catch::Contains("a.csv") && Catch::Contains("c.csv"));
  CHECK_THAT(r.out, Catch::Contains("b.csv: no such file or directory"));
  const auto json = nlohmann::json::parse(run_kexport("validate -f json " + dir.path.string()).out);
  REQUIRE(json["files"].size() == 3);
  CHECK(json["files"][0]["readable"] == true);
  CHECK(json["files"][1]["readable"] == true);
  CHECK(json["files"][2]["readable"] == false);
}

TEST_CASE("validate: a header without data is a problem; sections agree with the summary",
          "[cli][validate]") {
  const test::TempDir dir;
  test::write_text(dir.path / "empty.csv", "period,province,value_usd\n");
  const auto empty = run_kexport("validate --lang en " + (dir.path / "empty.csv").string());
  CHECK(empty.exit_code == 65);
  CHECK_THAT(empty.out, Catch::Contains("no records: the file has a header but no data"));
  CHECK_THAT(empty.out, Catch::EndsWith("1 problem found.\n"));

  // A total below its parts: the file's section must not say "none" above "1 problem found".
  test::write_text(dir.path / "below.csv",
                   "period,province,country,value_usd\n2026-01,Kayseri,,10\n2026-01,Kayseri,Almanya,11\n");
  const auto below = run_kexport("validate --lang en " + (dir.path / "below.csv").string());
  CHECK(below.exit_code == 65);
  CHECK_THAT(below.out,
             !Catch::Contains("problems  none") && !Catch::Contains("problems               none"));
  CHECK_THAT(below.out, Catch::EndsWith("1 problem found.\n"));
}

TEST_CASE("validate: revisions to the cent, under headers, never unchanged ones", "[cli][validate]") {
  const test::TempDir dir;
  test::write_text(dir.path / "a.csv",
                   "period,province,value_usd\n2026-01,Kayseri,1000.00\n2026-02,Kayseri,500.00\n");
  test::write_text(dir.path / "b.csv",
                   "period,province,value_usd\n2026-01,Kayseri,1000.40\n2026-02,Kayseri,500.00\n");
  const auto r = run_kexport("validate --lang en " + dir.path.string());
  CHECK_THAT(r.out, Catch::Contains("record") && Catch::Contains("old ($)") && Catch::Contains("new ($)"));
  CHECK_THAT(r.out, Catch::Contains("1,000.00") && Catch::Contains("1,000.40"));
  const std::string revisions = r.out.substr(r.out.find("revisions"));
  CHECK_THAT(revisions, !Catch::Contains("2026-02"));  // unchanged: not a revision
  const auto json = nlohmann::json::parse(run_kexport("validate -f json " + dir.path.string()).out);
  REQUIRE(json["revisions"].size() == 1);
  CHECK(json["revisions"][0]["new_value"] == 1000.4);
}

TEST_CASE("validate: unpublished months as YYYY-MM, counts in the singular where one", "[cli][validate]") {
  const test::TempDir dir;
  test::write_text(dir.path / "wide.csv",
                   "2025 İHRACAT\nİl,Ocak,Şubat,Mart\nKayseri,1,2,0\nAnkara,3,4,0\n* Geçici veri\n");
  const auto json =
      nlohmann::json::parse(run_kexport("validate -f json " + (dir.path / "wide.csv").string()).out);
  CHECK(json["files"][0]["unpublished_months"] == nlohmann::json::array({"2025-03"}));
  test::write_text(dir.path / "years.csv", "Yıl,İl,Ocak,Şubat\n2024,Kayseri,1,0\n2025,Kayseri,2,0\n");
  const auto years =
      nlohmann::json::parse(run_kexport("validate -f json " + (dir.path / "years.csv").string()).out);
  CHECK(years["files"][0]["unpublished_months"] == nlohmann::json::array({"2024-02", "2025-02"}));
  const auto table = run_kexport("validate --lang en " + (dir.path / "wide.csv").string());
  CHECK_THAT(table.out, Catch::Contains("1 title row,") || Catch::Contains("1 title row\n"));
  CHECK_THAT(table.out, Catch::Contains("1 note row"));
  CHECK_THAT(table.out, Catch::Contains("records"));
}

TEST_CASE("validate: countries named in the reader's language, the JSON's names unchanged",
          "[cli][validate]") {
  // Before: "Türkiye · Almanya" and "Kayseri 2026-01 Almanya" in English.
  const test::TempDir dir;
  test::write_text(
      dir.path / "a.csv",
      "period,province,country,value_usd\n2026-01,Kayseri,Almanya,60\n2026-01,Türkiye,Almanya,50\n");
  test::write_text(dir.path / "b.csv", "period,province,country,value_usd\n2026-01,Kayseri,Almanya,70\n");
  const auto en = run_kexport("validate " + (dir.path / "a.csv").string() + " " +
                              (dir.path / "b.csv").string() + " --lang en");
  CHECK_THAT(en.out,
             Catch::Contains("Türkiye · Germany 2026-01") && Catch::Contains("Kayseri 2026-01 Germany"));
  CHECK_THAT(en.out, !Catch::Contains("Almanya"));
  const auto tr =
      run_kexport("validate " + (dir.path / "a.csv").string() + " " + (dir.path / "b.csv").string());
  CHECK_THAT(tr.out,
             Catch::Contains("Türkiye · Almanya 2026-01") && Catch::Contains("Kayseri 2026-01 Almanya"));
  const auto json = nlohmann::json::parse(run_kexport("validate " + (dir.path / "a.csv").string() + " " +
                                                      (dir.path / "b.csv").string() + " -f json --lang en")
                                              .out);
  CHECK(json["revisions"][0]["country"] == "Almanya");
  CHECK(json["files"][0]["totals"][0]["country"] == "Almanya");
}
