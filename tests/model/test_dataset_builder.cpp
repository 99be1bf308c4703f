// The dataset builder on its own: records in key order, duplicates, revisions between files, and
// the merging of builders that read parts of one file side by side.
#include <catch2/catch.hpp>

#include <map>
#include <random>

#include "kexport/model/dataset_builder.hpp"
#include "kexport/model/error.hpp"

using kexport::Cents;
using kexport::DatasetBuilder;
using kexport::Period;
using kexport::RecordKey;

namespace {

RecordKey key(kexport::ProvinceId province, int month, kexport::CountryId country = kexport::all_countries,
              std::uint8_t chapter = kexport::all_chapters) {
  RecordKey k;
  k.source = 0;
  k.province = province;
  k.month = Period::from_year_month(2025, month);
  k.country = country;
  k.chapter = chapter;
  return k;
}

// The finished records as a map, to set against a map built by hand.
std::map<std::uint64_t, Cents> records(const kexport::Dataset& data) {
  std::map<std::uint64_t, Cents> out;
  for (std::size_t row = 0; row < data.size(); ++row) out[data.keys[row]] = data.cents[row];
  return out;
}

}  // namespace

TEST_CASE("the builder sorts records by key whatever order they come in", "[builder]") {
  std::mt19937_64 rng(7);
  for (const unsigned threads : {1u, 2u}) {
    DatasetBuilder builder;
    builder.begin_file("a.csv", "csv");
    builder.source("TÜİK");
    std::map<std::uint64_t, Cents> expected;
    std::vector<RecordKey> keys;
    for (kexport::ProvinceId p = 1; p <= 81; ++p)
      for (int m = 1; m <= 12; ++m) keys.push_back(key(p, m));
    std::shuffle(keys.begin(), keys.end(), rng);
    std::uint32_t line = 2;
    for (const RecordKey& k : keys) {
      const Cents cents = static_cast<Cents>(rng() % 1'000'000);
      builder.add(k, cents, line++);
      expected[k.packed()] = cents;
    }
    const auto data = std::move(builder).finish(false, threads);
    CHECK(std::is_sorted(data.keys.begin(), data.keys.end()));
    CHECK(records(data) == expected);
  }
}

TEST_CASE("the same record twice in one file is an error naming both lines", "[builder]") {
  DatasetBuilder builder;
  builder.begin_file("a.csv", "csv");
  builder.source("");
  builder.add(key(38, 1), 100, 2);
  builder.add(key(38, 2), 100, 3);
  builder.add(key(38, 1), 250, 7);
  CHECK_THROWS_WITH(std::move(builder).finish(), Catch::Contains("a.csv:7") && Catch::Contains("as line 2") &&
                                                     Catch::Contains("expected each record once per file"));

  // Collected instead (validate): the problem is the file's, the first record is kept.
  DatasetBuilder collecting;
  collecting.begin_file("a.csv", "csv");
  collecting.source("");
  collecting.add(key(38, 1), 100, 2);
  collecting.add(key(38, 1), 250, 7);
  const auto data = std::move(collecting).finish(true);
  REQUIRE(data.files[0].problems.size() == 1);
  CHECK_THAT(data.files[0].problems[0], Catch::Contains("as line 2"));
  REQUIRE(data.size() == 1);
  CHECK(data.cents[0] == 100);
}

TEST_CASE("a later file revises an earlier one, and an unchanged record is no revision", "[builder]") {
  DatasetBuilder builder;
  builder.begin_file("old.csv", "csv");
  builder.source("");
  builder.add(key(38, 1), 100, 2);
  builder.add(key(38, 2), 200, 3);
  builder.begin_file("new.csv", "csv");
  builder.add(key(38, 1), 100, 2);  // the same figure again
  builder.add(key(38, 2), 210, 3);  // revised
  const auto data = std::move(builder).finish();
  CHECK(records(data) ==
        std::map<std::uint64_t, Cents>{{key(38, 1).packed(), 100}, {key(38, 2).packed(), 210}});
  REQUIRE(data.revisions.size() == 1);
  CHECK(data.revisions[0].key.month == Period::from_year_month(2025, 2));
  CHECK(data.revisions[0].old_cents == 200);
  CHECK(data.revisions[0].new_cents == 210);
  CHECK(data.revisions[0].old_file == 0);
  CHECK(data.revisions[0].new_file == 1);
}

TEST_CASE("absorbing a part maps its names to the whole's ids", "[builder]") {
  const auto& g = kexport::Gazetteer::builtin();
  const std::size_t germany = *g.find_country("DE"), iraq = *g.find_country("IQ");

  // One builder that meets the names in one order …
  DatasetBuilder whole;
  whole.begin_file("a.csv", "csv");
  const auto tuik = whole.source("TÜİK");
  const auto de = whole.known_country(germany, "Almanya");
  const auto atlantis = whole.unknown_country("Atlantis");
  const auto carpets = whole.sector("Halı");
  whole.add({tuik, kexport::Flow::exports, 38, Period::from_year_month(2025, 1), de, kexport::all_chapters},
            100, 2);
  whole.add({tuik, kexport::Flow::exports, 38, Period::from_year_month(2025, 1), atlantis, carpets}, 5, 3);

  // … and a part, read side by side, that meets them in another, with a name of its own.
  DatasetBuilder part;
  part.begin_file("a.csv", "csv");
  const auto p_iraq = part.known_country(iraq, "Irak");
  const auto p_carpets = part.sector("Halı");
  const auto p_atlantis = part.unknown_country("ATLANTIS");  // folded: the same unknown name
  const auto p_de = part.known_country(germany, "Germany");  // another spelling of a known one
  const auto p_tim = part.source("TİM");
  const auto p_tuik = part.source("TÜİK");
  part.add(
      {p_tuik, kexport::Flow::exports, 38, Period::from_year_month(2025, 2), p_de, kexport::all_chapters},
      300, 4);
  part.add({p_tuik, kexport::Flow::exports, 38, Period::from_year_month(2025, 2), p_atlantis, p_carpets}, 7,
           5);
  part.add(
      {p_tim, kexport::Flow::exports, 38, Period::from_year_month(2025, 2), p_iraq, kexport::all_chapters},
      11, 6);
  whole.absorb(std::move(part));
  const auto data = std::move(whole).finish();

  // Three countries besides "all": Almanya, Atlantis (as first written), Irak.
  REQUIRE(data.countries.size() == 4);
  CHECK(data.countries[de].written == "Almanya");
  CHECK(data.countries[atlantis].written == "Atlantis");
  REQUIRE(data.sectors.size() == 1);
  REQUIRE(data.sources.size() == 2);
  // Every record of the part under the whole's ids.
  std::map<std::tuple<std::string, int, std::string, std::string>, Cents> seen;
  for (std::size_t row = 0; row < data.size(); ++row) {
    const RecordKey k = data.key(row);
    const std::string sector = k.chapter == kexport::all_chapters
                                   ? ""
                                   : data.sectors[k.chapter - kexport::Dataset::first_sector_code];
    seen[{data.sources[k.source], k.month.month(), data.countries[k.country].written, sector}] =
        data.cents[row];
  }
  const std::map<std::tuple<std::string, int, std::string, std::string>, Cents> expected = {
      {{"TÜİK", 1, "Almanya", ""}, 100},
      {{"TÜİK", 1, "Atlantis", "Halı"}, 5},
      {{"TÜİK", 2, "Almanya", ""}, 300},
      {{"TÜİK", 2, "Atlantis", "Halı"}, 7},
      {{"TİM", 2, "Irak", ""}, 11}};
  CHECK(seen == expected);
}

TEST_CASE("a focused builder keeps the other provinces' monthly totals only", "[builder]") {
  DatasetBuilder builder;
  builder.focus_on(38);
  builder.begin_file("a.csv", "csv");
  builder.source("");
  const auto de = builder.known_country(*kexport::Gazetteer::builtin().find_country("DE"), "Almanya");
  const auto iq = builder.known_country(*kexport::Gazetteer::builtin().find_country("IQ"), "Irak");
  builder.add(key(38, 1, de), 100, 2);
  builder.add(key(38, 1, iq), 50, 3);
  builder.add(key(6, 1, de), 70, 4);
  builder.add(key(6, 1, iq), 30, 5);
  builder.add(key(6, 2), 999, 6);  // Ankara's own total row for February
  const auto data = std::move(builder).finish();
  // Ankara's January: the sum of its countries, kept as a total row.
  CHECK(records(data) == std::map<std::uint64_t, Cents>{{key(6, 1).packed(), 100},
                                                        {key(6, 2).packed(), 999},
                                                        {key(38, 1, de).packed(), 100},
                                                        {key(38, 1, iq).packed(), 50}});
}
