// What a table's header says, cell by cell and row by row: the field or month a cell names, a year
// alone, months over their years or years over their months, ranges of months. find_layout puts
// these together into a Layout.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "table/sheet_layout.hpp"

namespace kexport::input {

// A header cell: the field it names, or its month, period or range, and any unit it states. One
// in two languages, a line each ("İl\nProvince", "Yıllar\nYears"), is what its first recognisable
// line says.
Column classify_header(std::string_view cell, StatedUnit& unit);

// Whether a field labels a row (a province, a country, a chapter) rather than holding an amount.
bool is_label_field(Field f);

// Where each header cell is, for messages: the header row's, even once the row below is read.
using HeaderCells = std::vector<SourceLocation>;

// Refuses month columns of which some carry their year and some do not, or a month twice.
void check_month_columns(const Layout& layout, const HeaderCells& at);

// Ranges of months among the month columns: left out as totals, or, as cumulative columns from
// January, read as the differences between them; any other range is refused.
void resolve_ranges(Layout& layout, const HeaderCells& at);

// A year alone in a cell ("2025"), as written over or under its months.
std::optional<int> year_cell(std::string_view cell);

// Months in one header row and their years in the row below: the layout takes their periods and a
// second header row, or is left as it was.
void join_year_row(Layout& layout, RowSource& rows);

// Years over their months, the months in the row below `years`: whether that row was such a row
// (joined), was read but is not one (not_months: `below` holds it), or there is none.
enum class MonthRow { joined, not_months, none };
MonthRow join_month_row(Layout& layout, const std::vector<std::optional<int>>& years, RowSource& rows,
                        std::vector<std::string_view>& below);

// "?l", "De?er": a '?' beside a letter, as a code page without the letter leaves it.
bool has_lost_letter(std::string_view cell);

}  // namespace kexport::input
