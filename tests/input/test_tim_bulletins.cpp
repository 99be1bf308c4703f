// TİM's bulletins as TİM lays them out (tests/fixtures/bulletins, written by make_bulletins.py):
// each workbook loads to exactly the records of its CSV twin, which the generator wrote from the
// same cents without reading the workbook; and the period labels over the blocks read as TİM means
// them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "helpers.hpp"
#include "input/bulletin/tim_period_label.hpp"
#include "kexport/input/load.hpp"

using kexport::input::parse_period_label;
using kexport::input::span_of;
using kexport::input::SpanKind;

namespace {

const std::string bulletins = std::string(KEXPORT_TEST_DIR) + "/fixtures/bulletins/";

std::vector<std::string> records_with_bases(const kexport::Dataset& data) {
  std::vector<std::string> records = test::records_of(data);
  // Every record is TİM's, on TİM's basis: the twin says TİM and nothing of the basis.
  for (const kexport::Basis basis : data.bases) CHECK(basis == kexport::Basis::registration);
  return records;
}

kexport::Dataset load(const std::string& name, const kexport::LoadOptions& options = {}) {
  return kexport::load_dataset({{name, test::read_file(bulletins + name)}}, options);
}

void check_twin(const std::string& workbook) {
  INFO(workbook);
  const std::string twin = workbook.substr(0, workbook.rfind('.')) + ".canonical.csv";
  const auto read = records_with_bases(load(workbook));
  const auto expected = records_with_bases(load(twin));
  REQUIRE(read.size() == expected.size());
  CHECK(read == expected);
  CHECK(read.size() > 100);
}

}  // namespace

TEST_CASE("each TİM bulletin gives exactly the records of its twin", "[bulletin]") {
  for (const char* name :
       {"2026-02-il-bazinda-sektor-rakamlari.xlsx", "2026-01-il-bazinda-sektor-rakamlari.xlsx",
        "2025-04-il-bazinda-sektor-rakamlari.xlsx", "2024-12-il-bazinda-sektor-rakamlari.xlsx",
        "2023-06-iller-bazinda-sektor-rakamlari.xlsx",
        "2026-02-ulkelere-gore-sektorel-ihracat-rakamlari.xlsx", "2020-11-sektorel-bazda-rakamlar.xlsx"})
    check_twin(name);
}

TEST_CASE("TİM's provinces by month as .xlsx and as the older .xls", "[bulletin]") {
  // The sector bulletin of February has 56 records: 27 sectors and the total, for two months.
  CHECK(load("2026-02-sektorel-bazda-rakamlar.xlsx").size() == 56);
  // A plain table under a dated title, which names no publisher: --source says whose it is.
  kexport::LoadOptions options;
  options.source = "TİM";
  for (const char* name : {"2026-02-iller-bazinda-rakamlar.xlsx", "il_ihr_02_2026.xls"}) {
    INFO(name);
    const kexport::Dataset data = load(name, options);
    CHECK(test::records_of(data) == test::records_of(load("2026-02-iller-bazinda-rakamlar.canonical.csv")));
    CHECK(data.files.front().vintage == 20260228);
  }
}

TEST_CASE("TÜİK's trade query as its application exports it, as CSV and as a workbook", "[bulletin]") {
  for (const char* name : {"tuik-sorgu-2025.csv", "tuik-sorgu-2025.xlsx"}) {
    INFO(name);
    const kexport::Dataset data = load(name);
    CHECK(test::records_of(data) == test::records_of(load("tuik-sorgu-2025.canonical.csv")));
    CHECK(data.size() > 50);
    // EURO, TL and MIKTAR_1 are the same rows in other units: left out, and said.
    const auto& notes = data.files.front().notes;
    CHECK(std::find(notes.begin(), notes.end(),
                    kexport::FileNote{kexport::FileNote::Kind::columns_left_out, 0, "EURO, TL, MIKTAR_1"}) !=
          notes.end());
  }
  // Tariff lines are finer than a chapter: refused at the column, not counted twice or dropped.
  CHECK_THROWS_WITH(load("bad/tuik-query-tariff-lines.csv"),
                    Catch::Contains("tuik-query-tariff-lines.csv:1:55: 'TARIFE6': rows of tariff lines"));
}

TEST_CASE("a bulletin's release is the date its title gives", "[bulletin]") {
  const kexport::Dataset data = load("2026-02-il-bazinda-sektor-rakamlari.xlsx");
  const kexport::LoadedFile& file = data.files.front();
  CHECK(file.vintage == 20260228);
  CHECK(file.vintage_from == "title");
  CHECK(file.source == "TİM");
  CHECK(file.layout == kexport::Layout::bulletin);
  CHECK(file.unit == kexport::ValueUnit::thousand_dollars);
}

TEST_CASE("TİM's period labels", "[bulletin]") {
  // The month, with TİM's day range.
  auto label = parse_period_label("1 - 28 ŞUBAT");
  REQUIRE(label);
  CHECK(span_of(*label, 2025, 2026).kind == SpanKind::month);
  CHECK(span_of(*label, 2025, 2026).month == 2);
  // February of a leap year in either column.
  CHECK(span_of(*parse_period_label("1 - 29 ŞUBAT"), 2023, 2024).kind == SpanKind::month);
  CHECK(span_of(*parse_period_label("1 - 28 ŞUBAT"), 2023, 2024).kind == SpanKind::month);
  // Month names without their Turkish letters, or with a dotless i.
  for (const char* text : {"1 - 30 NISAN", "1 - 30 NİSAN", "1-30 Nisan"}) {
    INFO(text);
    REQUIRE(parse_period_label(text));
    CHECK(span_of(*parse_period_label(text), 2024, 2025).month == 4);
  }
  CHECK(span_of(*parse_period_label("1 - 31 ARALıK"), 2023, 2024).month == 12);
  // The year to date; one month of it is the month itself.
  const auto to_date = span_of(*parse_period_label("1 OCAK - 28 ŞUBAT"), 2025, 2026);
  CHECK(to_date.kind == SpanKind::year_to_date);
  CHECK(to_date.month == 2);
  CHECK(span_of(*parse_period_label("OCAK - MART"), 2025, 2026).kind == SpanKind::year_to_date);
  // What is no month: a day, part of a month, a span not from January, a day the month lacks.
  CHECK(span_of(*parse_period_label("31 OCAK"), 2025, 2026).kind == SpanKind::day);
  CHECK(span_of(*parse_period_label("1 - 15 ŞUBAT"), 2025, 2026).kind == SpanKind::part_of_month);
  CHECK(span_of(*parse_period_label("1 - 30 ARALIK"), 2024, 2025).kind == SpanKind::part_of_month);
  CHECK(span_of(*parse_period_label("1 MART - 31 MAYIS"), 2024, 2025).kind == SpanKind::other_range);
  CHECK(span_of(*parse_period_label("1 - 31 NİSAN"), 2024, 2025).kind == SpanKind::other_range);
  // Not labels at all.
  for (const char* text : {"", "ŞUBAT AYI İHRACATI", "1 - 28", "28 - 1 ŞUBAT", "MART - OCAK", "2026"}) {
    INFO(text);
    CHECK_FALSE(parse_period_label(text));
  }
}
