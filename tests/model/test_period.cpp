#include <catch2/catch.hpp>

#include "kexport/model/period.hpp"

using kexport::Period;

TEST_CASE("periods are calendar arithmetic", "[period]") {
  const Period jan26 = Period::from_year_month(2026, 1);
  CHECK(jan26.year() == 2026);
  CHECK(jan26.month() == 1);
  CHECK(jan26.plus_months(-1) == Period::from_year_month(2025, 12));
  CHECK(jan26.plus_months(-12) == Period::from_year_month(2025, 1));
  CHECK(jan26.plus_months(-11) == Period::from_year_month(2025, 2));
  CHECK(Period::from_year_month(2025, 9).january() == Period::from_year_month(2025, 1));
  CHECK(jan26.iso() == "2026-01");
  CHECK(Period::from_year_month(2025, 12).iso() == "2025-12");
}

TEST_CASE("strict ISO months for the command line", "[period]") {
  CHECK(kexport::parse_iso_period("2026-01") == Period::from_year_month(2026, 1));
  CHECK(kexport::parse_iso_period("1999-12") == Period::from_year_month(1999, 12));
  for (const char* bad : {"2026-13", "0000-00", "2026-1-1", "2026-1", "2026-00", "26-01", "2026/01", "",
                          "latest", "2026-01 ", "202a-01", "2026-+1"})
    CHECK_FALSE(kexport::parse_iso_period(bad).has_value());
}

TEST_CASE("periods as publishers write them", "[period]") {
  const Period jan26 = Period::from_year_month(2026, 1);
  for (const char* text : {"2026-01", "2026/01", "2026-1", "01.2026", "1.2026", "01/2026", "Ocak 2026",
                           "OCAK 2026", "2026 Ocak", "January 2026", " 2026-01 ", "Ocak-2026", "OCAK-2026",
                           "Ocak.2026", "2026-Ocak", "Jan-2026", "ocak/2026"})
    CHECK(kexport::parse_period(text) == jan26);
  CHECK(kexport::parse_period("AĞUSTOS 2025") == Period::from_year_month(2025, 8));
  CHECK(kexport::parse_period("Agustos 2025") == Period::from_year_month(2025, 8));
  CHECK(kexport::parse_period("ARALıK 2025") == Period::from_year_month(2025, 12));
  for (const char* bad : {"2026-13", "13.2026", "Ocak", "2026", "2026-1-1", "Foo 2026", "0000-00", "Ocak-26",
                          "Ocak-", "-2026", "Ocak-2026-01"})
    CHECK_FALSE(kexport::parse_period(bad).has_value());
}

TEST_CASE("month names in Turkish and English", "[period]") {
  CHECK(kexport::parse_month("Şubat") == 2);
  CHECK(kexport::parse_month("SUBAT") == 2);
  CHECK(kexport::parse_month("mayıs") == 5);
  CHECK(kexport::parse_month("MAYIS") == 5);
  CHECK(kexport::parse_month("Eylül") == 9);
  CHECK(kexport::parse_month("EYLUL") == 9);
  CHECK(kexport::parse_month("ARALIK") == 12);
  CHECK(kexport::parse_month("Aralık") == 12);
  CHECK(kexport::parse_month("October") == 10);
  CHECK(kexport::parse_month("12") == 12);
  CHECK(kexport::parse_month("03") == 3);
  CHECK_FALSE(kexport::parse_month("13").has_value());
  CHECK_FALSE(kexport::parse_month("0").has_value());
  CHECK_FALSE(kexport::parse_month("").has_value());
  CHECK(kexport::month_name_tr(1) == "Ocak");
  CHECK(kexport::month_name_en(12) == "December");
}
