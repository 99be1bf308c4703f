// Options that mean exactly what they say, through the real binary.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "helpers.hpp"

using test::run_kexport;

namespace {
const std::string data = std::string("--data ") + KEXPORT_DATA_DIR + " ";
}

TEST_CASE("the top option is one option with one range in every command", "[cli][options]") {
  CHECK(
      nlohmann::json::parse(run_kexport(data + "summary -p Kayseri --top 3 -f json").out)["top_destinations"]
          .size() == 3);
  CHECK(nlohmann::json::parse(run_kexport(data + "top -p Kayseri --top 3 -f json").out)["rows"].size() == 3);
  CHECK(nlohmann::json::parse(run_kexport(data + "top -p Kayseri -n 2 -f json").out)["rows"].size() == 2);
  for (const std::string command : {"summary -p Kayseri", "top -p Kayseri"})
    for (const std::string bad : {"-n -1", "-n 0", "--top 99999999999999999999", "--top 1001", "--top x"}) {
      INFO(command << " " << bad);
      const auto r = run_kexport(data + command + " " + bad);
      CHECK(r.exit_code == 64);
      CHECK(r.out.empty());
    }
}

TEST_CASE("a signed number is not a plate code", "[cli][options]") {
  for (const std::string province : {"-38", "+38", "'-6'"}) {
    INFO(province);
    const auto r = run_kexport(data + "summary --province=" + province);
    CHECK(r.exit_code == 64);
    CHECK(r.out.empty());
  }
}

TEST_CASE("series --from latest is the latest month", "[cli][options]") {
  const auto r = run_kexport(data + "series -p Kayseri --from latest -f json");
  REQUIRE(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["from"] == "2026-01");
  CHECK(doc["rows"].size() == 1);
}

TEST_CASE("rank by change says which ranking its previous rank is, and refuses when nothing changed",
          "[cli][options]") {
  const auto by_change = run_kexport(data + "rank -m 2026-01 --by change --lang en");
  REQUIRE(by_change.exit_code == 0);
  CHECK_THAT(by_change.out, Catch::Contains("Rank a year earlier (by value)"));
  // January 2024 has no year-earlier month in the data: no change to rank by.
  const auto none = run_kexport(data + "rank -m 2024-01 --by change");
  CHECK(none.exit_code == 69);
  CHECK(none.out.empty());
  CHECK_THAT(none.err, Catch::Contains("no province's change on a year earlier can be computed"));
}

TEST_CASE("TİM's sectors are named in the report's language", "[cli][options]") {
  const test::TempDir dir;
  test::write_text(dir.path / "s.csv",
                   "period,province,chapter,value_usd\n2026-01,Kayseri,Mobilya Kağıt ve Orman Ürünleri,10\n"
                   "2026-01,Kayseri,Halı,5\n");
  const auto en = run_kexport("--data " + (dir.path / "s.csv").string() +
                              " top -p Kayseri --by chapter --lang en -f json");
  REQUIRE(en.exit_code == 0);
  const auto rows = nlohmann::json::parse(en.out)["rows"];
  CHECK(rows[0]["name"] == "Furniture, paper and forest products");
  CHECK(rows[1]["name"] == "Carpets");  // TİM's sector, not HS chapter 57
  const auto series =
      run_kexport("--data " + (dir.path / "s.csv").string() + " series -p Kayseri --chapter Halı -f json");
  REQUIRE(series.exit_code == 0);
  CHECK(nlohmann::json::parse(series.out)["chapter"].is_null());
  CHECK(nlohmann::json::parse(series.out)["sector"] == "Halı");
}
