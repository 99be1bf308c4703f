// Workbooks as spreadsheet programs write them (tests/fixtures/sheets, made by
// tests/fixtures/make_spreadsheets.py with openpyxl and XlsxWriter) load to the same records as
// their CSV twins; their problems are named by sheet and cell.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "helpers.hpp"
#include "input/table/spreadsheet_dates.hpp"
#include "kexport/model/error.hpp"

namespace {

namespace fs = std::filesystem;

const std::string sheets = std::string(KEXPORT_TEST_DIR) + "/fixtures/sheets/";
const std::string real = std::string(KEXPORT_TEST_DIR) + "/fixtures/real/";

kexport::Dataset load(const std::string& path, kexport::LoadOptions options = {}) {
  return kexport::load_dataset({{path, test::read_file(path)}}, options);
}

}  // namespace

TEST_CASE("each workbook twin loads to its CSV's records", "[xlsx][ods][xls]") {
  // Each CSV fixture as openpyxl, XlsxWriter or libxlsxwriter wrote it (.xlsx), and as LibreOffice
  // saved that workbook again (.ods, .xls).
  const std::vector<std::pair<std::string, std::string>> twins = {
      {"tuik-long-1254", real + "tuik-long-1254.canonical.csv"},
      {"tuik-wide-provinces", real + "tuik-wide-provinces.canonical.csv"},
      {"tim-sectors-kayseri", real + "tim-sectors-kayseri.canonical.csv"},
      {"ministry", real + "ministry.canonical.csv"},
      {"english", real + "english.canonical.csv"},
      {"monthly-sheets", sheets + "monthly-sheets.canonical.csv"},
      {"dates-1900", sheets + "dates.canonical.csv"},
      {"dates-1904", sheets + "dates.canonical.csv"},
      // Formulas, whose results LibreOffice computed and stored in each format.
      {"formulas", sheets + "formulas.canonical.csv"},
      // TİM's and TÜİK's layouts (tests/input/test_real_inputs.cpp says what each holds).
      {"tim-provinces-2009", real + "tim-provinces-2009.canonical.csv"},
      {"tim-countries", real + "tim-countries.canonical.csv"},
      {"tim-sectors-cumulative", real + "tim-sectors-cumulative.canonical.csv"},
      {"tuik-query", real + "tuik-query.canonical.csv"},
      {"bilingual", real + "bilingual.canonical.csv"},
      {"two-row-header", real + "two-row-header.canonical.csv"},
  };
  for (const auto& [workbook, canonical] : twins) {
    const auto expected = test::records_of(load(canonical));
    // The monthly workbook's February is a hidden sheet, read only when named.
    kexport::LoadOptions options;
    if (workbook == "monthly-sheets") options.sheets = {"Ocak", "Şubat"};
    for (const std::string format : {".xlsx", ".ods", ".xls"}) {
      INFO(workbook + format);
      const auto from_sheet = test::records_of(load(sheets + workbook + format, options));
      CHECK_FALSE(from_sheet.empty());
      CHECK(from_sheet == expected);
    }
  }
  // Text cells only (XlsxWriter's inline strings), and libxlsxwriter's own output.
  const std::vector<std::pair<std::string, std::string>> more = {
      {"tuik-long-1254-text.xlsx", real + "tuik-long-1254.canonical.csv"},
      {"ministry-libxlsxwriter.xlsx", real + "ministry.canonical.csv"},
      {"tuik-wide-provinces-libxlsxwriter.xlsx", real + "tuik-wide-provinces.canonical.csv"},
      // Written by hand: prefixes, comments and CDATA among the rows, character references.
      {"markup.xlsx", sheets + "markup.canonical.csv"},
      // Amounts stored as numbers, and one in Turkish text below them that settles the style.
      {"text-amount-below.xlsx", sheets + "text-amount-below.canonical.csv"},
  };
  for (const auto& [workbook, canonical] : more) {
    INFO(workbook);
    const auto from_sheet = test::records_of(load(sheets + workbook));
    CHECK_FALSE(from_sheet.empty());
    CHECK(from_sheet == test::records_of(load(canonical)));
  }
}

TEST_CASE("a workbook's sheets are files of their own, with what a reader should know", "[xlsx][ods][xls]") {
  for (const std::string format : {"xlsx", "ods", "xls"}) {
    INFO(format);
    const std::string book = sheets + "monthly-sheets." + format;
    const auto data = load(book);
    REQUIRE(data.files.size() == 3);
    CHECK(data.files[0].name == book + "[Açıklamalar]");
    CHECK(data.files[0].rows == 0);
    REQUIRE(data.files[0].notes.size() == 1);
    CHECK(data.files[0].notes[0].kind == kexport::FileNote::Kind::no_table);
    CHECK_THAT(data.files[0].notes[0].detail, Catch::StartsWith("no header line found"));
    CHECK(data.files[1].name == book + "[Ocak]");
    CHECK(data.files[1].format == format);
    CHECK(data.files[1].title_rows == 1);
    CHECK(data.files[1].notes ==
          std::vector<kexport::FileNote>{
              {kexport::FileNote::Kind::unit_stated, 0, "'2025 OCAK AYI İL BAZINDA İHRACAT ($)' → USD"},
              {kexport::FileNote::Kind::basis_assumed, 0, "TÜİK"},
              {kexport::FileNote::Kind::hidden_rows, 1, {}}});
    // A hidden sheet is passed over, and said; named by --sheet, it is read.
    CHECK(data.files[2].name == book + "[Şubat]");
    CHECK(data.files[2].rows == 0);
    CHECK(data.files[2].notes ==
          std::vector<kexport::FileNote>{{kexport::FileNote::Kind::hidden_sheet_skipped, 0, {}}});
    kexport::LoadOptions named;
    named.sheets = {"Şubat"};
    const auto hidden = load(book, named);
    REQUIRE(hidden.files.size() == 1);
    CHECK(hidden.files[0].rows > 0);
    REQUIRE_FALSE(hidden.files[0].notes.empty());
    CHECK(hidden.files[0].notes.back() == kexport::FileNote{kexport::FileNote::Kind::hidden_sheet, 0, {}});
  }
}

TEST_CASE("the sheets to read are chosen by name or number", "[xlsx]") {
  kexport::LoadOptions options;
  options.sheets = {"şubat"};
  auto data = load(sheets + "monthly-sheets.xlsx", options);
  REQUIRE(data.files.size() == 1);
  CHECK(data.files[0].name.ends_with("[Şubat]"));
  options.sheets = {"2"};
  data = load(sheets + "monthly-sheets.xlsx", options);
  REQUIRE(data.files.size() == 1);
  CHECK(data.files[0].name.ends_with("[Ocak]"));
  // A sheet chosen by name must hold a table.
  options.sheets = {"Açıklamalar"};
  CHECK_THROWS_WITH(load(sheets + "monthly-sheets.xlsx", options),
                    Catch::Contains("[Açıklamalar]!A1: no header"));
  options.sheets = {"Mart"};
  CHECK_THROWS_WITH(load(sheets + "monthly-sheets.xlsx", options),
                    Catch::Contains("no sheet 'Mart'; it has: Açıklamalar, Ocak, Şubat"));
}

TEST_CASE("date serials become the month they fall in", "[xlsx]") {
  using kexport::input::period_of_serial;
  // Serials worked out by hand from each system's day 0: 1899-12-30 (1900 system, after its
  // phantom 29 February 1900) and 1904-01-01.
  CHECK(period_of_serial("45658", false) == "2025-01");  // 2025-01-01
  CHECK(period_of_serial("45688", false) == "2025-01");  // 2025-01-31
  CHECK(period_of_serial("45689", false) == "2025-02");  // 2025-02-01
  CHECK(period_of_serial("45658.75", false) == "2025-01");
  CHECK(period_of_serial("1", false) == "1900-01");
  CHECK(period_of_serial("61", false) == "1900-03");
  CHECK(period_of_serial("44196", true) == "2025-01");  // 2025-01-01 in the 1904 system
  CHECK(period_of_serial("0", false).empty());
  CHECK(period_of_serial("abc", false).empty());
  CHECK(kexport::input::is_date_format("mmm.yy"));
  CHECK(kexport::input::is_date_format("[$-41F]mmmm yy;@"));
  CHECK(kexport::input::is_date_format("dd.mm.yyyy"));
  CHECK_FALSE(kexport::input::is_date_format("#,##0.00"));
  CHECK_FALSE(kexport::input::is_date_format("0.00\"m\""));
  CHECK_FALSE(kexport::input::is_date_format("[Red]0.00"));
}

TEST_CASE("the binary reads a workbook as it reads its CSV twin", "[xlsx][cli]") {
  const auto text =
      test::run_kexport("--data " + real + "tuik-long-1254.csv summary -p Kayseri -m 2025-02 -f json");
  REQUIRE(text.exit_code == 0);
  for (const std::string format : {"xlsx", "ods", "xls"}) {
    INFO(format);
    const auto sheet = test::run_kexport("--data " + sheets + "tuik-long-1254." + format +
                                         " summary -p Kayseri -m 2025-02 -f json");
    REQUIRE(sheet.exit_code == 0);
    CHECK(sheet.out == text.out);
  }
  // A directory of workbooks in every format reads each of them.
  const test::TempDir dir;
  for (const std::string name : {"dates-1900.xlsx", "tim-sectors-kayseri.ods", "monthly-sheets.xls"})
    fs::copy_file(sheets + name, dir.path / name);
  const auto all = test::run_kexport("validate " + dir.path.string() + " -f json");
  REQUIRE(all.exit_code == 0);
  // validate reports each sheet as a file, with its own months and provinces.
  const auto files = nlohmann::json::parse(all.out)["files"];
  REQUIRE(files.size() == 5);  // 1 + 3 + 1 sheets
  CHECK(files[1]["file"] == (dir.path / "monthly-sheets.xls[Açıklamalar]").string());
  CHECK(files[1]["rows"] == 0);
  CHECK(files[1]["provinces"] == 0);
  CHECK(files[2]["file"] == (dir.path / "monthly-sheets.xls[Ocak]").string());
  CHECK(files[2]["first_period"] == "2025-01");
  CHECK(files[2]["last_period"] == "2025-01");
  CHECK(files[2]["provinces"] == 1);
  // February is a hidden sheet: passed over, and said.
  CHECK(files[3]["file"] == (dir.path / "monthly-sheets.xls[Şubat]").string());
  CHECK(files[3]["rows"] == 0);
  CHECK(files[3]["notes"][0]["kind"] == "hidden_sheet_skipped");
  CHECK(files[4]["format"] == "ods");
  const auto bad = test::run_kexport("--data " + std::string(KEXPORT_TEST_DIR) +
                                     "/malformed/xlsx-formula-without-value.xlsx summary -p Kayseri");
  CHECK(bad.exit_code == 65);
  CHECK(bad.out.empty());
  CHECK_THAT(bad.err, Catch::Contains("xlsx[Sayfa1]!C2: a formula without a stored result"));
}
