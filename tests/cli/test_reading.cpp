// Every cell read for what it says, through the binary, as users meet the cases: formulas without
// a stored result, template months, total rows under unfamiliar labels, hidden sheets. Each of
// them printed a wrong figure with exit 0 before; the figure is in the comment beside the check.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <array>
#include <filesystem>

#include "compound_document.hpp"
#include "helpers.hpp"
#include "kexport/model/gazetteer.hpp"
#include "xlsx_writer.hpp"

namespace fs = std::filesystem;
using test::run_kexport;
using test::SheetSpec;

namespace {

std::string write_book(const test::TempDir& dir, const std::string& name,
                       const std::vector<SheetSpec>& sheets) {
  const fs::path path = dir.path / name;
  test::write_text(path, test::xlsx_book(sheets));
  return path.string();
}

nlohmann::json summary_json(const std::string& data, const std::string& arguments) {
  const auto run = run_kexport("--data " + data + " summary " + arguments + " -f json");
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  return nlohmann::json::parse(run.out);
}

// An .xls workbook of one sheet: text and number cells written as BIFF8 records, its merged
// ranges ("first row, last row, first column, last column", 0-based) after them, in a compound
// document written by libgsf.
std::string xls_book(const std::vector<std::vector<std::string>>& rows,
                     const std::vector<std::array<std::uint16_t, 4>>& merged) {
  const auto u16 = [](std::string& out, unsigned value) {
    out += static_cast<char>(value & 0xFF);
    out += static_cast<char>(value >> 8 & 0xFF);
  };
  const auto record = [&](std::string& out, unsigned type, const std::string& data) {
    u16(out, type);
    u16(out, static_cast<unsigned>(data.size()));
    out += data;
  };
  // UTF-8 (the tests' Turkish letters are all in the BMP) as UTF-16LE.
  const auto utf16 = [&](const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
      const auto c = static_cast<unsigned char>(text[i]);
      unsigned code = c;
      std::size_t length = 1;
      if (c >= 0xE0) {
        code = (c & 0x0F) << 12 | (static_cast<unsigned char>(text[i + 1]) & 0x3F) << 6 |
               (static_cast<unsigned char>(text[i + 2]) & 0x3F);
        length = 3;
      } else if (c >= 0xC0) {
        code = (c & 0x1F) << 6 | (static_cast<unsigned char>(text[i + 1]) & 0x3F);
        length = 2;
      }
      u16(out, code);
      i += length;
    }
    return out;
  };
  const auto bof = [&](unsigned kind) {
    std::string data;
    u16(data, 0x0600);
    u16(data, kind);
    data.append(12, '\0');
    return data;
  };
  std::string sheet;
  record(sheet, 0x0809, bof(0x0010));
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const std::string& cell = rows[r][c];
      if (cell.empty()) continue;
      std::string data;
      u16(data, static_cast<unsigned>(r));
      u16(data, static_cast<unsigned>(c));
      u16(data, 0);
      if (cell[0] == '#') {
        const double value = std::stod(cell.substr(1));
        data.append(reinterpret_cast<const char*>(&value), sizeof value);
        record(sheet, 0x0203, data);
      } else {
        const std::string text = utf16(cell);
        u16(data, static_cast<unsigned>(text.size() / 2));
        data += '\x01';
        record(sheet, 0x0204, data + text);
      }
    }
  std::string ranges;
  u16(ranges, static_cast<unsigned>(merged.size()));
  for (const auto& range : merged)
    for (const std::uint16_t field : range) u16(ranges, field);
  record(sheet, 0x00E5, ranges);
  record(sheet, 0x000A, "");
  const std::string name = utf16("Sayfa1");
  std::string globals;
  record(globals, 0x0809, bof(0x0005));
  const std::size_t boundsheet_size = 4 + 6 + 2 + name.size();
  std::string boundsheet;
  const auto offset = static_cast<std::uint32_t>(globals.size() + boundsheet_size + 4);  // after the EOF
  boundsheet.append(reinterpret_cast<const char*>(&offset), 4);
  boundsheet += '\0';
  boundsheet += '\0';
  boundsheet += static_cast<char>(name.size() / 2);
  boundsheet += '\x01';
  record(globals, 0x0085, boundsheet + name);
  record(globals, 0x000A, "");
  const std::string stream = globals + sheet;

  return compound_document(stream);
}

// The 81 provinces' names, by plate code.
std::string province(int plate) {
  return std::string(kexport::Gazetteer::builtin().province_name(static_cast<kexport::ProvinceId>(plate)));
}

}  // namespace

TEST_CASE("a formula without a stored result is an error at its cell, never a 0", "[cli][reading]") {
  const test::TempDir dir;
  // Kayseri's January as a formula openpyxl wrote and nothing computed: read as 0 before ("ihracatı
  // 0 dolar oldu … yüzde 100 azaldı … 81'inci sırada").
  const std::string book = write_book(dir, "iller.xlsx",
                                      {{"İller",
                                        {{"İl", "Dönem", "Değer"},
                                         {"Ankara", "2026-01", "#1500000"},
                                         {"Kayseri", "2025-01", "#310231980.53"},
                                         {"Kayseri", "2026-01", "=291804236.45"}}}});
  const auto run = run_kexport("--data " + book + " summary -p Kayseri -m 2026-01");
  CHECK(run.exit_code == 65);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, Catch::Contains("iller.xlsx[İller]!C4: a formula without a stored result"));

  // A total row whose every amount is such a formula does not vanish either.
  const std::string totals = write_book(dir, "toplam.xlsx",
                                        {{"Sayfa1",
                                          {{"İl", "Ocak 2026", "Şubat 2026"},
                                           {"Kayseri", "#100", "#200"},
                                           {"GENEL TOPLAM", "=SUM(B2:B2)", "=SUM(C2:C2)"}}}});
  const auto total = run_kexport("--data " + totals + " summary -p Kayseri");
  CHECK(total.exit_code == 65);
  CHECK(total.out.empty());
  CHECK_THAT(total.err, Catch::Contains("toplam.xlsx[Sayfa1]!B3: a formula without a stored result"));
  // With the results stored, the same workbook reads.
  const std::string computed = write_book(dir, "hesapli.xlsx",
                                          {{"Sayfa1",
                                            {{"İl", "Ocak 2026", "Şubat 2026"},
                                             {"Kayseri", "#100", "#200"},
                                             {"GENEL TOPLAM", "=SUM(B2:B2)|100", "=SUM(C2:C2)|200"}}}});
  CHECK(summary_json(computed, "-p Kayseri -m 2026-02")["value"] == 200.0);
}

TEST_CASE("months a template leaves at zero are not published, and never make a ranking", "[cli][reading]") {
  // A chamber's template: OCAK … ARALIK, January published for all 81 provinces, Kayseri's February
  // typed in early, the rest zeros, and a TOPLAM row of sums. Before: February "complete",
  // "Kayseri … 81 il arasında 1'inci … Türkiye ihracatının yüzde 100'ü", 80 provinces at −100 %.
  std::vector<std::string> header = {"İl"};
  for (const char* month : {"OCAK", "ŞUBAT", "MART", "NİSAN", "MAYIS", "HAZİRAN", "TEMMUZ", "AĞUSTOS",
                            "EYLÜL", "EKİM", "KASIM", "ARALIK"})
    header.emplace_back(month);
  std::vector<std::vector<std::string>> rows = {{"2026 YILI İL BAZINDA İHRACAT (USD)"}, header};
  long long january = 0;
  for (int plate = 1; plate <= 81; ++plate) {
    std::vector<std::string> row = {province(plate), fmt::format("#{}", 1000 + plate)};
    january += 1000 + plate;
    row.emplace_back(plate == 38 ? "#5000" : "#0");
    for (int m = 3; m <= 12; ++m) row.emplace_back("#0");
    rows.push_back(row);
  }
  std::vector<std::string> total = {"TOPLAM", fmt::format("=SUM(B3:B83)|{}", january), "=SUM(C3:C83)|5000"};
  for (int m = 3; m <= 12; ++m) total.emplace_back("=SUM()|0");
  rows.push_back(total);
  const test::TempDir dir;
  const std::string book = write_book(dir, "sablon.xlsx", {{"2026", rows}});

  const auto february = run_kexport("--data " + book + " rank -m 2026-02");
  CHECK(february.exit_code == 69);
  CHECK(february.out.empty());
  // latest is January, the complete month, and Türkiye's February is not Kayseri's.
  const auto latest = run_kexport("--data " + book + " rank -f json");
  REQUIRE(latest.exit_code == 0);
  CHECK(nlohmann::json::parse(latest.out)["to"] == "2026-01");
  const auto kayseri = summary_json(book, "-p Kayseri -m 2026-02");
  CHECK(kayseri["value"] == 5000.0);  // the figure typed in is read
  CHECK(kayseri["standing"].is_null());
  CHECK(run_kexport("--data " + book + " summary -p Türkiye -m 2026-02").exit_code == 69);
  CHECK(run_kexport("--data " + book + " summary -p Ankara -m 2026-02").exit_code == 69);
  CHECK(run_kexport("--data " + book + " summary -p Ankara -m 2026-03").exit_code == 69);
  // January is whole: Türkiye is the TOPLAM row, Kayseri ranked among 81.
  const auto jan = summary_json(book, "-p Kayseri -m 2026-01");
  CHECK(jan["standing"]["rank"] == 44);  // 1038 $: above the 43 provinces with plates 39-81
  // validate names the template month.
  const auto validate = run_kexport("validate " + book + " -f json");
  CHECK_THAT(validate.out, Catch::Contains("template_month"));
  CHECK_THAT(validate.out, Catch::Contains("2026-02"));
}

TEST_CASE("total rows are known by their words, wherever they stand", "[cli][reading]") {
  // Each label as the province's total beside its countries: before, the unfamiliar ones were a
  // destination of their own ("T O P L A M (TİM)" among the top buyers) and doubled the month.
  for (const std::string label :
       {"TOPLAM (TİM)", "T O P L A M  (TİM)", "KAYSERİ TOPLAMI", "İL TOPLAMI", "TOPLAM İHRACAT",
        "TOPLAM (1000 $)", "Genel Toplam", "Total", "TOTAL EXPORTS"}) {
    INFO(label);
    const test::TempDir dir;
    test::write_text(dir.path / "k.csv",
                     "period,province,country,value_usd\n2026-01,Kayseri,Almanya,60\n"
                     "2026-01,Kayseri,Irak,40\n2026-01,Kayseri,\"" +
                         label + "\",100\n");
    const auto doc = summary_json((dir.path / "k.csv").string(), "-p Kayseri");
    CHECK(doc["value"] == 100.0);
    CHECK(doc["countries"] == 2);
    REQUIRE(doc["top_destinations"].size() == 2);
  }
  // A subtotal of some rows is neither a destination nor the total.
  const test::TempDir dir;
  test::write_text(dir.path / "k.csv",
                   "period,province,country,value_usd\n2026-01,Kayseri,Almanya,60\n"
                   "2026-01,Kayseri,Irak,40\n2026-01,Kayseri,ARA TOPLAM,100\n"
                   "2026-01,Kayseri,Fas,10\n2026-01,Kayseri,TOPLAM,110\n");
  const auto doc = summary_json((dir.path / "k.csv").string(), "-p Kayseri");
  CHECK(doc["value"] == 110.0);
  CHECK(doc["countries"] == 3);
  // A sector column's total: "TOPLAM (TİM)" is never a sector.
  test::write_text(dir.path / "s.csv",
                   "period,province,chapter,value_usd\n2026-01,Kayseri,94,70\n"
                   "2026-01,Kayseri,72,30\n2026-01,Kayseri,T O P L A M  (TİM),100\n");
  const auto top =
      run_kexport("--data " + (dir.path / "s.csv").string() + " top -p Kayseri --by chapter -f json");
  REQUIRE(top.exit_code == 0);
  CHECK_THAT(top.out, !Catch::Contains("TİM"));
  CHECK(nlohmann::json::parse(top.out)["rows"].size() == 2);
}

TEST_CASE("a total under a label no word gives away is known by its sums", "[cli][reading]") {
  // Every province's countries and, under "HEPSİ", their sum, in two months. Before, "HEPSİ" was
  // a destination of its own, the largest, and every province's month (and Türkiye's) was doubled.
  const test::TempDir dir;
  std::string csv = "period,province,country,value_usd\n";
  std::int64_t turkey = 0;  // in dollars, summed here from the rows written
  std::int64_t kayseri = 0;
  for (const char* month : {"2025-01", "2026-01"})
    for (int plate = 1; plate <= 81; ++plate) {
      const std::int64_t germany = 1000 * plate + 7;
      const std::int64_t iraq = 500 + plate;
      csv += fmt::format("{},{},Almanya,{}\n{},{},Irak,{}\n{},{},HEPSİ,{}\n", month, province(plate), germany,
                         month, province(plate), iraq, month, province(plate), germany + iraq);
      if (std::string(month) == "2026-01") {
        turkey += germany + iraq;
        if (province(plate) == "Kayseri") kayseri = germany + iraq;
      }
    }
  test::write_text(dir.path / "all.csv", csv);
  const std::string data = (dir.path / "all.csv").string();
  const auto doc = summary_json(data, "-p Kayseri -m 2026-01");
  CHECK(doc["value"] == static_cast<double>(kayseri));
  CHECK(doc["countries"] == 2);
  CHECK_THAT(doc.dump(), !Catch::Contains("HEPSİ"));
  // The other provinces' months (read only as totals on this question) are not doubled either.
  CHECK(doc["standing"]["share_of_turkey_pct"].get<double>() ==
        Approx(100.0 * static_cast<double>(kayseri) / static_cast<double>(turkey)).epsilon(1e-9));
  const auto rank = run_kexport("--data " + data + " rank -m 2026-01 -f json");
  REQUIRE(rank.exit_code == 0);
  CHECK(nlohmann::json::parse(rank.out)["turkey"] == static_cast<double>(turkey));
  const auto validate = nlohmann::json::parse(run_kexport("validate " + data + " -f json").out);
  CHECK(validate.dump().find(R"({"count":0,"detail":"HEPSİ","kind":"total_by_sums"})") != std::string::npos);

  // An unfamiliar destination that is not the sum of the rest stays a destination; one that is so
  // in one month but not in another is a destination in both.
  test::write_text(dir.path / "k.csv",
                   "period,province,country,value_usd\n2025-01,Kayseri,Almanya,60\n2025-01,Kayseri,Irak,40\n"
                   "2025-01,Kayseri,Atlantis,100\n2026-01,Kayseri,Almanya,60\n2026-01,Kayseri,Irak,40\n"
                   "2026-01,Kayseri,Atlantis,7\n");
  const auto kept = summary_json((dir.path / "k.csv").string(), "-p Kayseri -m 2025-01");
  CHECK(kept["value"] == 200.0);
  CHECK(kept["countries"] == 3);

  // The same for sectors: "HER ŞEY" over two TİM sectors is their total.
  test::write_text(dir.path / "s.csv",
                   "period,province,chapter,value_usd\n2026-01,Kayseri,Mobilya Kağıt ve Orman Ürünleri,70\n"
                   "2026-01,Kayseri,Çelik,30\n2026-01,Kayseri,HER ŞEY,100\n");
  const auto sectors =
      run_kexport("--data " + (dir.path / "s.csv").string() + " top -p Kayseri --by chapter -f json");
  REQUIRE(sectors.exit_code == 0);
  CHECK_THAT(sectors.out, !Catch::Contains("HER ŞEY"));
  CHECK(nlohmann::json::parse(sectors.out)["rows"].size() == 2);
  CHECK(summary_json((dir.path / "s.csv").string(), "-p Kayseri -m 2026-01")["value"] == 100.0);
}

TEST_CASE("a hidden sheet is not read unless named, and validate says it passed over it", "[cli][reading]") {
  // A hidden "eski" sheet changed 2025-01 to $1,000: before, "+29.180.323,60 %".
  const test::TempDir dir;
  const std::string book =
      write_book(dir, "kayseri.xlsx",
                 {{"2025-2026",
                   {{"İl", "Dönem", "Değer"},
                    {"Kayseri", "2025-01", "#310231980.53"},
                    {"Kayseri", "2026-01", "#291804236.45"}}},
                  {"eski", {{"İl", "Dönem", "Değer"}, {"Kayseri", "2025-01", "#1000"}}, "hidden"},
                  {"çok gizli", {{"İl", "Dönem", "Değer"}, {"Kayseri", "2025-01", "#7"}}, "veryHidden"}});
  const auto doc = summary_json(book, "-p Kayseri -m 2026-01");
  CHECK(doc["previous_year"]["value"] == 310231980.53);
  const auto validate = run_kexport("validate " + book);
  CHECK_THAT(validate.out, Catch::Contains("kayseri.xlsx[eski]"));
  CHECK_THAT(validate.out, Catch::Contains("kayseri.xlsx[çok gizli]"));
  CHECK_THAT(validate.out, Catch::Contains("gizli bir sayfa; okunmadı"));
  // Named, it is read, as a revision of the visible sheet, and validate lists it.
  const auto named =
      run_kexport("--data " + book + " --sheet 2025-2026 --sheet eski summary -p Kayseri -m 2026-01 -f json");
  REQUIRE(named.exit_code == 0);
  CHECK(nlohmann::json::parse(named.out)["previous_year"]["value"] == 1000.0);
}

TEST_CASE("a later sheet that revises an earlier one is listed by validate", "[cli][reading]") {
  const test::TempDir dir;
  const std::string book =
      write_book(dir, "kayseri.xlsx",
                 {{"2025", {{"İl", "Dönem", "Değer"}, {"Kayseri", "2025-01", "#100"}}},
                  {"2025 revize", {{"İl", "Dönem", "Değer"}, {"Kayseri", "2025-01", "#120"}}}});
  const auto validate = run_kexport("validate " + book + " -f json");
  const auto doc = nlohmann::json::parse(validate.out);
  INFO(validate.out);
  REQUIRE(doc["revisions"].size() == 1);
}

TEST_CASE("a unit named anywhere is read, another currency refused at its cell", "[cli][reading]") {
  const test::TempDir dir;
  const auto file = [&](const std::string& name, const std::string& text) {
    test::write_text(dir.path / name, text);
    return (dir.path / name).string();
  };
  // Before: "(TL)" printed 12 billion *dollars*; "(Bin Euro)" "268 bin dolar".
  const auto tl = run_kexport(
      "--data " + file("tl.csv", "İL BAZINDA İHRACAT (TL)\nİl,Dönem,Değer\nKayseri,2026-01,12000000000\n") +
      " summary -p Kayseri");
  CHECK(tl.exit_code == 65);
  CHECK(tl.out.empty());
  CHECK_THAT(tl.err, Catch::Contains("tl.csv:1:1: 'İL BAZINDA İHRACAT (TL)' says the amounts are in TL"));
  const auto euro =
      run_kexport("--data " + file("eur.csv", "İl,Dönem,İhracat (Bin Euro)\nKayseri,2026-01,268\n") +
                  " summary -p Kayseri");
  CHECK(euro.exit_code == 65);
  CHECK_THAT(euro.err, Catch::Contains("eur.csv:1:10: 'İhracat (Bin Euro)' says the amounts are in EUR"));
  // Before: "(Milyon $)" gave "292 dolar".
  CHECK(summary_json(file("mn.csv", "İl,Dönem,İhracat (Milyon $)\nKayseri,2026-01,\"291,804236\"\n"),
                     "-p Kayseri")["value"] == 291804236.0);
  // A unit in a note under the data, or in a sheet's name.
  CHECK(summary_json(
            file("note.csv", "İl,Dönem,Değer\nKayseri,2026-01,291804.24\nNot: değerler bin ABD dolarıdır\n"),
            "-p Kayseri")["value"] == 291804240.0);
  const std::string sheet_named =
      write_book(dir, "sayfa.xlsx",
                 {{"İhracat (Bin $)", {{"İl", "Dönem", "Değer"}, {"Kayseri", "2026-01", "#291804.24"}}}});
  CHECK(summary_json(sheet_named, "-p Kayseri")["value"] == 291804240.0);
  // Two places that disagree are an error.
  const auto both = run_kexport(
      "--data " + file("both.csv", "İHRACAT (Bin $)\nİl,Dönem,Değer (USD)\nKayseri,2026-01,291804\n") +
      " summary -p Kayseri");
  CHECK(both.exit_code == 65);
  CHECK_THAT(both.err, Catch::Contains("expected one unit"));
}

TEST_CASE("the unit option sets the unit of files that state none, never of one that does",
          "[cli][reading]") {
  const test::TempDir dir;
  test::write_text(dir.path / "canonical.csv", "period,province,value_usd\n2026-01,Kayseri,291804236.45\n");
  test::write_text(dir.path / "plain.csv", "Dönem,İl,Değer\n2026-01,Ankara,1500\n");
  // Before: --unit thousand made the canonical file "291 milyar".
  const auto both =
      run_kexport("--data " + dir.path.string() + " --unit thousand summary -p Kayseri -f json");
  REQUIRE(both.exit_code == 0);
  CHECK(nlohmann::json::parse(both.out)["value"] == 291804236.45);
  const auto ankara =
      run_kexport("--data " + dir.path.string() + " --unit thousand summary -p Ankara -f json");
  CHECK(nlohmann::json::parse(ankara.out)["value"] == 1500000.0);
  // validate says the option was not applied to the file that states its unit.
  const auto validate = run_kexport("validate " + (dir.path / "canonical.csv").string() + " --unit thousand");
  CHECK_THAT(validate.out, Catch::Contains("(--unit is for files that state no unit)"));
}

TEST_CASE("a TİM table that states no unit is in thousands of dollars, as TİM publishes", "[cli][reading]") {
  const test::TempDir dir;
  // Before: "292 bin dolar", a thousand times too small.
  test::write_text(dir.path / "tim.csv", "TİM İL BAZINDA İHRACAT 2026\nİL,OCAK\nKAYSERİ,\"291.804,24\"\n");
  const auto doc = summary_json((dir.path / "tim.csv").string(), "-p Kayseri");
  CHECK(doc["value"] == 291804240.0);
  const auto validate = run_kexport("validate " + (dir.path / "tim.csv").string() + " --lang en");
  CHECK_THAT(validate.out, Catch::Contains("as TİM publishes since 2010"));
  // Before 2010 TİM published dollars: no such convention.
  test::write_text(dir.path / "tim2009.csv",
                   "TİM İL BAZINDA İHRACAT 2009\nİL,OCAK\nKAYSERİ,\"81.234.567\"\n");
  CHECK(summary_json((dir.path / "tim2009.csv").string(), "-p Kayseri")["value"] == 81234567.0);
}

TEST_CASE("a row skipped by --skip-bad-rows makes its province's month unknown, never short",
          "[cli][reading]") {
  const test::TempDir dir;
  // All 81 in January 2025 and 2026, Aydın's 2026 amount unreadable. Before: "Aydın … 0 dolar …
  // yüzde 100 azaldı … 81'inci", and Türkiye short by Aydın's row.
  std::string csv = "period,province_code,value_usd\n";
  for (int plate = 1; plate <= 81; ++plate) {
    csv += fmt::format("2025-01,{},{}\n", plate, 1000 + plate);
    csv += fmt::format("2026-01,{},{}\n", plate,
                       plate == 9 ? std::string("1.2.3") : std::to_string(2000 + plate));
  }
  test::write_text(dir.path / "iller.csv", csv);
  const std::string data = "--data " + (dir.path / "iller.csv").string() + " --skip-bad-rows ";
  const auto aydin = run_kexport(data + "summary -p Aydın -m 2026-01");
  CHECK(aydin.exit_code == 69);
  CHECK(aydin.out.empty());
  CHECK_THAT(aydin.err, Catch::Contains("iller.csv:"));  // the skipped row, named
  CHECK_THAT(aydin.err, Catch::Contains("Aydın, 2026-01"));
  const auto rank = run_kexport(data + "rank -m 2026-01");
  CHECK(rank.exit_code == 69);
  CHECK(run_kexport(data + "summary -p Türkiye -m 2026-01").exit_code == 69);
  // Other provinces' own figures stand; where they rank among 81 does not.
  const auto kayseri = run_kexport(data + "summary -p Kayseri -m 2026-01 -f json");
  REQUIRE(kayseri.exit_code == 0);
  CHECK(nlohmann::json::parse(kayseri.out)["value"] == 2038.0);
  CHECK(nlohmann::json::parse(kayseri.out)["standing"].is_null());

  // One country row of Kayseri's skipped: the month is not the sum of the others.
  test::write_text(dir.path / "ulkeler.csv",
                   "period,province,country_code,value_usd\n2026-01,Kayseri,DE,60\n"
                   "2026-01,Kayseri,ZZ,40\n2025-01,Kayseri,DE,50\n");
  const auto short_month = run_kexport("--data " + (dir.path / "ulkeler.csv").string() +
                                       " --skip-bad-rows summary -p Kayseri -m 2026-01 -f json");
  CHECK(short_month.exit_code == 69);
  CHECK(short_month.out.empty());
  const auto year_before = run_kexport("--data " + (dir.path / "ulkeler.csv").string() +
                                       " --skip-bad-rows summary -p Kayseri -m 2025-01 -f json");
  REQUIRE(year_before.exit_code == 0);
  CHECK(nlohmann::json::parse(year_before.out)["value"] == 50.0);
}

TEST_CASE("TİM's sectors stay TİM's: two sectors of one HS chapter, older spellings", "[cli][reading]") {
  // Before: refused at "!21:21" since "Makine ve Aksamları" and "İklimlendirme Sanayii" are both
  // HS chapter 84, and when loaded, sectors were renamed to chapters.
  const test::TempDir dir;
  test::write_text(dir.path / "tim.csv",
                   "TİM KAYSERİ İLİ SEKTÖREL İHRACAT (1000 $)\nSEKTÖR,İL,OCAK 2026\n"
                   "Makine ve Aksamları,KAYSERİ,\"30.000\"\nİklimlendirme Sanayii,KAYSERİ,\"20.000\"\n"
                   "Elektrik Elektronik,KAYSERİ,\"10.000\"\nGemi ve Yat,KAYSERİ,\"1.000,5\"\n");
  const auto top =
      run_kexport("--data " + (dir.path / "tim.csv").string() + " top -p Kayseri --by chapter -f json");
  INFO(top.err);
  REQUIRE(top.exit_code == 0);
  const auto rows = nlohmann::json::parse(top.out)["rows"];
  REQUIRE(rows.size() == 4);
  CHECK(rows[0]["name"] == "Makine ve Aksamları");
  CHECK(rows[0]["value"] == 30000000.0);
  CHECK(rows[1]["name"] == "İklimlendirme Sanayii");
  CHECK(rows[2]["name"] == "Elektrik ve Elektronik");  // the older spelling, under today's name
  CHECK(rows[3]["name"] == "Gemi, Yat ve Hizmetleri");
}

TEST_CASE("prose never says 0 dolar for a positive amount, and rounds an exact half up", "[cli][reading]") {
  const test::TempDir dir;
  // One cent, a year after 3 dollars: before, "0 dolar oldu … yüzde 99,67 azaldı".
  test::write_text(dir.path / "k.csv",
                   "period,province,value_usd\n2025-01,Kayseri,3\n2026-01,Kayseri,0.01\n");
  const auto text = run_kexport("--data " + (dir.path / "k.csv").string() + " summary -p Kayseri -f text");
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("0,01 dolar"));
  CHECK_THAT(text.out, !Catch::Contains(" 0 dolar"));
  // A change of exactly 0,625 %: before, "0,62".
  test::write_text(dir.path / "c.csv",
                   "period,province,value_usd\n2025-01,Kayseri,100000\n2026-01,Kayseri,100625\n");
  const auto change = run_kexport("--data " + (dir.path / "c.csv").string() + " summary -p Kayseri -f text");
  REQUIRE(change.exit_code == 0);
  CHECK_THAT(change.out, Catch::Contains("yüzde 0,63"));
}

TEST_CASE("header styles people type are read", "[cli][reading]") {
  const test::TempDir dir;
  const auto value_of = [&](const std::string& name, const std::string& text, const std::string& month) {
    test::write_text(dir.path / name, text);
    return summary_json((dir.path / name).string(), "-p Kayseri -m " + month)["value"];
  };
  // Before: "no header line found", while the same file with whole numbers loaded.
  CHECK(value_of("semicolon.csv", "İl;Ocak 2025;Şubat 2025\nKAYSERİ;100,00;200,50\n", "2025-02") == 200.5);
  // TİM's days of a month; a month with its unit; a header in two languages on one line.
  CHECK(value_of("days.csv", "İl,1 - 31 ARALIK 2024\nKAYSERİ,100\n", "2024-12") == 100.0);
  CHECK(value_of("unit.csv", "İl,Aralık 2024 (1000 $)\nKAYSERİ,\"100,5\"\n", "2024-12") == 100500.0);
  CHECK(value_of("bilingual.csv", "İl / Province,Dönem / Period,Değer / Value\nKAYSERİ,2024-12,100\n",
                 "2024-12") == 100.0);
  // A year written once over its months (merged across them), the months below: before, "missing
  // columns period". Each month takes the year nearest its left; a TOPLAM under a year is left out.
  const std::string years = "İl;2025;;;;2026;;\n;Ocak;Şubat;Mart;TOPLAM;Ocak;Şubat\nKAYSERİ;1;2;3;6;4;5\n";
  CHECK(value_of("years.csv", years, "2025-03") == 3.0);
  CHECK(value_of("years2.csv", years, "2026-02") == 5.0);
  const std::string book = write_book(dir, "years.xlsx",
                                      {{"İhracat",
                                        {{"İL BAZINDA İHRACAT (1000 $)"},
                                         {"İl", "#2025", "", "#2026", ""},
                                         {"", "OCAK", "ŞUBAT", "OCAK", "ŞUBAT"},
                                         {"Kayseri", "#10", "#20", "#30", "#40"}}}});
  CHECK(summary_json(book, "-p Kayseri -m 2026-02")["value"] == 40000.0);
  CHECK(summary_json(book, "-p Kayseri -m 2025-01")["value"] == 10000.0);
  // A year row over something else than months is not taken for one: the search goes on below it.
  CHECK(value_of("notmonths.csv", "İl;2025\nİl;Dönem;Değer\nKAYSERİ;2025-01;7\n", "2025-01") == 7.0);
}

TEST_CASE("a province merged down over its countries' rows is each row's province", "[cli][reading]") {
  // Before: "the province is empty" at A3. A merged range keeps its text in its first cell only.
  const test::TempDir dir;
  SheetSpec sheet{"İhracat",
                  {{"İl", "Ülke", "Ocak 2026"},
                   {"KAYSERİ", "Almanya", "#60"},
                   {"", "Irak", "#30"},
                   {"", "Fas", "#10"},
                   {"AYDIN", "Almanya", "#5"},
                   {"", "Irak", "#2"}}};
  sheet.merged = {"A2:A4", "A5:A6"};
  const std::string book = write_book(dir, "merged.xlsx", {sheet});
  const auto kayseri = summary_json(book, "-p Kayseri -m 2026-01");
  CHECK(kayseri["value"] == 100.0);
  CHECK(kayseri["countries"] == 3);
  CHECK(summary_json(book, "-p Aydın -m 2026-01")["value"] == 7.0);
  // The same in an .ods file, where the first cell says how many rows it spans and the cells
  // below it are covered ones.
  const auto cell = [](const std::string& text, const std::string& attributes = "") {
    return "<table:table-cell office:value-type=\"string\"" + attributes + "><text:p>" + text +
           "</text:p></table:table-cell>";
  };
  const auto number = [](int value) {
    return fmt::format(R"(<table:table-cell office:value-type="float" office:value="{}"/>)", value);
  };
  const std::string covered = "<table:covered-table-cell/>";
  const std::string content =
      R"(<?xml version="1.0" encoding="UTF-8"?><office:document-content )"
      R"(xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
      R"(xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" )"
      R"(xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>)"
      R"(<table:table table:name="İhracat"><table:table-row>)" +
      cell("İl") + cell("Ülke") + cell("Ocak 2026") + "</table:table-row><table:table-row>" +
      cell("KAYSERİ", R"( table:number-rows-spanned="3" table:number-columns-spanned="1")") +
      cell("Almanya") + number(60) + "</table:table-row><table:table-row>" + covered + cell("Irak") +
      number(30) + "</table:table-row><table:table-row>" + covered + cell("Fas") + number(10) +
      "</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>";
  test::write_text(
      dir.path / "merged.ods",
      pack_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                {"META-INF/manifest.xml",
                 R"(<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:)"
                 R"(opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" )"
                 R"(manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>)"
                 R"(</manifest:manifest>)"},
                {"content.xml", content}}));
  CHECK(summary_json((dir.path / "merged.ods").string(), "-p Kayseri -m 2026-01")["value"] == 100.0);
  // And in an .xls workbook, whose MERGEDCELLS record follows the cells.
  test::write_text(dir.path / "merged.xls", xls_book({{"İl", "Ülke", "Ocak 2026"},
                                                      {"KAYSERİ", "Almanya", "#60"},
                                                      {"", "Irak", "#30"},
                                                      {"", "Fas", "#10"}},
                                                     {{{1, 3, 0, 0}}}));
  CHECK(summary_json((dir.path / "merged.xls").string(), "-p Kayseri -m 2026-01")["value"] == 100.0);
  // An empty province cell that no merged range covers is still refused, never taken from above.
  sheet.merged = {"A2:A3"};
  const std::string unmerged = write_book(dir, "unmerged.xlsx", {sheet});
  const auto refused = run_kexport("--data " + unmerged + " summary -p Kayseri -m 2026-01");
  CHECK(refused.exit_code == 65);
  CHECK_THAT(refused.err,
             Catch::Contains("unmerged.xlsx[İhracat]!A4") && Catch::Contains("the province is empty"));
}

TEST_CASE("TÜİK's numeric country codes are never read as ISO codes", "[cli][reading]") {
  // "004" is Germany in TÜİK's list and Afghanistan in ISO 3166's numeric one: beside a name the
  // name decides; alone the code is refused, never guessed.
  const test::TempDir dir;
  test::write_text(dir.path / "k.csv",
                   "period,province,country_code,country,value_usd\n2026-01,Kayseri,004,Almanya,60\n"
                   "2026-01,Kayseri,052,Irak,40\n");
  const auto doc = summary_json((dir.path / "k.csv").string(), "-p Kayseri -m 2026-01");
  CHECK(doc["value"] == 100.0);
  REQUIRE(doc["top_destinations"].size() == 2);
  CHECK(doc["top_destinations"][0]["country_code"] == "DE");
  const auto validate = run_kexport("validate " + (dir.path / "k.csv").string() + " -f json");
  CHECK_THAT(validate.out, Catch::Contains("numeric_country_codes"));
  test::write_text(dir.path / "c.csv", "period,province,country_code,value_usd\n2026-01,Kayseri,004,60\n");
  const auto alone = run_kexport("--data " + (dir.path / "c.csv").string() + " summary -p Kayseri");
  CHECK(alone.exit_code == 65);
  CHECK(alone.out.empty());
  CHECK_THAT(alone.err, Catch::Contains("c.csv:2:") && Catch::Contains("numeric country code (TÜİK's)"));
}

TEST_CASE("messages name what is wrong where it is", "[cli][reading]") {
  const test::TempDir dir;
  // A negative import: before, "(exports cannot be negative)".
  test::write_text(dir.path / "i.csv", "period,province,value_usd,flow\n2026-01,Kayseri,-5,ithalat\n");
  const auto negative = run_kexport("--data " + (dir.path / "i.csv").string() + " summary -p Kayseri");
  CHECK(negative.exit_code == 65);
  CHECK_THAT(negative.err,
             Catch::Contains("i.csv:2:17") && Catch::Contains("exports and imports are never negative"));
  // An empty .xlsx: before, "it starts like text".
  test::write_text(dir.path / "bos.xlsx", "");
  const auto empty = run_kexport("--data " + (dir.path / "bos.xlsx").string() + " summary -p Kayseri");
  CHECK(empty.exit_code == 65);
  CHECK(empty.out.empty());
  CHECK_THAT(empty.err, Catch::Contains("bos.xlsx: an empty file (0 bytes), not a workbook"));
  // A UTF-8 file with one line in Windows-1254: before, "'AydÄ±n' is garbled" at line 3, a line
  // that is right, rather than the line that is not.
  test::write_text(dir.path / "mixed.csv",
                   "period,province,value_usd\n2026-01,Kayseri,100\n2026-01,Aydın,5\n2026-01,\xDE"
                   "anl\xFD"
                   "urfa,7\n");
  const auto mixed = run_kexport("--data " + (dir.path / "mixed.csv").string() + " summary -p Kayseri");
  CHECK(mixed.exit_code == 65);
  CHECK(mixed.out.empty());
  CHECK_THAT(mixed.err, Catch::Contains("mixed.csv:4:9") && Catch::Contains("mixes two encodings") &&
                            Catch::Contains("'Aydın' on line 3"));
  // LibreOffice's default CSV export (Latin-1: ö kept, İ and ğ lost to '?'): before, only "no
  // header line found", with no word of the encoding.
  test::write_text(dir.path / "latin1.csv", "?l;D\xF6nem;De?er\nKAYSER?;2026-01;100\n");
  const auto latin1 = run_kexport("--data " + (dir.path / "latin1.csv").string() + " summary -p Kayseri");
  CHECK(latin1.exit_code == 65);
  CHECK(latin1.out.empty());
  CHECK_THAT(latin1.err, Catch::Contains("latin1.csv:1:1") && Catch::Contains("'?l' has '?' for letters") &&
                             Catch::Contains("Latin-1") && Catch::Contains("UTF-8"));
}

TEST_CASE("figures that look like thousands read as dollars are said by every command", "[cli][reading]") {
  // No unit stated, no TİM convention: before, only validate hinted that Kayseri's 291.804 was
  // thousands; summary printed "291 bin dolar" and said nothing.
  const test::TempDir dir;
  std::string csv = "İl,Ocak 2026\n";
  for (int plate = 1; plate <= 81; ++plate)
    csv += fmt::format("{},{}\n", province(plate), plate == 69 ? "512" : "291804");
  test::write_text(dir.path / "iller.csv", csv);
  for (const std::string command : {"summary -p Kayseri", "rank", "series -p Kayseri"}) {
    INFO(command);
    const auto run = run_kexport("--data " + (dir.path / "iller.csv").string() + " " + command);
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.err, Catch::Contains("uyarı: birim belirtilmemiş") && Catch::Contains("--unit thousand"));
    // Cached or not, the same.
    const auto again = run_kexport("--data " + (dir.path / "iller.csv").string() + " " + command);
    CHECK(again.err == run.err);
  }
  // Said once it is settled, never again.
  const auto settled =
      run_kexport("--data " + (dir.path / "iller.csv").string() + " --unit thousand summary -p Kayseri");
  CHECK_THAT(settled.err, !Catch::Contains("birim belirtilmemiş"));
}
