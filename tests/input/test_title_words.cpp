// What a title and a file's name say of the figures' release and basis, against a table written by
// hand: a release date is one the words around it call so, never a period's first or last day.
#include <catch2/catch.hpp>

#include "table/sheet_layout.hpp"

using kexport::Basis;
using kexport::Vintage;

TEST_CASE("a title's release date", "[input][title]") {
  const std::vector<std::pair<std::string, Vintage>> dated = {
      {"28.02.2026 TARİHİ İTİBARİYLE İL BAZINDA SEKTÖR İHRACAT RAKAMLARI (1000 $)", 20260228},
      {"31.1.2026 tarihi itibarıyla ihracat", 20260131},
      {"İhracat, 26 Şubat 2026 tarihli bülten", 20260226},
      {"Dış ticaret istatistikleri (yayım tarihi: 30/01/2026)", 20260130},
      {"Exports by province, as of 02.02.2026", 20260202},
      {"29.02.2024 itibariyle", 20240229},
  };
  for (const auto& [title, vintage] : dated) {
    INFO(title);
    CHECK(kexport::input::text_vintage(title) == vintage);
  }
  for (const std::string title : {"01.01.2026-31.01.2026 DÖNEMİ İL BAZINDA İHRACAT", "2026 OCAK AYI İHRACATI",
                                  "1 - 28 ŞUBAT", "29.02.2025 itibariyle", "31.04.2026 tarihi itibarıyla",
                                  "128.02.2026 tarihi itibarıyla", "28.02.20261 itibarıyla"}) {
    INFO(title);
    CHECK_FALSE(kexport::input::text_vintage(title));
  }
}

TEST_CASE("a file name's release date", "[input][title]") {
  using kexport::input::file_name_vintage;
  CHECK(file_name_vintage("/data/tim/2026-02-il-bazinda-sektor-rakamlari.xlsx") == Vintage{20260200});
  CHECK(file_name_vintage("tuik-il-2025-12-15.csv") == Vintage{20251215});
  CHECK(file_name_vintage("2026-01/tuik.csv") == std::nullopt);  // a folder's name is not the file's
  CHECK(file_name_vintage("provinces-2024-01-2026-01.csv") == std::nullopt);  // a span of months
  CHECK(file_name_vintage("x-2026-02-30.csv") == std::nullopt);
  CHECK(file_name_vintage("-") == std::nullopt);
}

TEST_CASE("a title's province basis", "[input][title]") {
  using kexport::input::text_basis;
  CHECK(text_basis("FAALİYET İLİNE GÖRE İL BAZINDA İHRACAT") == Basis::production_place);
  CHECK(text_basis("Üretim yerlerine göre il ihracatı") == Basis::production_place);
  CHECK(text_basis("İhracat (firmanın merkezinin bulunduğu il esas alınır)") == Basis::head_office);
  CHECK(text_basis("ihracatçı birliği kaydına göre") == Basis::registration);
  CHECK_FALSE(text_basis("İL BAZINDA İHRACAT (1000 $)"));
}
