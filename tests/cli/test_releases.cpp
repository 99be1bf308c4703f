// Releases, through the real binary: of two files that give the same figure, the later release is
// the figure whatever order the files come in; every output says which release it rests on; two
// files of one release that disagree are an error naming both.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <tuple>

#include "helpers.hpp"

using nlohmann::json;
using test::run_kexport;

namespace {

// TİM's bulletins of January and February 2026 as CSV, in thousands of dollars as TİM writes
// them: February's revises January, and last year's January, as TİM's later files do.
struct Bulletins {
  test::TempDir dir;
  Bulletins() {
    // Named so that a directory lists February's first.
    test::write_text(dir.path / "a-subat.csv",
                     "28.02.2026 TARİHİ İTİBARİYLE İL BAZINDA İHRACAT RAKAMLARI (1000 $)\n"
                     "period,province,değer,source\n"
                     "2025-01,Kayseri,281,TİM\n2025-02,Kayseri,290,TİM\n"
                     "2026-01,Kayseri,305,TİM\n2026-02,Kayseri,330,TİM\n");
    test::write_text(dir.path / "b-ocak.csv",
                     "31.01.2026 TARİHİ İTİBARİYLE İL BAZINDA İHRACAT RAKAMLARI (1000 $)\n"
                     "period,province,değer,source\n"
                     "2025-01,Kayseri,280,TİM\n2026-01,Kayseri,300,TİM\n");
  }
  [[nodiscard]] std::string file(const char* name) const { return (dir.path / name).string(); }
};

}  // namespace

TEST_CASE("the latest release is the figure, in any order of files", "[cli][releases]") {
  const Bulletins b;
  const std::vector<std::string> orders = {b.dir.path.string(),
                                           b.file("a-subat.csv") + " " + b.file("b-ocak.csv"),
                                           b.file("b-ocak.csv") + " " + b.file("a-subat.csv")};
  for (const std::string& paths : orders) {
    std::string data;
    for (std::size_t at = 0; at < paths.size();) {
      const std::size_t end = std::min(paths.find(' ', at), paths.size());
      data += "--data " + paths.substr(at, end - at) + " ";
      at = end + 1;
    }
    INFO(data);
    const auto r = run_kexport(data + "summary -p Kayseri -m 2026-01 -f json");
    REQUIRE(r.exit_code == 0);
    const json doc = json::parse(r.out);
    CHECK(doc["value"] == 305000.0);                   // February's revision of January
    CHECK(doc["previous_year"]["value"] == 281000.0);  // and of the year before
    CHECK(doc["vintage"] == "2026-02-28");
    // The comparison is with last year's latest figure, and says what the earlier release gave.
    CHECK(doc["previous_year"]["revised_since"] == json({{"value", 280000.0}, {"vintage", "2026-01-31"}}));
    const auto text = run_kexport(data + "summary -p Kayseri -m 2026-01 -f text");
    CHECK_THAT(text.out,
               Catch::Contains("Kaynak: TİM, 28 Şubat 2026 itibarıyla, ihracatçı birliklerine kayıtlı "
                               "ihracat (ihracatçının kayıtlı olduğu il esas alınır)."));
    const auto en = run_kexport(data + "summary -p Kayseri -m 2026-01 -f text --lang en");
    CHECK_THAT(en.out, Catch::Contains("as of 28 February 2026") && Catch::Contains("(as revised)"));
    CHECK_THAT(text.out,
               Catch::Contains("geçen yılın aynı ayına (revize edilmiş rakamla) göre yüzde 8,54 arttı"));
    const auto table = run_kexport(data + "summary -p Kayseri -m 2026-01");
    CHECK_THAT(table.out, Catch::Contains("28 Şubat 2026 itibarıyla"));
    const auto series = run_kexport(data + "series -p Kayseri -f json");
    CHECK(json::parse(series.out)["vintage"] == "2026-02-28");

    // validate lists what February's release changed, old → new, whatever the order read.
    const auto v = run_kexport("validate -f json " + paths);
    const json revisions = json::parse(v.out)["revisions"];
    REQUIRE(revisions.size() == 2);
    for (const json& revision : revisions) {
      CHECK(revision["earlier_file"] == b.file("b-ocak.csv"));
      CHECK(revision["later_file"] == b.file("a-subat.csv"));
    }
    CHECK(revisions[0]["period"] == "2025-01");
    CHECK(revisions[0]["old_value"] == 280000.0);
    CHECK(revisions[0]["new_value"] == 281000.0);
    CHECK(revisions[1]["period"] == "2026-01");
    CHECK(revisions[1]["old_value"] == 300000.0);
    CHECK(revisions[1]["new_value"] == 305000.0);
  }
  // January's release alone answers from January's figures, and says so.
  const auto january =
      run_kexport("--data " + b.file("b-ocak.csv") + " summary -p Kayseri -m 2026-01 -f json");
  REQUIRE(january.exit_code == 0);
  CHECK(json::parse(january.out)["value"] == 300000.0);
  CHECK(json::parse(january.out)["vintage"] == "2026-01-31");
  CHECK(json::parse(january.out)["previous_year"]["revised_since"].is_null());
}

TEST_CASE("a release from the file's name, from --vintage, or none", "[cli][releases]") {
  const test::TempDir dir;
  // TÜİK's tables a month apart, the later revising October.
  test::write_text(
      dir.path / "tuik-il-2025-12-15.csv",
      "period,province,value_usd,source\n2025-10,Kayseri,1034,TÜİK\n2025-11,Kayseri,1100,TÜİK\n");
  test::write_text(dir.path / "tuik-il-2025-11-14.csv",
                   "period,province,value_usd,source\n2025-10,Kayseri,1000,TÜİK\n");
  const auto r = run_kexport("--data " + dir.path.string() + " summary -p Kayseri -m 2025-10 -f json");
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out)["value"] == 1034.0);
  const auto v = json::parse(run_kexport("validate -f json " + dir.path.string()).out);
  for (const json& f : v["files"]) {
    CHECK(f["vintage_from"] == "file name");
    CHECK(f["vintage"] == f["file"].get<std::string>().substr(f["file"].get<std::string>().size() - 14, 10));
  }

  // Without a date the later file read wins, as before, and no release is claimed.
  const test::TempDir plain;
  test::write_text(plain.path / "a.csv", "period,province,value_usd\n2026-01,Kayseri,10\n");
  test::write_text(plain.path / "b.csv", "period,province,value_usd\n2026-01,Kayseri,12\n");
  const auto undated = run_kexport("--data " + plain.path.string() + " summary -p Kayseri -f json");
  REQUIRE(undated.exit_code == 0);
  CHECK(json::parse(undated.out)["value"] == 12.0);
  CHECK(json::parse(undated.out)["vintage"].is_null());
  const auto table = run_kexport("--data " + plain.path.string() + " validate");
  CHECK_THAT(table.out, Catch::Contains("yayım") && Catch::Contains("bilinmiyor"));

  // --vintage dates the undated file: here later than a dated one, so its figure is the figure.
  test::write_text(plain.path / "b.csv",
                   "01.01.2026 tarihi itibarıyla\nperiod,province,value_usd\n2026-01,Kayseri,12\n");
  const auto given =
      run_kexport("--data " + plain.path.string() + " --vintage 2026-02-01 summary -p Kayseri -f json");
  REQUIRE(given.exit_code == 0);
  CHECK(json::parse(given.out)["value"] == 10.0);
  CHECK(json::parse(given.out)["vintage"] == "2026-02-01");
  CHECK(run_kexport("--data " + plain.path.string() + " --vintage 2026-13-01 summary -p Kayseri").exit_code ==
        64);
}

TEST_CASE("two files of one release that disagree are an error naming both", "[cli][releases]") {
  const test::TempDir dir;
  const std::string title = "28.02.2026 TARİHİ İTİBARİYLE\nperiod,province,value_usd,source\n";
  test::write_text(dir.path / "one.csv", title + "2026-01,Kayseri,305,TİM\n");
  test::write_text(dir.path / "two.csv", title + "2026-01,Kayseri,306,TİM\n");
  const auto r = run_kexport("--data " + dir.path.string() + " summary -p Kayseri");
  CHECK(r.exit_code == 65);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("two.csv:3") && Catch::Contains("one.csv") &&
                        Catch::Contains("same release (2026-02-28)"));
  // Agreeing, they are one release said twice.
  test::write_text(dir.path / "two.csv", title + "2026-01,Kayseri,305,TİM\n");
  CHECK(run_kexport("--data " + dir.path.string() + " summary -p Kayseri").exit_code == 0);
}

TEST_CASE("revisions lists exactly the figures two releases give differently", "[cli][releases]") {
  const test::TempDir dir;
  // Two TÜİK tables a month apart, by destination: the later changes some earlier cells, adds a
  // month, and leaves the rest as they were. The expected list is a comparison of the two tables.
  std::map<std::tuple<std::string, std::string, std::string>, long> earlier, later;
  const std::vector<std::string> provinces = {"Kayseri", "Bursa", "Konya"};
  const std::vector<std::string> countries = {"DE", "US", "IQ", "GB"};
  for (std::size_t p = 0; p < provinces.size(); ++p)
    for (int month = 1; month <= 10; ++month)
      for (std::size_t c = 0; c < countries.size(); ++c) {
        const auto key = std::tuple{provinces[p], fmt::format("2025-{:02}", month), countries[c]};
        const long cents = static_cast<long>(1000003 * (p + 1) + 7919 * month + 104729 * c);
        earlier[key] = cents;
        // Every seventh cell revised, up or down by a different amount.
        const long step = static_cast<long>((p * 40 + static_cast<std::size_t>(month) * 4 + c) % 7);
        later[key] = step == 0 ? cents + static_cast<long>(month * 997 - 5000) : cents;
      }
  for (const auto& province : provinces) later[{province, "2025-11", "DE"}] = 123456;
  const auto write = [](const std::filesystem::path& path, const auto& cells) {
    std::string csv = "period,province,country_code,value_usd,source\n";
    for (const auto& [key, cents] : cells)
      csv += fmt::format("{},{},{},{}.{:02},TÜİK\n", std::get<1>(key), std::get<0>(key), std::get<2>(key),
                         cents / 100, cents % 100);
    test::write_text(path, csv);
  };
  write(dir.path / "tuik-2025-11-14.csv", earlier);
  write(dir.path / "tuik-2025-12-15.csv", later);

  std::vector<std::pair<long, std::string>> expected;  // |difference|, the CSV line
  for (const auto& [key, old] : earlier) {
    const long now = later.at(key);
    if (now == old) continue;
    const std::string line = fmt::format("{},{},{},{}.{:02},{}.{:02}", std::get<0>(key), std::get<1>(key),
                                         std::get<2>(key), old / 100, old % 100, now / 100, now % 100);
    expected.emplace_back(std::abs(now - old), line);
  }
  REQUIRE(expected.size() > 10);
  const auto r = run_kexport("--data " + dir.path.string() + " revisions -f csv");
  REQUIRE(r.exit_code == 0);
  std::vector<std::pair<long, std::string>> listed;
  std::istringstream lines(r.out);
  std::string line;
  std::getline(lines, line);
  CHECK(line ==
        "province,period,country,country_code,sector,sector_code,old_value,new_value,difference,change_"
        "pct\r");
  while (std::getline(lines, line)) {
    std::vector<std::string> f;
    std::istringstream fields(line.substr(0, line.size() - 1));
    for (std::string field; std::getline(fields, field, ',');) f.push_back(field);
    REQUIRE(f.size() >= 9);
    const double difference = std::stod(f[8]);
    listed.emplace_back(std::lround(std::abs(difference) * 100),
                        fmt::format("{},{},{},{},{}", f[0], f[1], f[3], f[6], f[7]));
  }
  // The same cells, largest change first.
  CHECK(std::is_sorted(listed.begin(), listed.end(),
                       [](const auto& a, const auto& b) { return a.first > b.first; }));
  std::sort(listed.begin(), listed.end());
  std::sort(expected.begin(), expected.end());
  CHECK(listed == expected);

  const auto kayseri =
      run_kexport("--data " + dir.path.string() + " revisions -p Kayseri -m 2025-03 -f json");
  REQUIRE(kayseri.exit_code == 0);
  const json doc = json::parse(kayseri.out);
  CHECK(doc["old_release"] == "2025-11-14");
  CHECK(doc["new_release"] == "2025-12-15");
  for (const json& row : doc["rows"]) {
    CHECK(row["province"] == "Kayseri");
    CHECK(row["period"] == "2025-03");
  }
  const auto none = run_kexport("--data " + (dir.path / "tuik-2025-11-14.csv").string() + " revisions");
  CHECK(none.exit_code == 0);
  CHECK_THAT(none.out, Catch::Contains("Düzeltme yok"));
}

TEST_CASE("a vintage column dates its file, and a file is one release", "[cli][releases]") {
  const test::TempDir dir;
  // Undated names and no title: the column alone says which release each file is.
  test::write_text(dir.path / "a.csv",
                   "period,province,value_usd,source,vintage\n"
                   "2026-01,Kayseri,305,TİM,2026-02-28\n2025-01,Kayseri,281,TİM,2026-02-28\n");
  test::write_text(dir.path / "b.jsonl",
                   "{\"period\":\"2026-01\",\"province\":\"Kayseri\",\"value_usd\":300,\"source\":\"TİM\","
                   "\"vintage\":\"2026-01-31\"}\n"
                   "{\"period\":\"2025-01\",\"province\":\"Kayseri\",\"value_usd\":280,\"source\":\"TİM\","
                   "\"vintage\":\"2026-01-31\"}\n");
  const std::string a = (dir.path / "a.csv").string(), b = (dir.path / "b.jsonl").string();
  const std::string cache = "XDG_CACHE_HOME=" + (dir.path / "cache").string();
  for (const std::string& data : {"--data " + a + " --data " + b, "--data " + b + " --data " + a}) {
    INFO(data);
    const auto r = run_kexport(data + " --no-cache summary -p Kayseri -m 2026-01 -f json");
    REQUIRE(r.exit_code == 0);
    const json doc = json::parse(r.out);
    CHECK(doc["value"] == 305.0);
    CHECK(doc["vintage"] == "2026-02-28");
    CHECK(doc["previous_year"]["revised_since"] == json({{"value", 280.0}, {"vintage", "2026-01-31"}}));
    // The cache's answer is the same, written and then read.
    for (int run = 0; run < 2; ++run)
      CHECK(run_kexport(data + " summary -p Kayseri -m 2026-01 -f json", "", cache).out == r.out);
  }
  const json v = json::parse(run_kexport("validate -f json " + a + " " + b).out);
  for (const json& f : v["files"]) CHECK(f["vintage_from"] == "vintage column");
  CHECK(v["files"][0]["vintage"] == "2026-02-28");
  CHECK(v["files"][1]["vintage"] == "2026-01-31");

  // A second release in one file is refused at its row, naming both, with nothing on stdout.
  test::write_text(dir.path / "mixed.csv",
                   "period,province,value_usd,vintage\n2026-01,Kayseri,305,2026-02-28\n"
                   "2025-01,Kayseri,280,2026-01-31\n");
  auto r = run_kexport("--data " + (dir.path / "mixed.csv").string() + " summary -p Kayseri");
  CHECK(r.exit_code == 65);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("mixed.csv:3:") && Catch::Contains("release 2026-01-31 after release "
                                                                       "2026-02-28 on line 2"));
  // A date that is not one, and a column that contradicts the title's date.
  test::write_text(dir.path / "mixed.csv",
                   "period,province,value_usd,vintage\n2026-01,Kayseri,305,28/02/2026\n");
  r = run_kexport("--data " + (dir.path / "mixed.csv").string() + " summary -p Kayseri");
  CHECK(r.exit_code == 65);
  CHECK_THAT(r.err, Catch::Contains("mixed.csv:2:") && Catch::Contains("is not a release date"));
  test::write_text(dir.path / "mixed.csv",
                   "31.01.2026 TARİHİ İTİBARİYLE\nperiod,province,value_usd,vintage\n"
                   "2026-01,Kayseri,305,2026-02-28\n");
  r = run_kexport("--data " + (dir.path / "mixed.csv").string() + " summary -p Kayseri");
  CHECK(r.exit_code == 65);
  CHECK_THAT(r.err, Catch::Contains("while the title says 2026-01-31"));

  // A file large enough to be read in stretches on two cores, one release in its first rows and
  // another in its last, the rows between (where the stretches part) giving none: neither stretch
  // sees both, and the file is still refused, at the first row of the second release.
  const std::vector<std::string> countries = {"Almanya", "Fransa", "Irak", "Rusya", "Japonya", "Mısır"};
  std::string big = "period,province_code,country,value_usd,vintage\n";
  std::size_t rows = 0, first_later = 0;
  for (int year = 1996; year <= 2026; ++year)
    for (int month = 1; month <= 12; ++month)
      for (int province = 1; province <= 81; ++province)
        for (const std::string& country : countries) {
          const char* release = year < 2000 ? "2026-01-31" : year < 2023 ? "" : "2026-02-28";
          if (year == 2023 && first_later == 0) first_later = rows + 2;  // the line, after the header
          big += fmt::format("{}-{:02},{},{},{},{}\n", year, month, province, country, ++rows, release);
        }
  REQUIRE(big.size() > (4u << 20));  // above the size read in stretches (4 MiB)
  test::write_text(dir.path / "big.csv", big);
  for (const char* threads : {"1", "2"}) {
    r = run_kexport(std::string("--threads ") + threads + " --data " + (dir.path / "big.csv").string() +
                    " summary -p Kayseri");
    CHECK(r.exit_code == 65);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains(fmt::format("big.csv:{}:", first_later)) &&
                          Catch::Contains("release 2026-02-28 after release 2026-01-31 on line 2") &&
                          Catch::Contains("one release per file"));
  }
}
