// The publication's facts: the counts of a ranking against plain loops over random rankings, the
// month a set is of, and the provinces it cannot give.
#include <catch2/catch.hpp>

#include <random>

#include "helpers.hpp"
#include "kexport/compute/publication.hpp"
#include "kexport/model/error.hpp"

using namespace kexport;

TEST_CASE("the counts of a ranking agree with plain loops", "[compute][publication]") {
  std::mt19937_64 random(20260128);
  for (int round = 0; round < 300; ++round) {
    Ranking ranking;
    ranking.window = round % 2 == 0 ? Window::month : Window::rolling_12m;
    // Values around a billion dollars, some unknown, some equal to a year earlier, some tied.
    std::uniform_int_distribution<Cents> value(0, 3 * one_billion_dollars);
    std::uniform_int_distribution<int> pick(0, 9);
    for (ProvinceId p = 1; p <= province_count; ++p) {
      RankRow row;
      row.province = p;
      const int kind = pick(random);
      if (kind != 0) row.value = kind == 1 ? one_billion_dollars : value(random);
      if (kind > 2) row.previous_value = kind == 3 && row.value ? *row.value : value(random);
      if (kind == 9 && p > 1 && ranking.rows.back().value && ranking.rows.back().previous_value &&
          row.value) {
        row.previous_value = *row.value - (*ranking.rows.back().value - *ranking.rows.back().previous_value);
      }
      ranking.rows.push_back(row);
    }
    std::shuffle(ranking.rows.begin(), ranking.rows.end(), random);
    const std::size_t moves = 1 + round % 7;
    const ProvinceCounts counts = count_provinces(ranking, moves);

    std::size_t provinces = 0, above = 0, compared = 0, up = 0, down = 0;
    std::vector<std::pair<Cents, ProvinceId>> rises, falls;
    for (const RankRow& row : ranking.rows) {
      if (!row.value) continue;
      ++provinces;
      above += *row.value > 100'000'000'000 ? 1 : 0;  // a billion dollars in cents, written out
      if (!row.previous_value) continue;
      ++compared;
      const Cents change = *row.value - *row.previous_value;
      if (change > 0) ++up, rises.push_back({-change, row.province});
      if (change < 0) ++down, falls.push_back({change, row.province});
    }
    std::sort(rises.begin(), rises.end());
    std::sort(falls.begin(), falls.end());
    CHECK(counts.window == ranking.window);
    CHECK(counts.provinces == provinces);
    CHECK(counts.above_billion == above);
    CHECK(counts.compared == compared);
    CHECK(counts.increased == up);
    CHECK(counts.decreased == down);
    REQUIRE(counts.largest_increases.size() == std::min(moves, rises.size()));
    REQUIRE(counts.largest_decreases.size() == std::min(moves, falls.size()));
    for (std::size_t i = 0; i < counts.largest_increases.size(); ++i) {
      CHECK(counts.largest_increases[i].change == -rises[i].first);
      CHECK(counts.largest_increases[i].province == rises[i].second);
      CHECK(counts.largest_increases[i].value - counts.largest_increases[i].previous_value ==
            -rises[i].first);
    }
    for (std::size_t i = 0; i < counts.largest_decreases.size(); ++i) {
      CHECK(counts.largest_decreases[i].change == falls[i].first);
      CHECK(counts.largest_decreases[i].province == falls[i].second);
    }
  }
}

namespace {

// Kayseri in 2025-12 and 2026-01, Ankara in 2025-12 only (in a file of its own: a table that
// listed Ankara in another month would say by leaving it out that it exported nothing).
Dataset two_provinces() {
  return test::load_texts(
      {{"kayseri.csv", "period,province,value_usd\n2025-12,Kayseri,100\n2026-01,Kayseri,110\n"},
       {"ankara.csv", "period,province,value_usd\n2025-12,Ankara,300\n"}});
}

}  // namespace

TEST_CASE("a set is of one month, and says which provinces it lacks", "[compute][publication][parallel]") {
  const Dataset data = two_provinces();
  const Gazetteer& g = Gazetteer::builtin();

  SECTION("latest: the latest month of any province asked for; the others are missing") {
    PublicationQuery query;
    query.provinces = {6, 38, 38};  // Ankara, and Kayseri twice
    const Publication p = compute_publication(data, g, query);
    CHECK(p.month.iso() == "2026-01");
    REQUIRE(p.provinces.size() == 1);
    CHECK(p.provinces[0].province == 38);
    CHECK(p.provinces[0].value == 11000);
    REQUIRE(p.missing.size() == 1);
    CHECK(p.missing[0].province == 6);
    CHECK_FALSE(p.missing[0].reason.empty());
    CHECK_FALSE(p.national.ranking);
    CHECK_FALSE(p.national.ranking_missing.empty());
    CHECK_FALSE(p.national.month_counts);
  }
  SECTION("a month asked for holds both") {
    PublicationQuery query;
    query.provinces = {38, 6};  // Kayseri, Ankara
    query.month = Period::from_year_month(2025, 12);
    const Publication p = compute_publication(data, g, query);
    REQUIRE(p.provinces.size() == 2);
    CHECK(p.provinces[0].province == 6);  // plate order
    CHECK(p.provinces[1].value == 10000);
    CHECK(p.missing.empty());
  }
  SECTION("all: the 81, of which the data holds one for the month") {
    const Publication p = compute_publication(data, g, PublicationQuery{});
    CHECK(p.provinces.size() == 1);
    CHECK(p.missing.size() == 80);
  }
  SECTION("none of them: nothing to publish") {
    PublicationQuery query;
    query.provinces = {6};  // Ankara
    query.month = Period::from_year_month(2026, 1);
    CHECK_THROWS_AS(compute_publication(data, g, query), Error);
    try {
      compute_publication(data, g, query);
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::unavailable);
    }
  }
}
