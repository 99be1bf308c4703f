// What every TİM bulletin reads the same way: its amounts (thousands of dollars, as numbers), the
// unit its title may state instead, and the sectors of its rows.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kexport/input/load.hpp"
#include "kexport/model/dataset_builder.hpp"
#include "table/sheet_layout.hpp"

namespace kexport::input {

// An amount cell of the current row: empty when the cell is blank (nothing published: absent, not
// zero), 0 for a dash. Throws DataError at the cell for text that is not an amount.
std::optional<Cents> bulletin_amount(const RowSource& rows, std::size_t column, std::string_view cell,
                                     ValueUnit unit);

// The unit of a bulletin's amounts: the one its title states (in dollars at some scale), else
// --unit, else thousands of dollars, TİM's own (noted on the report). Throws DataError at the
// title for another currency.
ValueUnit bulletin_unit(const std::string& title, const SourceLocation& title_at, const LoadOptions& options,
                        LoadedFile& report);

// A sector row's code: TİM's sector under its current name (older spellings mapped), else the name
// as written. Indents of dots and spaces are not part of the name.
std::uint8_t bulletin_sector(std::string_view written, const Gazetteer& gazetteer, DatasetBuilder& builder);

// " .   A. BİTKİSEL ÜRÜNLER " → "A. BİTKİSEL ÜRÜNLER".
std::string_view without_indent(std::string_view label);

// Cents as thousands of dollars, for messages: "1234.56789".
std::string thousands_text(Cents cents);

// "Şubat 2026".
std::string month_text(Period month);

}  // namespace kexport::input
