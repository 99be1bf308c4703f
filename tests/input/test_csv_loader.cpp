#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "input/table/record_interpreter.hpp"
#include "kexport/model/error.hpp"
#include "kexport/model/parallel.hpp"

using kexport::DataError;
using kexport::Period;
using test::load_text;

namespace {

// The records of a dataset as (province, month, country written or code, chapter, cents) text,
// so that tests compare what was loaded without depending on ids.
std::vector<std::string> describe(const kexport::Dataset& data) {
  std::vector<std::string> out;
  const auto& g = kexport::Gazetteer::builtin();
  for (std::size_t row = 0; row < data.size(); ++row) {
    const auto key = data.key(row);
    const auto& country = data.countries[key.country];
    std::string name = key.country == kexport::all_countries ? "*"
                       : country.gazetteer                   ? g.countries()[*country.gazetteer].code
                                                             : "?" + country.written;
    out.push_back(std::to_string(key.province) + " " + key.month.iso() + " " + name + " " +
                  std::to_string(key.chapter) + " " + std::to_string(data.cents[row]) + " " +
                  data.sources[key.source]);
  }
  return out;
}

DataError load_error(const std::string& text, const std::string& name = "bad.csv") {
  try {
    load_text(name, text);
  } catch (const DataError& e) {
    return e;
  }
  FAIL("the input was accepted: " << text);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("canonical CSV loads into exact records", "[load][csv]") {
  const auto data = load_text("a.csv",
                              "period,province,value_usd\n"
                              "2026-01,Kayseri,291804236.45\n"
                              "2025-12,KAYSERİ,1\n");
  CHECK(describe(data) == std::vector<std::string>{"38 2025-12 * 0 100 ", "38 2026-01 * 0 29180423645 "});
}

TEST_CASE("column order is free and unknown columns are ignored", "[load][csv]") {
  const auto a = load_text("a.csv",
                           "period,province,country,country_code,chapter,value_usd,source\n"
                           "2026-01,Kayseri,Almanya,DE,94,100.50,TÜİK\n");
  const auto b = load_text("b.csv",
                           "note,value_usd,chapter,source,country_code,country,province,period,extra\n"
                           "x,100.50,94,tuik,de,ALMANYA,38,2026-01,y\n");
  CHECK(describe(a) == describe(b));
  CHECK(describe(a) == std::vector<std::string>{"38 2026-01 DE 94 10050 TÜİK"});
}

TEST_CASE("year and month columns instead of period", "[load][csv]") {
  const auto data =
      load_text("a.csv", "year,month,province,value_usd\n2025,12,Ankara,5\n2026,Ocak,Ankara,6\n");
  CHECK(describe(data) == std::vector<std::string>{"6 2025-12 * 0 500 ", "6 2026-01 * 0 600 "});
}

TEST_CASE("BOM, CRLF and quoted fields", "[load][csv]") {
  const std::string plain = "period,province,country,value_usd\n2026-01,Kayseri,Almanya,10\n";
  const std::string dressed =
      "\xEF\xBB\xBF\"period\",\"province\",\"country\",\"value_usd\"\r\n\"2026-01\",\"Kayseri\",\"Almanya\","
      "\"10\"\r\n";
  CHECK(describe(load_text("a.csv", plain)) == describe(load_text("b.csv", dressed)));
  const auto quoted =
      load_text("c.csv",
                "period,province,country,value_usd,note\n"
                "2026-01,Kayseri,\"Bonaire, Sint Eustatius ve Saba\",7,\"a \"\"quoted\"\"\nnote\"\n"
                "2026-01,Kayseri,Almanya,8,x\n");
  CHECK(describe(quoted) == std::vector<std::string>{"38 2026-01 BQ 0 700 ", "38 2026-01 DE 0 800 "});
}

TEST_CASE("a country the gazetteer does not know is kept as written", "[load][csv]") {
  const auto data = load_text("a.csv", "period,province,country,value_usd\n2026-01,Kayseri,Atlantis,3\n");
  CHECK(describe(data) == std::vector<std::string>{"38 2026-01 ?Atlantis 0 300 "});
}

TEST_CASE("an empty country or TOPLAM is the province's total", "[load][csv]") {
  const auto data = load_text("a.csv",
                              "period,province,country,value_usd\n"
                              "2026-01,Kayseri,,10\n2026-02,Kayseri,TOPLAM,11\n2026-03,Kayseri,Toplam,12\n");
  CHECK(describe(data) ==
        std::vector<std::string>{"38 2026-01 * 0 1000 ", "38 2026-02 * 0 1100 ", "38 2026-03 * 0 1200 "});
}

TEST_CASE("malformed rows name file, line, column and what was expected", "[load][csv]") {
  const std::string header = "period,province,value_usd\n";
  SECTION("a bad value") {
    const auto e = load_error(header + "2026-01,Kayseri,12.3.4\n");
    CHECK(e.where().file == "bad.csv");
    CHECK(e.where().line == 2);
    CHECK(e.where().column == 17);
    CHECK_THAT(e.what(), Catch::Contains("expected"));
  }
  SECTION("a bad month") {
    const auto e = load_error(header + "2026-01,Kayseri,1\n2026-13,Kayseri,1\n");
    CHECK(e.where().line == 3);
    CHECK(e.where().column == 1);
    CHECK_THAT(e.what(), Catch::Contains("YYYY-MM"));
  }
  SECTION("an unknown province, with suggestions") {
    const auto e = load_error(header + "2026-01,Kaysery,1\n");
    CHECK(e.where().column == 9);
    CHECK_THAT(e.what(), Catch::Contains("unknown province 'Kaysery'") && Catch::Contains("Kayseri"));
  }
  SECTION("a ragged row") {
    const auto e = load_error(header + "2026-01,Kayseri\n");
    CHECK(e.where().line == 2);
    CHECK_THAT(e.what(), Catch::Contains("2 fields; expected 3"));
  }
  SECTION("a missing column") {
    const auto e = load_error("period,province\n2026-01,Kayseri\n");
    CHECK(e.where().line == 1);
    CHECK_THAT(e.what(), Catch::Contains("missing column value_usd"));
  }
  SECTION("a duplicate column") {
    const auto e = load_error("period,province,value_usd,il\n");
    CHECK(e.where().column == 27);
    CHECK_THAT(e.what(), Catch::Contains("second 'province' column"));
  }
  SECTION("a plate code that contradicts the name") {
    const auto e = load_error("period,province,province_code,value_usd\n2026-01,Kayseri,06,1\n");
    CHECK_THAT(e.what(), Catch::Contains("plate code 6 is Ankara, not Kayseri"));
  }
  SECTION("a negative value") {
    CHECK_THAT(load_error(header + "2026-01,Kayseri,-5\n").what(), Catch::Contains("non-negative"));
  }
  SECTION("an empty file") {
    CHECK_THAT(load_error("").what(), Catch::Contains("empty"));
  }
  SECTION("bytes that are not UTF-8 when UTF-8 is required") {
    kexport::LoadOptions utf8;
    utf8.encoding = kexport::TextEncoding::utf8;
    try {
      load_text("bad.csv", header + "2026-01,KAYSER\xDD,1\n", utf8);
      FAIL("invalid UTF-8 was accepted");
    } catch (const DataError& e) {
      CHECK(e.where().line == 2);
      CHECK(e.where().column == 15);
      CHECK_THAT(e.what(), Catch::Contains("not UTF-8"));
    }
  }
  SECTION("a NUL byte") {
    CHECK_THAT(load_error(header + std::string("2026-01,Kayseri,1\0\n", 19)).what(), Catch::Contains("NUL"));
  }
}

TEST_CASE("the same record twice in one file names both lines", "[load][csv]") {
  const auto e =
      load_error("period,province,country,value_usd\n2026-01,Kayseri,DE,1\n2026-01,Kayseri,Almanya,2\n");
  CHECK(e.where().line == 3);
  CHECK_THAT(e.what(), Catch::Contains("as line 2"));
}

TEST_CASE("a later file revises an earlier one", "[load][csv]") {
  const auto data =
      test::load_texts({{"first.csv", "period,province,value_usd\n2026-01,Kayseri,1\n2026-02,Kayseri,2\n"},
                        {"second.csv", "period,province,value_usd\n2026-01,Kayseri,5\n"}});
  CHECK(describe(data) == std::vector<std::string>{"38 2026-01 * 0 500 ", "38 2026-02 * 0 200 "});
  REQUIRE(data.revisions.size() == 1);
  CHECK(data.revisions[0].old_cents == 100);
  CHECK(data.revisions[0].new_cents == 500);
  CHECK(data.files[data.revisions[0].old_file].name == "first.csv");
  CHECK(data.files[data.revisions[0].new_file].name == "second.csv");
}

TEST_CASE("skipping bad rows counts and lists them", "[load][csv]") {
  kexport::LoadOptions options;
  options.skip_bad_rows = true;
  options.skipped_to_list = 2;
  const auto data = load_text("a.csv",
                              "period,province,value_usd\n2026-01,Kayseri,1\n2026-02,Nowhere,1\n"
                              "2026-03,Kayseri,x\n2026-04,Kayseri\n2026-05,Kayseri,4\n",
                              options);
  CHECK(data.size() == 2);
  CHECK(data.skipped_count == 3);
  REQUIRE(data.skipped.size() == 2);
  CHECK_THAT(data.skipped[0].message, Catch::StartsWith("a.csv:3:9:"));
  CHECK_THAT(data.skipped[1].message, Catch::StartsWith("a.csv:4:17:"));
}

TEST_CASE("semicolon and tab delimited files", "[load][csv]") {
  const auto comma = load_text("a.csv", "period,province,value_usd\n2026-01,Kayseri,1.5\n");
  CHECK(describe(load_text("b.csv", "period;province;value_usd\n2026-01;Kayseri;1.5\n")) == describe(comma));
  CHECK(describe(load_text("c.tsv", "period\tprovince\tvalue_usd\n2026-01\tKayseri\t1.5\n")) ==
        describe(comma));
}

TEST_CASE("a large file read in parallel gives the same records and line numbers", "[load][csv][parallel]") {
  // Over the threshold for parallel reading, with quoted fields holding line ends everywhere, so
  // that some cut falls inside one and the reading must notice and start again.
  std::string csv = "period,province,country,value_usd,note\n";
  std::size_t lines = 1;
  for (int i = 0; csv.size() < (6u << 20); ++i) {
    // Each record once: province i % 81 in month i / 81 from 1950 on.
    csv += fmt::format("{}-{:02},{},Almanya,{}.{:02},\"line one\nline two\"\n", 1950 + i / 81 / 12,
                       i / 81 % 12 + 1, i % 81 + 1, i, i % 100);
    lines += 2;
  }
  kexport::LoadOptions one, two;
  one.threads = 1;
  two.threads = 2;
  const auto sequential = load_text("big.csv", csv, one);
  const auto parallel = load_text("big.csv", csv, two);
  CHECK(sequential.keys == parallel.keys);
  CHECK(sequential.cents == parallel.cents);
  CHECK(sequential.size() > 50'000);
  // An error on the last line is reported with its true line number whichever way it was read.
  const std::string bad = csv + "2026-13,Kayseri,Almanya,1,x\n";
  for (const auto& options : {one, two}) {
    try {
      load_text("big.csv", bad, options);
      FAIL("a bad month was accepted");
    } catch (const DataError& e) {
      CHECK(e.where().line == lines + 1);
    }
  }
  // Without quoted line ends the cuts hold, and the line numbers still count from the top.
  std::string plain = "period,province,chapter,value_usd\n";
  for (int i = 0; plain.size() < (6u << 20); ++i)
    plain += fmt::format("{}-{:02},{},{},{}\n", 1950 + i / 81 % 1000 / 12, i / 81 % 1000 % 12 + 1, i % 81 + 1,
                         i / 81000 + 1, i);
  const std::size_t plain_lines = static_cast<std::size_t>(std::count(plain.begin(), plain.end(), '\n'));
  try {
    load_text("plain.csv", plain + "2026-01,Nowhere,1,1\n", two);
    FAIL("an unknown province was accepted");
  } catch (const DataError& e) {
    CHECK(e.where().line == plain_lines + 1);
  }
}

TEST_CASE("total labels are told from destination names", "[csv][labels]") {
  for (const char* label : {"TOPLAM", "Toplam", "toplam", " TOPLAM ", "GENEL TOPLAM", "Genel Toplam", "Total",
                            "TOTAL", "Grand Total", "grand total"}) {
    INFO(label);
    CHECK(kexport::input::is_total_label(label));
  }
  for (const char* name : {"Tayland", "Togo", "Tonga", "Gana", "Gürcistan", "Türkmenistan", "Total Energies",
                           "Gabon", "", "Almanya", "TOPLAMA"}) {
    INFO(name);
    CHECK_FALSE(kexport::input::is_total_label(name));
  }
}

TEST_CASE("stretches that meet names in other orders merge into the same ids", "[load][csv][parallel]") {
  // The second half names destinations and sectors in another order, and new ones: its ids must
  // be mapped to the first half's, not taken as they are.
  const std::vector<std::string> first_half = {"Almanya", "Fransa", "Irak"};
  const std::vector<std::string> second_half = {"Irak", "Polonya", "Almanya", "Atlantis"};
  const std::vector<std::string> sectors_first = {"Uzay Turizmi", "Balon Sanayi"};
  const std::vector<std::string> sectors_second = {"Balon Sanayi", "Uzay Turizmi", "Deniz Yolu"};
  std::string csv = "period,province,country,chapter,value_usd\n";
  int i = 0;
  const auto add_rows = [&](const std::vector<std::string>& countries,
                            const std::vector<std::string>& sectors, std::size_t until) {
    for (; csv.size() < until; ++i)
      for (const auto& country : countries)
        for (const auto& sector : sectors)
          csv += fmt::format("{}-{:02},{},{},{},{}.{:02}\n", 1900 + i / 81 / 12, i / 81 % 12 + 1, i % 81 + 1,
                             country, sector, i, i % 100);
  };
  add_rows(first_half, sectors_first, 4u << 20);
  add_rows(second_half, sectors_second, 8u << 20);
  kexport::LoadOptions one, two;
  one.threads = 1;
  two.threads = 2;
  const auto sequential = load_text("mixed.csv", csv, one);
  const auto parallel = load_text("mixed.csv", csv, two);
  REQUIRE(sequential.countries.size() == parallel.countries.size());
  for (std::size_t id = 0; id < sequential.countries.size(); ++id)
    CHECK(sequential.countries[id].written == parallel.countries[id].written);
  CHECK(sequential.sectors == parallel.sectors);
  CHECK(sequential.keys == parallel.keys);
  CHECK(sequential.cents == parallel.cents);
  CHECK(sequential.countries.size() == 1 + 5);
  CHECK(sequential.sectors.size() == 3);
}

TEST_CASE("the thread count holds for checking the text, reading it and sorting its records",
          "[load][csv][parallel]") {
  // Large enough for all three to split their work (8 MiB of text, a million records), with the
  // records out of key order so that they must be sorted.
  std::string csv = "period,province_code,country_code,chapter,value_usd\n";
  csv.reserve(24u << 20);
  static const char* const countries[] = {"DE", "US", "PL", "IQ", "IT", "FR", "GB", "NL"};
  // Each record once: i's digits in a mixed radix are its province, country, chapter and month.
  for (int i = 0; i < 1'100'000; ++i)
    csv += fmt::format("{}-{:02},{},{},{},{}\n", 2000 + i / 754'272, i / 62'856 % 12 + 1, 81 - i % 81,
                       countries[i / 81 % 8], i / 648 % 97 + 1, i % 997);
  REQUIRE(csv.size() > (16u << 20));
  kexport::LoadOptions one, two;
  one.threads = 1;
  two.threads = 2;
  const auto before_one = kexport::threads_started();
  const auto sequential = load_text("big.csv", csv, one);
  CHECK(kexport::threads_started() == before_one);  // one thread: none started
  const auto before_two = kexport::threads_started();
  const auto parallel = load_text("big.csv", csv, two);
  // Two threads: one more for the text's check, one for reading, and for the sort one each to
  // count the stretches' records by province, to move them into place and to sort the provinces.
  CHECK(kexport::threads_started() - before_two == 5);
  CHECK(sequential.keys == parallel.keys);
  CHECK(sequential.cents == parallel.cents);
}

TEST_CASE("many files read at once make the dataset a reading in order makes", "[load][csv][parallel]") {
  // Twelve monthly files of CSV and JSON Lines, with names each file meets in its own order,
  // sources, a destination unknown to the gazetteer, a figure a later file revises, and rows of
  // rounded amounts: everything a file's report and the dictionaries must carry over.
  std::vector<kexport::InputFile> files;
  const std::vector<std::string> countries = {"Almanya", "Irak", "Fransa", "Atlantis", "ABD", "Polonya"};
  for (int month = 1; month <= 12; ++month) {
    std::string text;
    const bool json = month % 4 == 0;
    if (!json) text = "period,province,country,value_usd,source\n";
    for (int p = 1; p <= 81; ++p)
      for (std::size_t c = 0; c < countries.size(); ++c) {
        const std::string& country = countries[(c + static_cast<std::size_t>(month)) % countries.size()];
        const std::string value =
            fmt::format("{}.{:02}", month * 1000 + p * 7 + static_cast<int>(c), p % 100);
        const char* source = p % 2 == 0 ? "TÜİK" : "tuik";
        text += json ? fmt::format(
                           "{{\"period\":\"2025-{:02}\",\"province\":{},\"country\":\"{}\",\"value_usd\":"
                           "{},\"source\":\"{}\"}}\n",
                           month, p, country, value, source)
                     : fmt::format("2025-{:02},{},{},{},{}\n", month, p, country, value, source);
      }
    // The next file revises one figure of this month.
    if (month > 1 && !json)
      text += fmt::format("2025-{:02},Kayseri,Almanya,0.30000000000000004,TÜİK\n", month - 1);
    files.push_back(
        {fmt::format("2025-{:02}.{}", month, json ? "jsonl" : "csv"), text, kexport::InputFormat::automatic});
  }
  kexport::LoadOptions one, two;
  one.threads = 1;
  two.threads = 2;
  const auto before = kexport::threads_started();
  const auto parallel = kexport::load_dataset(files, two);
  CHECK(kexport::threads_started() > before);
  const auto sequential = kexport::load_dataset(files, one);
  CHECK(sequential.keys == parallel.keys);
  CHECK(sequential.cents == parallel.cents);
  CHECK(test::records_of(sequential) == test::records_of(parallel));
  CHECK(sequential.revisions.size() == parallel.revisions.size());
  CHECK_FALSE(parallel.revisions.empty());
  REQUIRE(sequential.files.size() == parallel.files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    INFO(files[i].name);
    CHECK(parallel.files[i].name == files[i].name);
    CHECK(parallel.files[i].format == sequential.files[i].format);
    CHECK(parallel.files[i].rows == sequential.files[i].rows);
    CHECK(parallel.files[i].rounded_amounts == sequential.files[i].rounded_amounts);
    CHECK(parallel.files[i].first_rounded_line == sequential.files[i].first_rounded_line);
    CHECK(parallel.files[i].delimiter == sequential.files[i].delimiter);
  }

  // A bad row in two files: the error is the first file's, as a reading in order finds it.
  files[7].bytes += "2025-08,Nowhere,Almanya,1,TÜİK\n";
  files[3].bytes += "{\"period\":\"2025-04\",\"province\":\"Nowhere\",\"value_usd\":1}\n";
  for (const auto& options : {one, two}) {
    try {
      kexport::load_dataset(files, options);
      FAIL("an unknown province was accepted");
    } catch (const DataError& e) {
      CHECK(e.where().file == "2025-04.jsonl");
    }
  }
}
