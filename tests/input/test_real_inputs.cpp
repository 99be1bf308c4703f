// Files as TÜİK, TİM and the Ministry publish them load to the same records as their canonical
// equivalents (tests/fixtures/real, written by tests/fixtures/make_fixtures.py).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "kexport/app/validate_files.hpp"
#include "kexport/model/error.hpp"
#include "kexport/output/report.hpp"

namespace {

const std::string fixtures = std::string(KEXPORT_TEST_DIR) + "/fixtures/real/";

kexport::InputFile fixture(const std::string& name) {
  return {name, test::read_file(fixtures + name), kexport::InputFormat::automatic};
}

std::vector<std::string> load(const std::string& name, kexport::LoadOptions options = {}) {
  return test::records_of(kexport::load_dataset({fixture(name)}, options));
}

void check_equivalent(const std::string& name) {
  const std::string canonical = name.substr(0, name.rfind('.')) + ".canonical.csv";
  INFO(name);
  const auto actual = load(name);
  CHECK(actual == load(canonical));
  CHECK_FALSE(actual.empty());
}

kexport::LoadedFile report_of(const std::string& name, kexport::LoadOptions options = {}) {
  return kexport::load_dataset({fixture(name)}, options).files.front();
}

}  // namespace

TEST_CASE("TÜİK long sheet in Windows-1254 with Turkish numbers", "[real]") {
  check_equivalent("tuik-long-1254.csv");
  const auto report = report_of("tuik-long-1254.csv");
  CHECK(report.encoding == kexport::TextEncoding::windows1254);
  CHECK(report.delimiter == ";");
  CHECK(report.decimal == kexport::DecimalStyle::comma);
  CHECK(report.layout == kexport::Layout::long_table);
  CHECK(report.title_rows == 2);  // two lines of title; the blank line under them is not one
  CHECK(report.note_rows == 2);
  CHECK(report.source == "TÜİK");
}

TEST_CASE("TÜİK wide sheet: provinces by month in thousand dollars", "[real]") {
  check_equivalent("tuik-wide-provinces.csv");
  const auto report = report_of("tuik-wide-provinces.csv");
  CHECK(report.layout == kexport::Layout::wide);
  CHECK(report.unit == kexport::ValueUnit::thousand_dollars);
  CHECK(report.decimal == kexport::DecimalStyle::comma);
  CHECK(report.unpublished.size() == 9);           // April to December are zero everywhere
  CHECK(report.unpublished.front() == "2025-04");  // the title's year
  CHECK(report.unpublished.back() == "2025-12");
  REQUIRE(report.total_mismatches.size() == 1);  // İstanbul's TOPLAM is one thousand off
  const auto& mismatch = report.total_mismatches[0];
  CHECK(mismatch.where.file == "tuik-wide-provinces.csv");
  CHECK(mismatch.where.line == 6);
  CHECK(mismatch.written == "25.600.001");
  CHECK(mismatch.stated - mismatch.months == 100'000);  // one thousand dollars, in cents
}

TEST_CASE("TİM sector sheet: BOM, CRLF, province in the title, sub-groups", "[real]") {
  check_equivalent("tim-sectors-kayseri.csv");
  const auto report = report_of("tim-sectors-kayseri.csv");
  CHECK(report.encoding == kexport::TextEncoding::utf8);
  CHECK(report.byte_order_mark);
  CHECK(report.group_rows == 3);
  CHECK(report.title_rows == 2);
  CHECK(report.source == "TİM");
  CHECK(report.unit == kexport::ValueUnit::thousand_dollars);
}

TEST_CASE("English headers, tabs and thousand USD", "[real]") {
  check_equivalent("english.tsv");
}

TEST_CASE("Ministry file with ASCII spellings and periods as written", "[real]") {
  check_equivalent("ministry.csv");
}

TEST_CASE("amounts that could be either style are refused unless told", "[real]") {
  try {
    load("ambiguous.csv");
    FAIL("an ambiguous file was loaded");
  } catch (const kexport::DataError& e) {
    CHECK(e.where().line == 2);
    CHECK(e.where().column == 17);
    CHECK_THAT(e.what(), Catch::Contains("--decimal") && Catch::Contains("'1.234' could be"));
  }
  kexport::LoadOptions comma;
  comma.decimal = kexport::DecimalStyle::comma;
  CHECK(load("ambiguous.csv", comma) ==
        std::vector<std::string>{"Kayseri 2025-01 * * 123400 ", "Kayseri 2025-02 * * 250000 "});
  kexport::LoadOptions point;
  point.decimal = kexport::DecimalStyle::point;
  CHECK_THROWS_WITH(load("ambiguous.csv", point), Catch::Contains("fractions of a cent"));
  // --unit does not change a file that states its unit: value_usd is in dollars.
  point.unit = kexport::ValueUnit::thousand_dollars;
  CHECK_THROWS_WITH(load("ambiguous.csv", point), Catch::Contains("fractions of a cent"));
  // A value column that states none is read in the unit --unit gives.
  CHECK(test::records_of(test::load_text("d.csv", "period,province,Değer\n2025-01,Kayseri,1.234\n", point)) ==
        std::vector<std::string>{"Kayseri 2025-01 * * 123400 "});
}

TEST_CASE("mojibake is refused with a hint, never loaded as new names", "[real]") {
  for (auto [name, column] : {std::pair{"mojibake.csv", 15}, std::pair{"mojibake-utf8.csv", 9}}) {
    INFO(name);
    try {
      load(name);
      FAIL("mojibake was loaded");
    } catch (const kexport::DataError& e) {
      CHECK(e.where().line == 2);
      CHECK(e.where().column == static_cast<std::uint64_t>(column));
      CHECK_THAT(e.what(), Catch::Contains("garbled"));
    }
  }
}

TEST_CASE("the same bytes in UTF-8 and Windows-1254 load alike", "[real]") {
  const std::string utf8 = "YIL;AY;İL;ÜLKE;DEĞER\n2025;ŞUBAT;KAYSERİ;IRAK;1.234,5\n";
  const std::string cp1254 =
      "YIL;AY;\xDDL;\xDCLKE;DE\xD0"
      "ER\n2025;\xDE"
      "UBAT;KAYSER\xDD;IRAK;1.234,5\n";
  CHECK(test::records_of(test::load_text("a.csv", utf8)) ==
        test::records_of(test::load_text("b.csv", cp1254)));
  CHECK(test::records_of(test::load_text("a.csv", utf8)) ==
        std::vector<std::string>{"Kayseri 2025-02 IQ * 123450 "});
}

TEST_CASE("unit and source options label files that say neither", "[real]") {
  kexport::LoadOptions options;
  options.unit = kexport::ValueUnit::thousand_dollars;
  options.source = "TİM";
  // value_usd states dollars: --unit thousand made it "291 milyar" before; it is for files that
  // state no unit.
  CHECK(load("revision-1.csv", options) ==
        std::vector<std::string>{"Kayseri 2025-01 * * 10000 TİM", "Kayseri 2025-02 * * 20000 TİM"});
  CHECK(test::records_of(test::load_text("t.csv", "Dönem,İl,Değer\n2025-01,Kayseri,100\n", options)) ==
        std::vector<std::string>{"Kayseri 2025-01 * * 10000000 TİM"});
}

TEST_CASE("validate reports formats, totals, revisions and problems", "[real][validate]") {
  const auto& g = kexport::Gazetteer::builtin();
  const auto report = kexport::validate_inputs({fixture("tim-sectors-kayseri.csv"), fixture("revision-1.csv"),
                                                fixture("revision-2.csv"), fixture("mojibake.csv")},
                                               g, {});
  REQUIRE(report.files.size() == 4);
  CHECK_FALSE(report.clean());  // the mojibake file cannot be read
  CHECK(report.files[3].fatal);
  const auto& tim = report.files[0];
  CHECK(tim.first_month == kexport::Period::from_year_month(2025, 1));
  CHECK(tim.last_month == kexport::Period::from_year_month(2025, 2));
  REQUIRE(tim.totals.size() == 2);  // the TOPLAM row exceeds its sectors in both months
  CHECK(tim.totals[0].total == 29000012300);
  CHECK(tim.totals[0].sum_of_parts == 28510050000);
  REQUIRE(report.revisions.size() == 1);
  CHECK(report.revisions[0].earlier_file == "revision-1.csv");
  CHECK(report.revisions[0].later_file == "revision-2.csv");
  CHECK(report.revisions[0].old_value == 20000);
  CHECK(report.revisions[0].new_value == 25000);
  const auto& second = report.files[2];
  CHECK(second.missing_months.empty());

  const auto clean = kexport::validate_inputs({fixture("revision-1.csv"), fixture("revision-2.csv")}, g, {});
  CHECK(clean.clean());
}

TEST_CASE("validate collects every bad row and duplicate", "[real][validate]") {
  const auto report = kexport::validate_inputs({{"bad.csv",
                                                 "period,province,value_usd\n2025-01,Kayseri,1\n2025-13,"
                                                 "Kayseri,1\n2025-02,Nowhere,1\n2025-01,Kayseri,2\n"
                                                 "2025-04,Kayseri,1\n",
                                                 kexport::InputFormat::automatic}},
                                               kexport::Gazetteer::builtin(), {});
  REQUIRE(report.files.size() == 1);
  const auto& f = report.files[0];
  REQUIRE(f.file.problems.size() == 3);
  CHECK_THAT(f.file.problems[0], Catch::StartsWith("bad.csv:3:1:"));
  CHECK_THAT(f.file.problems[1], Catch::StartsWith("bad.csv:4:9:"));
  CHECK_THAT(f.file.problems[2], Catch::StartsWith("bad.csv:5:") && Catch::Contains("as line 2"));
  REQUIRE(f.missing_months.size() == 2);  // 2025-02 and 2025-03 hold no record
  CHECK(f.missing_months[0] == kexport::Period::from_year_month(2025, 2));
  CHECK_FALSE(report.clean());
}

TEST_CASE("validate on the command line", "[real][validate][cli]") {
  const auto ok =
      test::run_kexport("validate --lang en " + fixtures + "revision-1.csv " + fixtures + "revision-2.csv");
  CHECK(ok.exit_code == 0);
  CHECK_THAT(ok.out, Catch::Contains("revisions") && Catch::Contains("No problems found."));
  const auto bad = test::run_kexport("validate --format json " + fixtures + "mojibake.csv");
  CHECK(bad.exit_code == 65);
  CHECK_THAT(bad.out, Catch::Contains("\"clean\": false") && Catch::Contains("garbled"));
  // A TOPLAM cell that is not the sum of its months, said in the reader's language (İstanbul's
  // row is one thousand thousand-dollar units off).
  const std::string wide = fixtures + "tuik-wide-provinces.csv";
  const auto tr = test::run_kexport("validate " + wide);
  CHECK_THAT(tr.out, Catch::Contains("TOPLAM hücresindeki 25.600.001, ayların toplamına eşit değil (yazılan "
                                     "25.600.001.000,00 $, ayların toplamı 25.600.000.000,00 $)"));
  const auto en = test::run_kexport("validate --lang en " + wide);
  CHECK_THAT(en.out, Catch::Contains("the total 25.600.001 is not the sum of the months ($25,600,001,000.00 "
                                     "written, the months make $25,600,000,000.00)"));
  const auto json = nlohmann::json::parse(test::run_kexport("validate -f json " + wide).out);
  const auto& mismatch = json["files"][0]["total_mismatches"][0];
  CHECK(mismatch["line"] == 6);
  CHECK(mismatch["total"] == 25600001000.0);
  CHECK(mismatch["sum_of_months"] == 25600000000.0);
}

TEST_CASE("TİM province table of 2009: names with '?' for Turkish letters, KÜMÜLATİF", "[real]") {
  check_equivalent("tim-provinces-2009.csv");
  const auto report = report_of("tim-provinces-2009.csv");
  CHECK(report.unit == kexport::ValueUnit::dollars);
  CHECK(report.unit_assumed);  // the title names no unit
  // Each name read by the one name it fits, and said so.
  std::vector<std::string> fitted;
  for (const auto& note : report.notes)
    if (note.kind == kexport::FileNote::Kind::fitted_name) fitted.push_back(note.detail);
  CHECK(fitted == std::vector<std::string>{"?STANBUL → İstanbul", "?ZM?R → İzmir", "KAYSER? → Kayseri",
                                           "?ANLIURFA → Şanlıurfa"});
  // KÜMÜLATİF is the months' total, checked like TOPLAM: here it agrees.
  CHECK(report.total_mismatches.empty());
  const std::string text = "TİM 2009\nİL,OCAK,ŞUBAT,KÜMÜLATİF\nKAYSERİ,10,20,31\n";
  const auto off = kexport::load_dataset({{"k.csv", text, kexport::InputFormat::automatic}}, {});
  REQUIRE(off.files.front().total_mismatches.size() == 1);
  CHECK(off.files.front().total_mismatches[0].stated - off.files.front().total_mismatches[0].months == 100);
}

TEST_CASE("a name with '?' that no name fits, or several do, is an error", "[real]") {
  const auto load_text = [](const std::string& text) {
    return kexport::load_dataset({{"q.csv", text, kexport::InputFormat::automatic}}, {});
  };
  CHECK_THROWS_WITH(load_text("period,province,value_usd\n2025-01,KAYSE?\?,1\n"),
                    Catch::Contains("unknown province 'KAYSE?\?'"));
  CHECK_THROWS_WITH(load_text("period,province,country,value_usd\n2025-01,Kayseri,?XYZ,1\n"),
                    Catch::Contains("'?XYZ' has '?' for letters, and no name fits it"));
}

TEST_CASE("TİM country table: country subtotals, free zones, the grand total", "[real][validate]") {
  check_equivalent("tim-countries.csv");
  const auto& g = kexport::Gazetteer::builtin();
  const auto report = kexport::validate_inputs({fixture("tim-countries.csv")}, g, {});
  REQUIRE(report.files.size() == 1);
  const auto& f = report.files[0];
  CHECK(f.free_zones == std::vector<std::string>{"KAYSERİ SERBEST BÖLGESİ"});
  CHECK(f.unknown_countries.empty());
  CHECK(f.totals.empty());  // every subtotal is the sum of its provinces' rows
  // A subtotal that is not: named by its country.
  std::string text = test::read_file(fixtures + "tim-countries.csv");
  text.replace(text.find("\"400,5\""), 7, "\"390\"");
  const auto off = kexport::validate_inputs({{"off.csv", text, kexport::InputFormat::automatic}}, g, {});
  REQUIRE(off.files.at(0).totals.size() == 2);  // Almanya's subtotal, and so the grand total's parts
  const auto& almanya = off.files[0].totals[0];
  REQUIRE(almanya.country.has_value());
  CHECK(almanya.country->code(g) == "DE");
  CHECK(almanya.parts == kexport::Breakdown::provinces);
  CHECK(almanya.total == 39'000'000);
  CHECK(almanya.sum_of_parts == 40'050'000);
  // A plain TOPLAM under an empty province (a province's total, its name in a merged cell above)
  // is not taken for Türkiye's: it is an error naming the cell.
  const std::string merged = "2025\nSEKTÖR,İL,OCAK\nHububat,KAYSERİ,10\nTOPLAM,,10\n";
  CHECK_THROWS_WITH(kexport::load_dataset({{"m.csv", merged, kexport::InputFormat::automatic}}, {}),
                    Catch::Contains("m.csv:4:8: the province is empty"));
}

TEST_CASE("validate doubts an assumed unit when figures are a thousand times too small", "[real][validate]") {
  const auto& g = kexport::Gazetteer::builtin();
  const auto doubt = [&](const std::string& text, kexport::LoadOptions options = {}) {
    return kexport::validate_inputs({{"u.csv", text, kexport::InputFormat::automatic}}, g, options)
        .files.at(0)
        .unit_doubt;
  };
  // Türkiye's month at 20.5 million "dollars": surely thousands.
  const std::string national = "2025\nİL,OCAK\nKAYSERİ,\"291.804,5\"\nGENEL TOPLAM,\"20.500.000\"\n";
  const auto found = doubt(national);
  REQUIRE(found);
  CHECK(found->province == kexport::national_total);
  CHECK(found->cents == 2'050'000'000);
  // A province's month at 512 "dollars".
  const auto small = doubt("2025\nİL,OCAK\nKAYSERİ,\"291.804,5\"\nBAYBURT,512\n");
  REQUIRE(small);
  CHECK(small->province == 69);  // Bayburt
  // Not when the unit is stated, by the file or by --unit, nor when the figures are plausible.
  CHECK_FALSE(doubt("2025 (1000 $)\nİL,OCAK\nKAYSERİ,\"291.804,5\"\nGENEL TOPLAM,\"20.500.000\"\n"));
  kexport::LoadOptions thousand;
  thousand.unit = kexport::ValueUnit::thousand_dollars;
  CHECK_FALSE(doubt(national, thousand));
  CHECK_FALSE(doubt("2025\nİL,OCAK\nKAYSERİ,\"291.804.236,45\"\nGENEL TOPLAM,\"20.500.000.000\"\n"));
}

TEST_CASE("TİM sector table of cumulative columns: the months are their differences", "[real]") {
  check_equivalent("tim-sectors-cumulative.csv");
  const auto report = report_of("tim-sectors-cumulative.csv");
  REQUIRE(report.notes.size() == 2);
  CHECK(report.notes[0] == kexport::FileNote{kexport::FileNote::Kind::unit_stated, 0,
                                             "'TİM SEKTÖREL BAZDA İL İHRACATI (1000 $)' → thousand USD"});
  CHECK(report.notes[1].kind == kexport::FileNote::Kind::months_from_cumulative);
  const auto load_text = [](const std::string& text) {
    return kexport::load_dataset({{"c.csv", text, kexport::InputFormat::automatic}}, {});
  };
  // A range is never read as a month: with months of its own, the sheet leaves its ranges out.
  const auto months = load_text("2025\nİL,OCAK,ŞUBAT,OCAK-ŞUBAT\nKAYSERİ,10,20,30\n");
  CHECK(test::records_of(months) ==
        test::records_of(load_text("period,province,value_usd\n2025-01,Kayseri,10\n"
                                   "2025-02,Kayseri,20\n")));
  // Cumulative columns that do not chain month by month from January, a range that does not
  // start in January, and a year so far that falls, are refused at the cell.
  CHECK_THROWS_WITH(
      load_text("2025\nİL,1 Ocak-31 Ocak 2025,1 Ocak-31 Mart 2025\nKAYSERİ,10,45\n"),
      Catch::Contains("c.csv:2:24: a cumulative column through Mart without one through Şubat"));
  CHECK_THROWS_WITH(load_text("2025\nİL,NİSAN-HAZİRAN\nKAYSERİ,10\n"),
                    Catch::Contains("a range of months that does not start in January"));
  CHECK_THROWS_WITH(load_text("2025\nİL,1 Ocak-31 Ocak 2025,1 Ocak-28 Şubat 2025\nKAYSERİ,10,5\n"),
                    Catch::Contains("c.csv:3:12: the year so far (5) is less than through the month before"));
}

TEST_CASE("TÜİK query export: imports beside exports, a record of each flow per row", "[real]") {
  check_equivalent("tuik-query.csv");
  const auto report = report_of("tuik-query.csv");
  // The unit is the title's, said; the header's "(USD)" agrees with it. TÜİK's query names no
  // province basis: head office, its tables' own, is assumed and said.
  CHECK(report.notes ==
        std::vector<kexport::FileNote>{
            {kexport::FileNote::Kind::unit_stated, 0, "'ülke ve fasıla göre dış ticaret (ABD Doları)' → USD"},
            {kexport::FileNote::Kind::basis_assumed, 0, "TÜİK"}});
  CHECK(report.rows == 6);
  CHECK(report.source == "TÜİK");
  CHECK(report.title_rows == 2);
}

TEST_CASE("a table of imports that only its title names so", "[real]") {
  check_equivalent("tuik-imports-title.csv");
  const auto report = report_of("tuik-imports-title.csv");
  CHECK(report.layout == kexport::Layout::wide);
  CHECK(report.unit == kexport::ValueUnit::thousand_dollars);
  CHECK(report.source == "TÜİK");
  // --data-flow does not override what the title says.
  kexport::LoadOptions exports;
  exports.flow = kexport::Flow::exports;
  CHECK(load("tuik-imports-title.csv", exports) == load("tuik-imports-title.canonical.csv"));
}

TEST_CASE("a flow column, in Turkish", "[real]") {
  check_equivalent("flow-column.csv");
}

TEST_CASE("header cells in two languages, a line each", "[real]") {
  check_equivalent("bilingual.csv");
  CHECK(report_of("bilingual.csv").unit == kexport::ValueUnit::thousand_dollars);
}

TEST_CASE("months in one header row, their years in the row below", "[real]") {
  check_equivalent("two-row-header.csv");
  // Without a row of years below, months named alone still need a year from somewhere.
  CHECK_THROWS_WITH(
      kexport::load_dataset({{"y.csv", "İL,OCAK,ŞUBAT\nKAYSERİ,1,2\n", kexport::InputFormat::automatic}}, {}),
      Catch::Contains("months as columns without a year"));
}
