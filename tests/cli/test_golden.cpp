// The real binary: exit codes, streams and golden output.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "helpers.hpp"

using test::run_kexport;

namespace {
const std::string data = std::string("--data ") + KEXPORT_DATA_DIR;
std::string golden(const std::string& name) {
  return test::read_file(std::string(KEXPORT_TEST_DIR) + "/golden/" + name);
}
}  // namespace

TEST_CASE("the default command prints the golden table", "[cli][golden]") {
  const auto r = run_kexport("summary --province Kayseri --month 2026-01", "",
                             std::string("KEXPORT_DATA=") + KEXPORT_DATA_DIR);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == golden("summary-kayseri-2026-01.txt"));
}

TEST_CASE("every golden case of the manifest matches the binary's output", "[cli][golden]") {
  std::istringstream manifest(test::read_file(std::string(KEXPORT_TEST_DIR) + "/golden/commands.txt"));
  std::size_t cases = 0;
  for (std::string line; std::getline(manifest, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;  // file|arguments|data|environment
    for (std::size_t begin = 0;;) {
      const auto bar = line.find('|', begin);
      fields.push_back(line.substr(begin, bar - begin));
      if (bar == std::string::npos) break;
      begin = bar + 1;
    }
    fields.resize(4);
    const std::string& file = fields[0];
    const std::string source =
        fields[2].empty() ? data : "--data " + std::string(KEXPORT_TEST_DIR) + "/../" + fields[2];
    INFO(file);
    const auto r =
        run_kexport(source + " " + fields[1], "", fields[3], std::string(KEXPORT_TEST_DIR) + "/..");
    CHECK(r.exit_code == 0);
    CHECK(r.out == golden(file));
    // The warnings on standard error are part of what a user sees: FILE.stderr, or none.
    const std::string stderr_file = std::string(KEXPORT_TEST_DIR) + "/golden/" + file + ".stderr";
    CHECK(r.err == (std::filesystem::exists(stderr_file) ? test::read_file(stderr_file) : std::string()));
    ++cases;
  }
  CHECK(cases >= 30);
  const auto json = run_kexport(data + " summary --province kayseri --month 2026-01 --format json");
  CHECK(nlohmann::json::parse(json.out)["countries"] == 140);
}

TEST_CASE("data paths go before or after the command", "[cli]") {
  const auto before = run_kexport(data + " summary -p 38 -m 2026-01 -f json");
  const auto after = run_kexport("summary -p 38 -m 2026-01 -f json " + data);
  CHECK(before.exit_code == 0);
  CHECK(before.out == after.out);
}

TEST_CASE("standard input is read with a dash", "[cli]") {
  const auto r = run_kexport("summary --data - -p Ankara -m 2025-02 -f json --lang en",
                             "period,province,value_usd\n2025-01,Ankara,100\n2025-02,Ankara,150\n");
  REQUIRE(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["value"] == 150.0);
  CHECK(doc["previous_month"]["change_pct"] == 50.0);
  CHECK(doc["previous_year"]["value"].is_null());
  CHECK_THAT(r.err,
             Catch::Contains(
                 "warning: the change on the same month a year earlier cannot be computed: 2024-02 is not "
                 "in the data"));
  // Year to date needs only January and February of 2024, not the whole year.
  CHECK_THAT(r.err, Catch::Contains("warning: the change of the year to date cannot be computed: of the same "
                                    "months a year earlier, 2024-01 – 2024-02 are not in the data"));
}

TEST_CASE("exit codes are documented and kept", "[cli]") {
  SECTION("usage: bad option, bad month, unknown province") {
    CHECK(run_kexport("summary --province Kayseri --bogus " + data).exit_code == 64);
    const auto month = run_kexport("summary --province Kayseri --month 2026-13 " + data);
    CHECK(month.exit_code == 64);
    CHECK_THAT(month.err, Catch::Contains("YYYY-MM"));
    const auto province = run_kexport("summary --province Kaysery " + data);
    CHECK(province.exit_code == 64);
    CHECK_THAT(province.err, Catch::Contains("did you mean Kayseri"));
    CHECK(province.out.empty());
    CHECK(run_kexport("").exit_code == 64);
  }
  SECTION("bad data names file, line and column, with nothing on stdout") {
    const auto r =
        run_kexport("summary -p Kayseri --data -", "period,province,value_usd\n2026-01,Kayseri,1.2.3\n");
    CHECK(r.exit_code == 65);
    CHECK_THAT(r.err, Catch::Contains("-:2:17:") && Catch::Contains("expected"));
    CHECK(r.out.empty());
  }
  SECTION("missing input") {
    const auto r = run_kexport("summary -p Kayseri --data /nonexistent/file.csv");
    CHECK(r.exit_code == 66);
    CHECK_THAT(r.err, Catch::Contains("/nonexistent/file.csv"));
  }
  SECTION("a month outside the data") {
    const auto r = run_kexport("summary -p Kayseri -m 2030-01 " + data);
    CHECK(r.exit_code == 69);
    CHECK(r.out.empty());
  }
  SECTION("help and version") {
    const auto help = run_kexport("--help");
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.out, Catch::Contains("65  bad data"));
    const auto version = run_kexport("--version");
    CHECK(version.exit_code == 0);
    CHECK_THAT(version.out, Catch::StartsWith("kexport "));
  }
  SECTION("skipped rows are counted and said") {
    const auto r = run_kexport("--skip-bad-rows summary -p Ankara -m 2025-01 -f json --data -",
                               "period,province,value_usd\n2025-01,Ankara,1\n2025-01,Bursa,x\n");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("hatalı 1 satır atlandı") && Catch::Contains("-:3:"));
    CHECK_THAT(r.err, Catch::Contains("bilinmiyor: Bursa, 2025-01"));
    // A row whose province cannot be told could be any province's, Ankara's too: unknown.
    const auto any = run_kexport("--skip-bad-rows summary -p Ankara -m 2025-01 -f json --data -",
                                 "period,province,value_usd\n2025-01,Ankara,1\n2025-01,Nowhere,2\n");
    CHECK(any.exit_code == 69);
    CHECK(any.out.empty());
    CHECK_THAT(any.err, Catch::Contains("her il, 2025-01"));
  }
}

TEST_CASE("the example output in the README and the guide is the real output", "[cli][readme]") {
  const std::string root = std::string(KEXPORT_TEST_DIR) + "/../";
  const std::vector<std::string> documents = {test::read_file(root + "README.md"),
                                              test::read_file(root + "docs/guide.md")};
  for (const auto& [name, file] : {std::pair{"example-summary", "summary-kayseri-2026-01.txt"},
                                   std::pair{"example-text", "summary-kayseri-2026-01.tr.txt"},
                                   std::pair{"example-text-en", "summary-kayseri-2026-01.en.txt"},
                                   std::pair{"example-series", "series-kayseri.txt"},
                                   std::pair{"example-top", "top-kayseri-2026-01.txt"},
                                   std::pair{"example-rank", "rank-2026-01-12m.txt"}}) {
    INFO(name);
    const std::string marker = std::string("<!-- ") + name + " -->\n```\n";
    int shown = 0;
    for (const std::string& document : documents)
      for (auto begin = document.find(marker); begin != std::string::npos;
           begin = document.find(marker, begin + 1)) {
        const auto end = document.find("```", begin + marker.size());
        REQUIRE(end != std::string::npos);
        CHECK(document.substr(begin + marker.size(), end - begin - marker.size()) == golden(file));
        ++shown;
      }
    CHECK(shown > 0);
  }
}

TEST_CASE("analysis commands on the bundled data", "[cli][analysis]") {
  const auto series = run_kexport("series -p Kayseri --from 2025-11 --to 2026-01 -f json " + data);
  REQUIRE(series.exit_code == 0);
  const auto doc = nlohmann::json::parse(series.out);
  REQUIRE(doc["rows"].size() == 3);
  CHECK(doc["rows"][2]["period"] == "2026-01");
  CHECK(doc["rows"][2]["value"] == 291804236.45);
  CHECK(doc["rows"][2]["missing"] == false);

  const auto rank = run_kexport("rank -m 2026-01 -f csv " + data);
  REQUIRE(rank.exit_code == 0);
  CHECK(std::count(rank.out.begin(), rank.out.end(), '\n') == 82);
  CHECK_THAT(rank.out, Catch::StartsWith("rank,province,province_code,value,share_pct,previous_value,change_"
                                         "pct,previous_rank\r\n1,İstanbul,34,"));

  const auto top = run_kexport("top -p Kayseri -m 2026-01 --top 3 -f markdown --lang en " + data);
  REQUIRE(top.exit_code == 0);
  CHECK_THAT(top.out, Catch::StartsWith(
                          "# Kayseri · exports by destination · January 2026 · Source: TÜİK (province of the "
                          "firm's head office)\n"));
  CHECK_THAT(top.out, Catch::Contains("| 1 | Germany | DE | 32,782,877 |"));

  const auto provinces = run_kexport("provinces -f csv");
  CHECK(provinces.exit_code == 0);
  CHECK(std::count(provinces.out.begin(), provinces.out.end(), '\n') == 82);

  const auto bad_country = run_kexport("series -p Kayseri --country Almanyya " + data);
  CHECK(bad_country.exit_code == 64);
  CHECK_THAT(bad_country.err, Catch::Contains("did you mean Almanya"));
}

TEST_CASE("an output file gets the whole report or nothing", "[cli][output]") {
  char dir_template[] = "/tmp/kexport-out-XXXXXX";
  const std::string dir = mkdtemp(dir_template);
  const std::string file = dir + "/rank.csv";
  const auto written = run_kexport("rank -m 2026-01 -f csv --output " + file + " " + data);
  CHECK(written.exit_code == 0);
  CHECK(written.out.empty());
  const auto direct = run_kexport("rank -m 2026-01 -f csv " + data);
  CHECK(test::read_file(file) == direct.out);
  // Only the report is left in the directory: no temporary file.
  CHECK(std::system(("test $(ls -A " + dir + " | wc -l) -eq 1").c_str()) == 0);
  std::remove(file.c_str());
  rmdir(dir.c_str());

  const auto missing_dir = run_kexport("rank -m 2026-01 --output /nonexistent/dir/rank.csv " + data);
  CHECK(missing_dir.exit_code == 74);
  CHECK_THAT(missing_dir.err, Catch::Contains("/nonexistent/dir/rank.csv"));

  // A full disk on standard output.
  const int status = std::system((std::string(KEXPORT_BINARY) + " summary -p Kayseri --data " +
                                  KEXPORT_DATA_DIR + " >/dev/full 2>/dev/null")
                                     .c_str());
  CHECK(WEXITSTATUS(status) == 74);
}
