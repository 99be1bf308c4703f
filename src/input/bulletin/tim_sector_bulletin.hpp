// TİM's sector bulletin (sheet SEKTOR): Türkiye's exports by TİM sector, the year's months as
// columns under a dated title, months not yet published written as 0.
//
//   28.02.2026 TARİHİ İTİBARİYLE SEKTÖREL BAZDA İHRACAT RAKAMLARI (1000 $)
//
//   S E K T Ö R                 OCAK      ŞUBAT     MART  …  ARALIK   TOPLAM
//   I. TARIM                    …
//   .   A. BİTKİSEL ÜRÜNLER     …
//   .     Yaş Meyve ve Sebze    …
//   TOPLAM                      …
#pragma once

#include <array>
#include <optional>
#include <string>

#include "kexport/input/load.hpp"
#include "kexport/model/dataset_builder.hpp"
#include "kexport/model/vintage.hpp"
#include "table/sheet_layout.hpp"

namespace kexport::input {

struct SectorBulletinLayout {
  std::size_t label_column = 0;
  std::array<std::optional<std::size_t>, 12> month_columns{};
  std::optional<std::size_t> total_column;
  std::string title;
  std::optional<Vintage> vintage;
  int year = 0;
  std::uint64_t header_line = 0;
};

// The layout, when the sheet's first rows are the sector bulletin's; empty when they are not.
// Throws DataError at the header for a bulletin without a year (neither a dated title nor a year
// in it) or with a column that is not a month. Leaves `rows` after the header.
std::optional<SectorBulletinLayout> recognise_sector_bulletin(RowSource& rows);

// Reads the table down to its TOPLAM row (older files hold other tables below it, which are not
// this one). A month whose TOPLAM is 0 or blank is not published: absent, never a month of zero
// exports; a figure in it, or in a month after the title's date, is refused. The main groups
// (I. TARIM, II. SANAYİ, III. MADENCİLİK) and sub-groups are subtotals, checked against their
// sectors and the total, never read as sectors.
void read_sector_bulletin(const SectorBulletinLayout& layout, RowSource& rows, ValueUnit unit,
                          const Gazetteer& gazetteer, DatasetBuilder& builder);

}  // namespace kexport::input
