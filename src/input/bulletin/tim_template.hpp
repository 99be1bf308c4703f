// TİM's bulletin template, shared by its province × sector and country × sector workbooks: a dated
// title in the first row, a row of period labels, one per block, and the header — SEKTÖR, ILLER (or
// ULKE), then for each block the previous year, the year and DEĞ. (the change as a ratio):
//
//   28.02.2026 TARİHİ İTİBARİYLE İLLER BAZINDA SEKTÖREL İHRACAT
//
//                        1 - 28 ŞUBAT                 1 - 31 OCAK            1 OCAK - 28 ŞUBAT
//   SEKTÖR  ILLER   2025     2026     DEĞ.     2025     2026    DEĞ.     2025     2026    DEĞ.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bulletin/tim_period_label.hpp"
#include "kexport/model/error.hpp"
#include "kexport/model/vintage.hpp"
#include "table/sheet_layout.hpp"

namespace kexport::input {

// One block of columns: a period, for the year before and the year, and the change between them.
struct TemplateBlock {
  std::string label;        // as written: "1 - 28 ŞUBAT"
  SourceLocation label_at;  // its cell
  LabelSpan span;
  int previous_year = 0, year = 0;
  std::size_t previous_column = 0, column = 0;
  std::optional<std::size_t> change_column;
  [[nodiscard]] std::size_t first_column() const { return previous_column; }
  [[nodiscard]] std::size_t last_column() const { return change_column.value_or(column); }
};

struct TimTemplate {
  enum class Places { provinces, countries };
  Places places = Places::provinces;
  std::size_t sector_column = 0, place_column = 1;
  std::vector<TemplateBlock> blocks;
  std::string title;               // the rows above the labels
  std::optional<Vintage> vintage;  // "28.02.2026 TARİHİ İTİBARİYLE"
  std::uint64_t header_line = 0;
};

// The template, when the sheet's first rows are laid out as it is; empty when they are not (the
// sheet is then read as any other table). Throws DataError at the cell where a sheet that has the
// template's header breaks it: a column that is neither a year nor DEĞ., a block without its
// label, a label that is not a period. Leaves `rows` after the header.
std::optional<TimTemplate> recognise_tim_template(RowSource& rows);

}  // namespace kexport::input
