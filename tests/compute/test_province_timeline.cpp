// The province timeline on its own: where "a total where one exists, else the sum of its parts" is
// decided, and where a month the data says nothing of stays unknown instead of becoming zero.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "compute/province_timeline.hpp"
#include "helpers.hpp"

using kexport::Cents;
using kexport::Period;
using kexport::compute::ProvinceTimeline;

namespace {

Period ym(int y, int m) {
  return Period::from_year_month(y, m);
}

// Kayseri, January to April 2025: a total row and its countries in January (the total is larger,
// as when some exports are confidential); only countries in February; chapters of one country in
// April. March is in another file, of Ankara alone: it says nothing of Kayseri. (Had Kayseri's own
// table listed Ankara in March, it would say Kayseri exported nothing then.)
kexport::Dataset data_of_two_files() {
  return test::load_texts({{"kayseri.csv",
                            "period,province,country,chapter,value_usd\n"
                            "2025-01,Kayseri,,,100\n2025-01,Kayseri,Almanya,,60\n"
                            "2025-01,Kayseri,Irak,,30\n"
                            "2025-02,Kayseri,Almanya,,20\n2025-02,Kayseri,Irak,,25\n"
                            "2025-04,Kayseri,Almanya,94,8\n2025-04,Kayseri,Almanya,72,2\n"},
                           {"ankara.csv", "period,province,value_usd\n2025-03,Ankara,7\n"}});
}

}  // namespace

TEST_CASE("a month's total is the total row, else the sum of its parts", "[timeline]") {
  const auto data = data_of_two_files();
  const ProvinceTimeline kayseri(data, kexport::Stream{0}, 38);
  CHECK(kayseri.total(ym(2025, 1)) == 10000);  // the total row, not 60 + 30
  CHECK(kayseri.total(ym(2025, 2)) == 4500);   // the countries' sum
  CHECK(kayseri.total(ym(2025, 4)) == 1000);   // the chapters' sum
  CHECK(kayseri.window(ym(2025, 1), ym(2025, 2)) == 14500);
}

TEST_CASE("a month the data says nothing of is unknown, not zero", "[timeline]") {
  const auto data = data_of_two_files();
  const ProvinceTimeline kayseri(data, kexport::Stream{0}, 38);
  // March: only Ankara's file has it, which says nothing of Kayseri.
  CHECK_FALSE(kayseri.knows(ym(2025, 3)));
  CHECK_FALSE(kayseri.total(ym(2025, 3)).has_value());
  CHECK_FALSE(kayseri.window(ym(2025, 1), ym(2025, 4)).has_value());
  const auto missing = kayseri.missing(ym(2025, 1), ym(2025, 4));
  REQUIRE(missing.has_value());
  CHECK(missing->first == ym(2025, 3));
  CHECK(missing->second == ym(2025, 3));
  CHECK(kayseri.last_known() == ym(2025, 4));
  // Outside the data's months altogether: unknown too.
  CHECK_FALSE(kayseri.total(ym(2024, 12)).has_value());

  // A table that lists Kayseri in its other months and leaves it out of one says nothing of that
  // month: a province missing from a table is missing, however often the table lists it.
  const std::string one_table =
      "period,province,value_usd\n2025-01,Kayseri,5\n2025-02,Ankara,7\n2025-03,Kayseri,6\n";
  CHECK_FALSE(ProvinceTimeline(test::load_text("t.csv", one_table), kexport::Stream{0}, 38)
                  .total(ym(2025, 2))
                  .has_value());
  // Its national total equal to the provinces it lists proves the rest exported nothing: 0.
  const auto proven = test::load_text("t.csv", one_table + "2025-02,Türkiye,7\n");
  CHECK(ProvinceTimeline(proven, kexport::Stream{0}, 38).total(ym(2025, 2)) == 0);
  // A national total larger than them proves nothing.
  const auto larger = test::load_text("t.csv", one_table + "2025-02,Türkiye,9\n");
  CHECK_FALSE(ProvinceTimeline(larger, kexport::Stream{0}, 38).total(ym(2025, 2)).has_value());
}

TEST_CASE("a slice is its own row, or the sum of its finer rows, or unknown", "[timeline]") {
  const auto data = data_of_two_files();
  const auto germany =
      kexport::compute::Slice{*[&] {
                                for (kexport::CountryId id = 1; id < data.countries.size(); ++id)
                                  if (data.countries[id].written == "Almanya") return std::optional(id);
                                return std::optional<kexport::CountryId>();
                              }(),
                              std::nullopt};
  const ProvinceTimeline kayseri_germany(data, kexport::Stream{0}, 38, germany);
  CHECK(kayseri_germany.total(ym(2025, 1)) == 6000);
  CHECK(kayseri_germany.total(ym(2025, 2)) == 2000);
  CHECK(kayseri_germany.total(ym(2025, 4)) == 1000);  // its chapters' sum

  // A chapter: April has chapter rows; January and February have none, though Kayseri exported:
  // which sectors those exports were is unknown, not zero.
  const ProvinceTimeline kayseri_furniture(data, kexport::Stream{0}, 38, {std::nullopt, std::uint8_t{94}});
  CHECK(kayseri_furniture.total(ym(2025, 4)) == 800);
  CHECK_FALSE(kayseri_furniture.total(ym(2025, 1)).has_value());
  CHECK(kayseri_furniture.knows(ym(2025, 1)));
}

TEST_CASE("Turkey is the national total row where there is one, else the complete months' sum",
          "[timeline]") {
  // Every province in January (Kayseri 5, the rest 1 each), only Kayseri in February.
  std::string all = "period,province_code,value_usd\n";
  Cents january = 0;
  for (int p = 1; p <= 81; ++p) {
    const int dollars = p == 38 ? 5 : 1;
    all += fmt::format("2025-01,{},{}\n", p, dollars);
    january += dollars * 100;
  }
  const auto sum_data =
      test::load_texts({{"all.csv", all}, {"kayseri.csv", "period,province_code,value_usd\n2025-02,38,9\n"}});
  kexport::TurkeyMadeOf made_of = kexport::TurkeyMadeOf::national_total_rows;
  const auto by_sum = ProvinceTimeline::turkey(sum_data, kexport::Stream{0}, {}, made_of);
  CHECK(made_of == kexport::TurkeyMadeOf::sum_of_provinces);
  CHECK(by_sum.total(ym(2025, 1)) == january);
  CHECK_FALSE(by_sum.knows(ym(2025, 2)));  // one province of 81 cannot speak for Turkey
  CHECK_FALSE(by_sum.total(ym(2025, 2)).has_value());

  const auto national = test::load_text("tr.csv",
                                        "period,province,value_usd\n2025-01,Türkiye,1000\n"
                                        "2025-02,Türkiye,1100\n2025-02,Kayseri,9\n");
  const auto by_row = ProvinceTimeline::turkey(national, kexport::Stream{0}, {}, made_of);
  CHECK(made_of == kexport::TurkeyMadeOf::national_total_rows);
  CHECK(by_row.total(ym(2025, 1)) == 100000);
  CHECK(by_row.total(ym(2025, 2)) == 110000);
}
