// Files as people hold them, through the real binary: wide sheets whose month columns carry their
// own year, and directories whose files are named in any case or are not data at all.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <sstream>

#include "kexport/model/text.hpp"

#include "helpers.hpp"

namespace fs = std::filesystem;
using test::run_kexport;

TEST_CASE("wide sheets whose month columns carry their year are read by that year", "[cli][inputs]") {
  const test::TempDir dir;
  // Each spelling of a month with its year, and the values a hand-made long file gives.
  const std::vector<std::pair<std::string, std::string>> headers = {
      {"2026-01", "2026-02"},      {"2026/01", "2026/02"},      {"Ocak 2026", "Şubat 2026"},
      {"OCAK 2026", "ŞUBAT 2026"}, {"Ocak-2026", "Şubat-2026"}, {"01.2026", "02.2026"}};
  for (const auto& [january, february] : headers) {
    INFO(january);
    test::write_text(dir.path / "wide.csv",
                     "İl," + january + "," + february + "\nKayseri,100,250\nAnkara,7,9\n");
    const auto r =
        run_kexport("--data " + (dir.path / "wide.csv").string() + " series -p Kayseri -f json --lang en");
    REQUIRE(r.exit_code == 0);
    const auto rows = nlohmann::json::parse(r.out)["rows"];
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["period"] == "2026-01");
    CHECK(rows[0]["value"] == 100.0);
    CHECK(rows[1]["period"] == "2026-02");
    CHECK(rows[1]["value"] == 250.0);
    CHECK(rows[1]["change_previous_month_pct"] == 150.0);
  }
}

TEST_CASE("a wide header that mixes months with and without a year names the column", "[cli][inputs]") {
  const test::TempDir dir;
  test::write_text(dir.path / "mixed.csv", "İl,2026-01,Şubat\nKayseri,1,2\n");
  const auto r = run_kexport("--data " + (dir.path / "mixed.csv").string() + " summary -p Kayseri");
  CHECK(r.exit_code == 65);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("mixed.csv:1:12: a month column without its year (Şubat)"));
  test::write_text(dir.path / "twice.csv", "İl,Ocak 2026,2026-01\nKayseri,1,2\n");
  const auto twice = run_kexport("--data " + (dir.path / "twice.csv").string() + " summary -p Kayseri");
  CHECK(twice.exit_code == 65);
  CHECK_THAT(twice.err, Catch::Contains("twice.csv:1:14: a second column for 2026-01"));
}

TEST_CASE("a wide sheet's TOPLAM check cannot overflow into a wrong notice", "[cli][inputs]") {
  const test::TempDir dir;
  // Two months whose sum exceeds 64-bit cents: a data error, never a wrapped sum.
  test::write_text(dir.path / "huge.csv",
                   "İl,2026-01,2026-02,TOPLAM\nKayseri,90000000000000000,90000000000000000,1\n");
  const auto r = run_kexport("validate " + (dir.path / "huge.csv").string());
  CHECK(r.exit_code == 65);
  CHECK_THAT(r.out, Catch::Contains("64-bit"));
}

TEST_CASE("a directory's data files are read whatever the case of their names; the rest are named",
          "[cli][inputs]") {
  const test::TempDir dir;
  test::write_text(dir.path / "A.CSV", "period,province,value_usd\n2026-01,Kayseri,100\n");
  test::write_text(dir.path / "b.Csv", "period,province,value_usd\n2026-02,Kayseri,200\n");
  test::write_text(dir.path / "c.JSON",
                   R"({"records": [{"period": "2026-03", "province": "Kayseri", "value_usd": 300}]})");
  test::write_text(dir.path / "iller.xlsb", "PK\x03\x04");
  test::write_text(dir.path / "notes.dat", "x");
  test::write_text(dir.path / "README.md", "# data\n");
  fs::create_directory(dir.path / "old");

  // latest is March, from the JSON file named in capitals: nothing was silently ignored.
  const auto r = run_kexport("--data " + dir.path.string() + " summary -p Kayseri -f json --lang en");
  REQUIRE(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["period"] == "2026-03");
  CHECK(doc["value"] == 300.0);
  CHECK(doc["previous_month"]["value"] == 200.0);
  CHECK_THAT(r.err, Catch::Contains("note: skipped " + (dir.path / "iller.xlsb").string() +
                                    ": binary workbooks (.xlsb) are not read; save it as .xlsx or CSV"));
  CHECK_THAT(r.err,
             Catch::Contains("note: skipped " + (dir.path / "notes.dat").string() + ": not a data file"));
  CHECK_THAT(r.err, !Catch::Contains("README.md"));  // documentation beside data: validate lists it

  const auto v = run_kexport("validate " + dir.path.string() + " -f json");
  CHECK(v.exit_code == 0);
  const auto report = nlohmann::json::parse(v.out);
  CHECK(report["files"].size() == 3);
  std::map<std::string, std::string> not_read;
  for (const auto& entry : report["not_read"])
    not_read[fs::path(entry["path"].get<std::string>()).filename().string()] = entry["reason"];
  CHECK(not_read == std::map<std::string, std::string>{{"README.md", "documentation"},
                                                       {"iller.xlsb", "spreadsheet"},
                                                       {"notes.dat", "not_data"},
                                                       {"old", "directory"}});
}

TEST_CASE("a directory of spreadsheets only says so", "[cli][inputs]") {
  const test::TempDir dir;
  test::write_text(dir.path / "iller.xlsb", "PK\x03\x04");
  const auto r = run_kexport("--data " + dir.path.string() + " summary -p Kayseri");
  CHECK(r.exit_code == 66);
  CHECK(r.out.empty());
  CHECK_THAT(
      r.err,
      Catch::Contains(
          "it holds spreadsheets (iller.xlsb) in formats that are not read: save them as .xlsx or CSV"));
}

TEST_CASE("amounts as scripts write them: exponents, float artefacts rounded and said once",
          "[cli][inputs]") {
  const test::TempDir dir;
  const fs::path file = dir.path / "script.jsonl";
  test::write_text(file,
                   "{\"period\": \"2026-01\", \"province\": \"Kayseri\", \"value_usd\": 2.9180423645E8}\n"
                   "{\"period\": \"2026-01\", \"province\": \"Ankara\", \"value_usd\": 0.30000000000000004}\n"
                   "{\"period\": \"2026-01\", \"province\": \"İzmir\", \"value_usd\": 300.29999999999995}\n");
  const auto r = run_kexport("--data " + file.string() + " summary -p Kayseri -f json");
  REQUIRE(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)["value"] == 291804236.45);
  const auto ankara = run_kexport("--data " + file.string() + " summary -p Ankara -f json");
  CHECK(nlohmann::json::parse(ankara.out)["value"] == 0.3);
  const auto v = run_kexport("validate " + file.string() + " --lang en");
  CHECK(v.exit_code == 0);
  CHECK_THAT(v.out, Catch::Contains("2 amounts written with a float artefact (the first on line 2: "
                                    "'0.30000000000000004') were rounded to the nearest cent"));
  const auto json = nlohmann::json::parse(run_kexport("validate -f json " + file.string()).out);
  CHECK(json["files"][0]["rounded_amounts"] == 2);

  // Further from a cent than a float's slip: refused as before.
  test::write_text(dir.path / "far.csv", "period,province,value_usd\n2026-01,Kayseri,0.3000001\n");
  const auto far = run_kexport("--data " + (dir.path / "far.csv").string() + " summary -p Kayseri");
  CHECK(far.exit_code == 65);
  CHECK_THAT(far.err, Catch::Contains("far.csv:2:17: '0.3000001' has fractions of a cent"));
}

TEST_CASE("a broken JSON Lines line is one bad row: skipped and listed, or the run stops", "[cli][inputs]") {
  const test::TempDir dir;
  const fs::path file = dir.path / "broken.jsonl";
  test::write_text(file,
                   "{\"period\": \"2026-01\", \"province\": \"Kayseri\", \"value_usd\": 1}\n"
                   "{\"period\": \"2026-01\", \"province\": \"Ank\n"
                   "{\"period\": \"2026-01\", \"province\": \"Ankara\", \"value_usd\": 2} trailing\n"
                   "{\"period\": \"2026-01\", \"province\": \"Bursa\", \"value_usd\": 3}\n");
  const auto strict = run_kexport("--data " + file.string() + " summary -p Bursa");
  CHECK(strict.exit_code == 65);
  CHECK(strict.out.empty());
  CHECK_THAT(strict.err, Catch::Contains("broken.jsonl:2:"));

  // A broken line tells neither province nor month: any province's month in the file could be
  // short of it, Bursa's too, so none is answered as if whole.
  const auto skipping = run_kexport("--data " + file.string() + " --skip-bad-rows summary -p Bursa -f json");
  CHECK(skipping.exit_code == 69);
  CHECK(skipping.out.empty());
  CHECK_THAT(skipping.err, Catch::Contains("her il, dosyanın her ayı"));
  CHECK_THAT(skipping.err, Catch::Contains("hatalı 2 satır atlandı"));
  CHECK_THAT(skipping.err, Catch::Contains("broken.jsonl:2:"));
  CHECK_THAT(skipping.err, Catch::Contains("broken.jsonl:3:"));
  // The line that broke after its object is skipped whole: Ankara is not half taken.
  const auto ankara = run_kexport("--data " + file.string() + " --skip-bad-rows summary -p Ankara");
  CHECK(ankara.exit_code == 69);
}

TEST_CASE("names with control characters, line breaks and wide characters break no output", "[cli][inputs]") {
  // The fixture's destinations carry ESC sequences, a line break, a tab, a right-to-left
  // override, CJK, a combining mark and an emoji (the golden files show the results).
  const std::string data = std::string("--data ") + KEXPORT_TEST_DIR + "/fixtures/names/hostile-names.csv ";
  for (const std::string command :
       {"top -p Kayseri -m 2026-01", "top -p Kayseri -m 2026-01 -f csv",
        "top -p Kayseri -m 2026-01 -f markdown", "top -p Kayseri -m 2026-01 -f json",
        "summary -p Kayseri -m 2026-01", "summary -p Kayseri -m 2026-01 -f svg",
        "summary -p Kayseri -m 2026-01 -f text --lang en", "summary -p Kayseri -m 2026-01 -f markdown",
        "countries -f csv"}) {
    INFO(command);
    const auto r = run_kexport(data + command);
    REQUIRE(r.exit_code == 0);
    for (const char c : r.out + r.err) {
      const auto byte = static_cast<unsigned char>(c);
      const bool allowed = (byte >= 0x20 || c == '\n' || c == '\r') && byte != 0x7F;
      CHECK(allowed);
    }
    // No right-to-left override for people; JSON keeps names as the data writes them (escaped
    // where JSON requires), for machines.
    if (command.find("json") == std::string::npos) CHECK(r.out.find("\u202E") == std::string::npos);
  }
  // The table's columns line up by what a terminal shows: every row is as wide as the rule.
  const auto table = run_kexport(data + "top -p Kayseri -m 2026-01");
  std::istringstream lines(table.out);
  std::vector<std::string> rows;
  for (std::string line; std::getline(lines, line);) rows.push_back(line);
  REQUIRE(rows.size() >= 12);
  const std::size_t rule = kexport::display_width(rows[3]);
  for (std::size_t i = 4; i < 12; ++i) {
    INFO(rows[i]);
    CHECK(kexport::display_width(rows[i]) == rule);
  }
}
