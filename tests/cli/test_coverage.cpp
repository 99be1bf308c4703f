// Data as people hold it, through the real binary: a fresh file for one province beside last
// month's table of all provinces, questions about Turkey itself, a province the data lacks.
// Absence is not zero: only a 0 or '-' in a cell, or a total row equal to the provinces a table lists,
// says a province exported nothing.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <filesystem>

#include "helpers.hpp"

namespace fs = std::filesystem;
using test::run_kexport;

namespace {

// The bundled data and one fresh file holding a single row: Kayseri's February.
struct BundledPlusFresh {
  test::TempDir dir;
  BundledPlusFresh() {
    for (const auto& entry : fs::directory_iterator(KEXPORT_DATA_DIR))
      if (entry.path().extension() == ".csv") fs::copy_file(entry.path(), dir.path / entry.path().filename());
    test::write_text(dir.path / "z-kayseri-2026-02.csv",
                     "period,province,value_usd,source\n2026-02,Kayseri,300000000,TÜİK\n");
  }
  [[nodiscard]] std::string data() const { return "--data " + dir.path.string() + " "; }
};

}  // namespace

TEST_CASE("a month that holds one province ranks nothing and speaks for no other province",
          "[cli][coverage]") {
  const BundledPlusFresh files;

  // rank's "latest" is the latest complete month, and it says so.
  const auto latest = run_kexport(files.data() + "rank -f json --lang en");
  REQUIRE(latest.exit_code == 0);
  const auto ranking = nlohmann::json::parse(latest.out);
  CHECK(ranking["to"] == "2026-01");
  CHECK(ranking["rows"].size() == 81);
  CHECK_THAT(latest.err, Catch::Contains("2026-02 is incomplete (it holds 1 of the 81 provinces); reporting "
                                         "2026-01, the latest complete month"));

  // Asked for the partial month: refused, saying how many provinces it holds and what is complete.
  const auto partial = run_kexport(files.data() + "rank --month 2026-02");
  CHECK(partial.exit_code == 69);
  CHECK(partial.out.empty());
  CHECK_THAT(partial.err, Catch::Contains("holds 1 of the 81 provinces"));
  CHECK_THAT(partial.err, Catch::Contains("the latest complete month is 2026-01 (--month 2026-01)"));

  // Ankara is not in February's data: not "0 dolar", but its latest month, said on stderr.
  const auto ankara = run_kexport(files.data() + "summary -p Ankara -f text");
  CHECK(ankara.exit_code == 0);
  CHECK_THAT(ankara.out, Catch::Contains("\n\nAnkara'nın ocak ayı ihracatı"));
  // Ankara's figures in the bundled data are made up, and the text says so before anything else.
  CHECK_THAT(ankara.out, Catch::StartsWith("Örnek veri: ihracat tutarları"));
  CHECK_THAT(ankara.out, !Catch::Contains(" 0 dolar"));
  CHECK_THAT(ankara.err, Catch::Contains("veride Ankara için 2026-02 yok"));
  const auto ankara_february = run_kexport(files.data() + "summary -p Ankara -m 2026-02 -f text");
  CHECK(ankara_february.exit_code == 69);
  CHECK(ankara_february.out.empty());
  CHECK_THAT(ankara_february.err, Catch::Contains("2026-02 is not in the data for Ankara"));

  // Kayseri's February is known; where it stands among the 81 is not.
  const auto kayseri = run_kexport(files.data() + "summary -p Kayseri -f json");
  REQUIRE(kayseri.exit_code == 0);
  const auto doc = nlohmann::json::parse(kayseri.out);
  CHECK(doc["period"] == "2026-02");
  CHECK(doc["value"] == 300000000.0);
  CHECK(doc["standing"].is_null());
  CHECK(doc["countries"].is_null());  // the fresh file has no split by country

  // Turkey's series: February is missing, not the one province's figure.
  const auto turkey = run_kexport(files.data() + "series -f json --from 2026-01");
  REQUIRE(turkey.exit_code == 0);
  const auto rows = nlohmann::json::parse(turkey.out)["rows"];
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]["value"].is_number());
  CHECK(rows[1]["value"].is_null());
}

TEST_CASE("a table that leaves a province out says nothing of it, unless its total proves it zero",
          "[cli][coverage]") {
  // Every province in January 2025; in January 2026 Bayburt (69) is not in the table, as small
  // provinces drop out of TİM's monthly tables, or as a "top 80" table leaves them out.
  std::string csv = "period,province_code,province,value_usd\n";
  long long listed_2026 = 0;
  for (int p = 1; p <= 81; ++p) {
    csv += fmt::format("2025-01,{},,{}\n", p, 1000 + p);
    if (p != 69) {
      csv += fmt::format("2026-01,{},,{}\n", p, 2000 + p);
      listed_2026 += 2000 + p;
    }
  }
  const test::TempDir dir;
  const auto data_of = [&](const std::string& name, const std::string& text) {
    test::write_text(dir.path / name, text);
    return "--data " + (dir.path / name).string() + " ";
  };

  // No total row: Bayburt's January 2026 is missing. Before, the table's 80 provinces made it
  // "0 dolar … yüzde 100 azaldı … 81'inci"; now rank and Bayburt's month are refused.
  const std::string left_out = data_of("left-out.csv", csv);
  const auto refused = run_kexport(left_out + "rank -m 2026-01 -f json");
  CHECK(refused.exit_code == 69);
  CHECK(refused.out.empty());
  CHECK_THAT(refused.err, Catch::Contains("holds 80 of the 81 provinces"));
  const auto bayburt_missing = run_kexport(left_out + "summary -p Bayburt -m 2026-01 -f json");
  CHECK(bayburt_missing.exit_code == 69);
  CHECK(bayburt_missing.out.empty());
  // Kayseri's own month stands, but not its standing among 81.
  const auto kayseri = run_kexport(left_out + "summary -p Kayseri -m 2026-01 -f json");
  REQUIRE(kayseri.exit_code == 0);
  CHECK(nlohmann::json::parse(kayseri.out)["standing"].is_null());

  // A total row larger than the provinces listed (beyond the rounding of whole dollars: half a
  // dollar a figure) proves nothing either.
  const auto larger =
      run_kexport(data_of("larger.csv", csv + fmt::format("2026-01,,Türkiye,{}\n", listed_2026 + 41)) +
                  "rank -m 2026-01");
  CHECK(larger.exit_code == 69);

  // A total row equal to the provinces listed proves that Bayburt exported nothing: 0, ranked last.
  // So does a dash in its cell.
  for (const std::string& proven :
       {data_of("total.csv", csv + fmt::format("2026-01,,TOPLAM,{}\n", listed_2026)),
        data_of("dash.csv", csv + "2026-01,69,,-\n")}) {
    const auto rank = run_kexport(proven + "rank -m 2026-01 -f json");
    REQUIRE(rank.exit_code == 0);
    const auto rows = nlohmann::json::parse(rank.out)["rows"];
    REQUIRE(rows.size() == 81);
    CHECK(rows[80]["province_code"] == 69);
    CHECK(rows[80]["value"] == 0.0);
    CHECK(rows[80]["change_pct"] == -100.0);
    CHECK(rows[0]["province_code"] == 81);
    const auto bayburt = run_kexport(proven + "summary -p Bayburt -m 2026-01 -f json");
    REQUIRE(bayburt.exit_code == 0);
    const auto doc = nlohmann::json::parse(bayburt.out);
    CHECK(doc["value"] == 0.0);
    CHECK(doc["standing"]["rank"] == 81);
  }
}

TEST_CASE("summary of Turkey itself: the national total, else the sum of the 81", "[cli][coverage]") {
  const std::string data = std::string("--data ") + KEXPORT_DATA_DIR + " ";
  // The bundled data has no national total row: Turkey is the 81's sum, computed here.
  const auto rank = run_kexport(data + "rank -m 2026-01 -f json");
  REQUIRE(rank.exit_code == 0);
  double sum = 0;
  const auto ranking = nlohmann::json::parse(rank.out);
  for (const auto& row : ranking["rows"]) sum += row["value"].get<double>();

  for (const std::string name : {"Türkiye", "Turkey", "TR", "'Türkiye Geneli'", "TOPLAM"}) {
    INFO(name);
    const auto json = run_kexport(data + "summary -p " + name + " -m 2026-01 -f json");
    REQUIRE(json.exit_code == 0);
    const auto doc = nlohmann::json::parse(json.out);
    CHECK(doc["province"] == "Türkiye");
    CHECK(doc["province_code"].is_null());
    CHECK(doc["value"].get<double>() == Approx(sum).epsilon(1e-15));
    CHECK(doc["standing"].is_null());
  }
  const auto text = run_kexport(data + "summary -p Türkiye -m 2026-01 -f text");
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("\n\nTürkiye'nin ocak ayı ihracatı 18 milyar 751 milyon"));
  // 80 of the 81 provinces in the bundled data are made up: so is their sum.
  CHECK_THAT(text.out, Catch::StartsWith("Örnek veri: ihracat tutarları uydurmadır"));
  CHECK_THAT(text.out, !Catch::Contains("sırada"));
  const auto en = run_kexport(data + "summary -p Turkey -m 2026-01 -f text --lang en");
  CHECK_THAT(en.out, Catch::Contains("$18.75 billion"));
  CHECK_THAT(en.out, !Catch::Contains("ranked"));
  for (const std::string format : {"table", "markdown", "svg"}) {
    const auto r = run_kexport(data + "summary -p Türkiye -m 2026-01 -f " + format);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("Türkiye"));
    CHECK_THAT(r.out, Catch::Contains("18.751.247.184") || Catch::Contains("18,8 milyar") ||
                          Catch::Contains("18.751,2"));
  }

  // A national total row, where the data has one, is Turkey's figure.
  const test::TempDir dir;
  test::write_text(dir.path / "n.csv",
                   "period,province,value_usd\n2026-01,Türkiye,500\n2026-01,Kayseri,20\n2026-01,Ankara,30\n");
  const auto national = run_kexport("--data " + (dir.path / "n.csv").string() + " summary -p tr -f json");
  REQUIRE(national.exit_code == 0);
  CHECK(nlohmann::json::parse(national.out)["value"] == 500.0);
}

TEST_CASE("a province with no record anywhere is refused, naming what the data holds", "[cli][coverage]") {
  const test::TempDir dir;
  test::write_text(dir.path / "five.csv",
                   "period,province,value_usd\n2026-01,Adana,1\n2026-01,Ankara,2\n2026-01,İzmir,3\n"
                   "2026-01,Bursa,4\n2026-01,Konya,5\n");
  const std::string data = "--data " + (dir.path / "five.csv").string() + " ";
  for (const std::string command : {"summary -p Kayseri -f text", "summary -p Kayseri -m 2026-01 -f json",
                                    "series -p Kayseri", "top -p Kayseri"}) {
    INFO(command);
    const auto r = run_kexport(data + command);
    CHECK(r.exit_code == 69);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains("the data holds no record of Kayseri; it holds 5 provinces: Adana, "
                                      "Ankara, Bursa, İzmir, Konya"));
  }
  // Five provinces cannot speak for Turkey either.
  const auto turkey = run_kexport(data + "summary -p Türkiye");
  CHECK(turkey.exit_code == 69);
  CHECK_THAT(turkey.err, Catch::Contains("cannot speak for Turkey"));
}

TEST_CASE("a question that needs a split the data lacks is refused, not answered empty", "[cli][coverage]") {
  const std::string data = std::string("--data ") + KEXPORT_DATA_DIR + " ";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"top -p Kayseri --by chapter -m 2026-01", "no split of Kayseri's exports by sector in 2026-01"},
      {"series -p Kayseri --chapter 84", "no split of Kayseri's exports by sector"},
      {"series -p Ankara --country DE", "no split of Ankara's exports by country"},
      {"top -p Ankara -m 2026-01", "no split of Ankara's exports by country in 2026-01"}};
  for (const auto& [command, message] : cases) {
    INFO(command);
    const auto r = run_kexport(data + command);
    CHECK(r.exit_code == 69);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains(message));
  }
  // Where the split is there, the same questions are answered.
  CHECK(run_kexport(data + "series -p Kayseri --country DE").exit_code == 0);
  CHECK(run_kexport(data + "top -p Kayseri -m 2026-01").exit_code == 0);
}
