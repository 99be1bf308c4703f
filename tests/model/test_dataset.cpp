#include <catch2/catch.hpp>

#include "helpers.hpp"

using kexport::Period;
using kexport::RecordKey;

TEST_CASE("record keys pack and unpack", "[dataset]") {
  RecordKey key;
  key.source = 3;
  key.province = 81;
  key.month = Period::from_year_month(2199, 12);
  key.country = 65535;
  key.chapter = 99;
  const RecordKey back = RecordKey::unpack(key.packed());
  CHECK(back.source == 3);
  CHECK(back.province == 81);
  CHECK(back.month == key.month);
  CHECK(back.country == 65535);
  CHECK(back.chapter == 99);
}

TEST_CASE("coverage is per source and has gaps", "[dataset]") {
  const auto data = test::load_text("a.csv",
                                    "period,province,value_usd,source\n"
                                    "2025-01,Kayseri,1,TÜİK\n2025-03,Ankara,1,TÜİK\n2025-02,Ankara,1,TİM\n");
  REQUIRE(data.sources.size() == 2);
  CHECK(data.covers(kexport::Stream{0}, Period::from_year_month(2025, 1)));
  CHECK_FALSE(data.covers(kexport::Stream{0}, Period::from_year_month(2025, 2)));
  CHECK(data.covers(kexport::Stream{0}, Period::from_year_month(2025, 3)));
  CHECK(data.covers(kexport::Stream{1}, Period::from_year_month(2025, 2)));
  CHECK_FALSE(data.covers(kexport::Stream{1}, Period::from_year_month(2025, 1)));
  CHECK_FALSE(data.covers(kexport::Stream{0}, Period::from_year_month(2030, 1)));
  CHECK(data.first_month(kexport::Stream{0}) == Period::from_year_month(2025, 1));
  CHECK(data.last_month(kexport::Stream{0}) == Period::from_year_month(2025, 3));
  CHECK(data.last_month(kexport::Stream{1}) == Period::from_year_month(2025, 2));
}

TEST_CASE("a province's rows are one contiguous range", "[dataset]") {
  const auto data = test::load_text("a.csv",
                                    "period,province,value_usd\n2025-02,Kayseri,1\n2025-01,Ankara,1\n"
                                    "2025-01,Kayseri,1\n2025-03,Adana,1\n");
  const auto [begin, end] = data.rows_of(kexport::Stream{0}, 38);
  CHECK(end - begin == 2);
  for (auto row = begin; row < end; ++row) CHECK(data.key(row).province == 38);
  const auto [none_begin, none_end] = data.rows_of(kexport::Stream{0}, 34);
  CHECK(none_begin == none_end);
}
