// TİM's bulletins through the real binary, as a chamber's analyst uses them on release day. Every
// expected figure comes from the bulletin's CSV twin (tests/fixtures/bulletins/*.canonical.csv),
// which make_bulletins.py wrote from the same cents as the workbook without reading it.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "helpers.hpp"

using nlohmann::json;
using test::run_kexport;

namespace {

const std::string bulletins = std::string(KEXPORT_TEST_DIR) + "/fixtures/bulletins/";

// A twin's records: "period|province|country|sector" → cents. A province's total has no sector.
struct Twin {
  std::map<std::string, std::int64_t> cents;

  explicit Twin(const std::string& name) {
    std::istringstream lines(test::read_file(bulletins + name));
    std::string line;
    std::getline(lines, line);  // the header
    while (std::getline(lines, line)) {
      // period,province,country,chapter,value_usd,source; a sector with a comma is quoted.
      std::vector<std::string> fields(1);
      bool quoted = false;
      for (const char c : line) {
        if (c == '"')
          quoted = !quoted;
        else if (c == ',' && !quoted)
          fields.emplace_back();
        else
          fields.back() += c;
      }
      REQUIRE(fields.size() == 6);
      const std::string& value = fields[4];
      const std::size_t point = value.find('.');
      const std::int64_t whole = std::stoll(value.substr(0, point));
      cents[fields[0] + "|" + fields[1] + "|" + fields[2] + "|" + fields[3]] =
          whole * 100 + std::stoll(value.substr(point + 1));
    }
  }
  [[nodiscard]] std::int64_t total(const std::string& period, const std::string& province) const {
    return cents.at(period + "|" + province + "||");
  }
  // The province's sectors in the month, by name.
  [[nodiscard]] std::map<std::string, std::int64_t> sectors(const std::string& period,
                                                            const std::string& province) const {
    std::map<std::string, std::int64_t> found;
    const std::string prefix = period + "|" + province + "||";
    for (const auto& [key, value] : cents)
      if (key.starts_with(prefix) && key.size() > prefix.size()) found[key.substr(prefix.size())] = value;
    return found;
  }
};

// Dollars in JSON as cents: the writers give exact decimals of at most two places.
std::int64_t cents_of(const json& value) {
  return std::llround(value.get<double>() * 100);
}

std::string data(const std::string& name) {
  return "--no-cache --data " + bulletins + name + " ";
}

const std::string february = "2026-02-il-bazinda-sektor-rakamlari.xlsx";

}  // namespace

TEST_CASE(
    "the province × sector bulletin answers the month, a year earlier, the month before, the year so far",
    "[cli][bulletin]") {
  const Twin twin("2026-02-il-bazinda-sektor-rakamlari.canonical.csv");
  const auto r = run_kexport(data(february) + "summary -p Kayseri -f json");
  REQUIRE(r.exit_code == 0);
  const json doc = json::parse(r.out);
  CHECK(doc["period"] == "2026-02");
  CHECK(doc["source"] == "TİM");
  CHECK(doc["basis"] == "registration");
  CHECK(doc["vintage"] == "2026-02-28");
  CHECK(cents_of(doc["value"]) == twin.total("2026-02", "Kayseri"));
  CHECK(cents_of(doc["previous_year"]["value"]) == twin.total("2025-02", "Kayseri"));
  CHECK(cents_of(doc["previous_month"]["value"]) == twin.total("2026-01", "Kayseri"));
  CHECK(cents_of(doc["year_to_date"]["value"]) ==
        twin.total("2026-01", "Kayseri") + twin.total("2026-02", "Kayseri"));
  CHECK(cents_of(doc["year_to_date"]["previous_value"]) ==
        twin.total("2025-01", "Kayseri") + twin.total("2025-02", "Kayseri"));
  // The file does not hold the last 12 months: null, never the months it has.
  CHECK(doc["rolling_12m"]["value"].is_null());
  // The standing among the provinces' TOPLAM rows, the share of the grand total.
  const std::int64_t kayseri = twin.total("2026-02", "Kayseri");
  int above = 0;
  for (const auto& [key, cents] : twin.cents)
    if (key.starts_with("2026-02|") && key.ends_with("||") && key != "2026-02|Türkiye||" && cents > kayseri)
      ++above;
  CHECK(doc["standing"]["rank"] == above + 1);
  CHECK(doc["standing"]["of"] == 81);
  CHECK(doc["standing"]["share_of_turkey_pct"].get<double>() ==
        Approx(100.0 * static_cast<double>(kayseri) / static_cast<double>(twin.total("2026-02", "Türkiye")))
            .epsilon(1e-12));
  // The release in the prose's source line.
  const auto prose = run_kexport(data(february) + "summary -p Kayseri -f text");
  REQUIRE(prose.exit_code == 0);
  CHECK_THAT(prose.out, Catch::Contains("TİM") && Catch::Contains("28 Şubat 2026"));
}

TEST_CASE("a province's remainder is in its total and in no sector", "[cli][bulletin]") {
  const Twin twin("2026-02-il-bazinda-sektor-rakamlari.canonical.csv");
  int with_remainder = 0;
  for (const char* province : {"Kayseri", "Ankara", "Bursa", "Konya", "Denizli"}) {
    INFO(province);
    const auto sectors = twin.sectors("2026-02", province);
    std::int64_t parts = 0;
    for (const auto& [name, cents] : sectors) parts += cents;
    const std::int64_t total = twin.total("2026-02", province);
    if (total > parts) ++with_remainder;
    const auto r = run_kexport(data(february) + "top --by sector -n 40 -f json -p " + province);
    REQUIRE(r.exit_code == 0);
    const json doc = json::parse(r.out);
    CHECK(cents_of(doc["total"]) == total);  // the TOPLAM row, remainder included
    REQUIRE(doc["rows"].size() == sectors.size());
    std::int64_t listed = 0;
    for (const json& row : doc["rows"]) {
      CHECK(cents_of(row["value"]) == sectors.at(row["name"].get<std::string>()));
      listed += cents_of(row["value"]);
    }
    CHECK(listed == parts);                                // the sectors, and nothing for the remainder
    CHECK(cents_of(doc["unallocated"]) == total - parts);  // which is said, to the cent
  }
  CHECK(with_remainder >= 2);  // the fixture gives most provinces one
}

TEST_CASE("a province's TOPLAM written twice is added up", "[cli][bulletin]") {
  const Twin twin("2026-02-il-bazinda-sektor-rakamlari.canonical.csv");
  const auto r = run_kexport(data(february) + "summary -p Aksaray -f json");
  REQUIRE(r.exit_code == 0);
  const json doc = json::parse(r.out);
  CHECK(cents_of(doc["value"]) == twin.total("2026-02", "Aksaray"));
  CHECK(cents_of(doc["year_to_date"]["value"]) ==
        twin.total("2026-01", "Aksaray") + twin.total("2026-02", "Aksaray"));
  const auto validate = run_kexport(data(february) + "validate -f json");
  REQUIRE(validate.exit_code == 0);
  const json notes = json::parse(validate.out)["files"][0]["notes"];
  CHECK(notes.dump().find(R"("count":2,"detail":"Aksaray","kind":"totals_summed")") != std::string::npos);
  // The DEĞ. the generator wrote wrong is worth a look, not an error, and never a figure: said by
  // validate at its cell, and by every command in a line.
  CHECK(notes.dump().find(R"("kind":"change_mismatch")") != std::string::npos);
  CHECK_THAT(r.err, Catch::Contains("1 DEĞ. hücresi tutarların verdiği değişimi göstermiyor"));
  CHECK(notes.dump().find(R"("kind":"year_to_date_checked")") != std::string::npos);
}

TEST_CASE("month names as TİM writes them: NISAN, ARALıK; a single day's block is no month",
          "[cli][bulletin]") {
  const Twin april("2025-04-il-bazinda-sektor-rakamlari.canonical.csv");
  const auto r = run_kexport(data("2025-04-il-bazinda-sektor-rakamlari.xlsx") + "summary -p Adana -f json");
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out)["period"] == "2025-04");
  CHECK(cents_of(json::parse(r.out)["value"]) == april.total("2025-04", "Adana"));
  CHECK(cents_of(json::parse(r.out)["previous_month"]["value"]) == april.total("2025-03", "Adana"));
  // The year to date holds January and February, which the file does not: no year to date.
  CHECK(json::parse(r.out)["year_to_date"]["value"].is_null());

  const Twin december("2024-12-il-bazinda-sektor-rakamlari.canonical.csv");
  const auto d = run_kexport(data("2024-12-il-bazinda-sektor-rakamlari.xlsx") + "summary -p Adana -f json");
  REQUIRE(d.exit_code == 0);
  CHECK(json::parse(d.out)["period"] == "2024-12");
  CHECK(cents_of(json::parse(d.out)["value"]) == december.total("2024-12", "Adana"));
  const auto validate = run_kexport(data("2024-12-il-bazinda-sektor-rakamlari.xlsx") + "validate --lang en");
  CHECK_THAT(validate.out, Catch::Contains("the block '31 ARALıK' is a single day, not read as a month"));
}

TEST_CASE("2023's grand total row without its province cell is Türkiye's", "[cli][bulletin]") {
  const Twin twin("2023-06-iller-bazinda-sektor-rakamlari.canonical.csv");
  const auto r =
      run_kexport(data("2023-06-iller-bazinda-sektor-rakamlari.xlsx") + "summary -p Kayseri -f json");
  REQUIRE(r.exit_code == 0);
  const json doc = json::parse(r.out);
  CHECK(cents_of(doc["value"]) == twin.total("2023-06", "Kayseri"));
  CHECK(doc["standing"]["turkey_basis"] == "national_total");
  CHECK(doc["standing"]["share_of_turkey_pct"].get<double>() ==
        Approx(100.0 * static_cast<double>(twin.total("2023-06", "Kayseri")) /
               static_cast<double>(twin.total("2023-06", "Türkiye")))
            .epsilon(1e-12));
  // Older sector names read as today's sectors.
  const auto top = run_kexport(data("2023-06-iller-bazinda-sektor-rakamlari.xlsx") +
                               "top --by sector -n 40 -f csv -p İstanbul");
  REQUIRE(top.exit_code == 0);
  CHECK_THAT(top.out,
             Catch::Contains("Elektrik ve Elektronik") && Catch::Contains("Gemi, Yat ve Hizmetleri"));
  CHECK_THAT(top.out, !Catch::Contains("Gemi ve Yat"));
}

TEST_CASE("template zeros are never a month", "[cli][bulletin]") {
  // The sector bulletin: March to December are 0 in February's file.
  const std::string sectors = data("2026-02-sektorel-bazda-rakamlar.xlsx");
  const auto latest = run_kexport(sectors + "summary -p Türkiye -f json");
  REQUIRE(latest.exit_code == 0);
  CHECK(json::parse(latest.out)["period"] == "2026-02");
  const Twin twin("2026-02-sektorel-bazda-rakamlar.canonical.csv");
  CHECK(cents_of(json::parse(latest.out)["value"]) == twin.total("2026-02", "Türkiye"));
  const auto march = run_kexport(sectors + "summary -p Türkiye -m 2026-03");
  CHECK(march.exit_code == 69);
  CHECK(march.out.empty());
  // A sector's real zero in a published month is a zero, not absent (the twin has it: Tütün, February).
  CHECK(twin.cents.at("2026-02|Türkiye||Tütün") == 0);
  const auto zero = run_kexport(sectors + "validate -f json");
  REQUIRE(zero.exit_code == 0);
  CHECK(json::parse(zero.out)["files"][0]["rows"] == twin.cents.size());
  // Provinces by month: zeros and blanks after February alike.
  const auto provinces =
      run_kexport(data("2026-02-iller-bazinda-rakamlar.xlsx") + "--source TİM summary -p Kayseri -m 2026-03");
  CHECK(provinces.exit_code == 69);
}

TEST_CASE("a bulletin that breaks its template is refused at the cell, with nothing read",
          "[cli][bulletin]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"year-to-date-mismatch.xlsx", "[ILLER_SEKTOR]!J10: the year to date of Kayseri"},
      {"province-without-total.xlsx", "[ILLER_SEKTOR]!B11: Ankara has sector rows but no TOPLAM row"},
      {"sectors-exceed-total.xlsx", "the TOPLAM of Aksaray is less than the sum of its sectors"},
      {"unknown-column.xlsx", "[ILLER_SEKTOR]!H4: 'PAY (%)' in a block of TİM's template"},
      {"unreadable-label.xlsx", "[ILLER_SEKTOR]!C3: 'ŞUBAT AYI İHRACATI' is not a period"},
      {"sector-figure-in-template-month.xlsx", "[SEKTOR]!D5: a figure for Mart 2026"},
  };
  for (const auto& [file, message] : cases) {
    INFO(file);
    const auto r = run_kexport(data("bad/" + file) + "summary -p Kayseri");
    CHECK(r.exit_code == 65);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains(message));
    const auto validate = run_kexport(data("bad/" + file) + "validate");
    CHECK(validate.exit_code == 65);
    CHECK_THAT(validate.out, Catch::Contains(message));
  }
}

TEST_CASE("a directory of two releases: February's file revises January's", "[cli][bulletin]") {
  const Twin january("2026-01-il-bazinda-sektor-rakamlari.canonical.csv");
  const Twin february_twin("2026-02-il-bazinda-sektor-rakamlari.canonical.csv");
  test::TempDir dir;
  for (const char* name : {"2026-01-il-bazinda-sektor-rakamlari.xlsx", february.c_str()})
    test::write_text(dir.path / name, test::read_file(bulletins + name));
  const std::string in = "--no-cache --data " + dir.path.string() + " ";
  const auto r = run_kexport(in + "summary -p Adana -m 2026-02 -f json");
  REQUIRE(r.exit_code == 0);
  const json doc = json::parse(r.out);
  // January from the later release, with what the earlier one gave.
  CHECK(cents_of(doc["previous_month"]["value"]) == february_twin.total("2026-01", "Adana"));
  CHECK(cents_of(doc["previous_month"]["revised_since"]["value"]) == january.total("2026-01", "Adana"));
  CHECK(doc["previous_month"]["revised_since"]["vintage"] == "2026-01-31");
  // December 2025 is only in January's file: the month before January.
  const auto jan = run_kexport(in + "summary -p Adana -m 2026-01 -f json");
  REQUIRE(jan.exit_code == 0);
  CHECK(cents_of(json::parse(jan.out)["previous_month"]["value"]) == january.total("2025-12", "Adana"));
  CHECK(cents_of(json::parse(jan.out)["value"]) == february_twin.total("2026-01", "Adana"));
  // What the later release changed, old and new.
  const auto revisions = run_kexport(in + "revisions --old 2026-01-31 --new 2026-02-28 -p Adana -f json");
  REQUIRE(revisions.exit_code == 0);
  const json revised = json::parse(revisions.out);
  bool total = false;
  for (const json& row : revised["rows"])
    if (row["period"] == "2026-01" && row["sector"].is_null()) {
      total = true;
      CHECK(cents_of(row["old_value"]) == january.total("2026-01", "Adana"));
      CHECK(cents_of(row["new_value"]) == february_twin.total("2026-01", "Adana"));
    }
  CHECK(total);
}
