// What holds for every row of a table, settled before its rows are read: the number style, the
// unit and the source; the province and year its title gives; for a wide sheet, which months any
// row publishes. The same for a CSV file and a spreadsheet's sheet.
#pragma once

#include <exception>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kexport/input/load.hpp"
#include "table/sheet_layout.hpp"

namespace kexport::input {

struct SheetPlan {
  Layout layout;
  ValueStyle style;
  std::string title_province;      // for a sheet without a province column
  std::optional<int> year;         // the title's, for month columns named by month alone
  bool source_named = false;       // the title or a note names the file's source
  std::optional<Vintage> vintage;  // the release date the title states ("28.02.2026 TARİHİ İTİBARİYLE")
  std::set<int> row_years;         // the years of a wide sheet's rows (its Yıl column)
  // For a wide sheet, per column: a month not yet published, whose zeros are absent rather than
  // exports of zero — zero in every row, zero in a total row, or zero in nearly every row that has
  // an amount in another month (a template with one figure typed in early). Its non-zero cells are
  // still read.
  std::vector<bool> zeros_absent;
  std::vector<std::uint64_t> nonzero_cells;  // per column: the cells that are not zero or blank
  // False when a long sheet's survey stopped at amounts stored as numbers, which say nothing of
  // the number style: a text amount further down needs the whole survey (UnsettledStyle).
  bool style_settled = true;
  bool unit_assumed = false;  // neither the file nor --unit says dollars or thousands
  // Where the unit was found (settle_unit): the cells that state it, beside the header's and the
  // title's (Layout::unit_claims) — notes under the data and the sheet's name.
  std::vector<UnitClaim> more_claims;
  std::string file;                      // for messages
  std::optional<ValueUnit> unit_option;  // --unit: for a table that states no unit
  std::vector<FileNote> unit_notes;      // what settle_unit decided, for validate
};

// Thrown when a text amount meets a style that was not settled: the survey is run whole and the
// rows read again.
struct UnsettledStyle : std::exception {
  [[nodiscard]] const char* what() const noexcept override { return "number style not settled"; }
};

// From the header and the title: province, year, unit and source. Refuses a table that lacks a
// column it needs, at its header.
SheetPlan plan_sheet(Layout layout, const std::string& file, const Gazetteer& gazetteer,
                     const LoadOptions& options);

// The unit of the table's amounts, from every place that states one (header, title, notes, the
// sheet's name) — which must agree, and name dollars — else --unit, else thousands of dollars for a
// table TİM names with no year before 2010 (its convention since then), else dollars, assumed.
// Throws DataError at the cell that names another currency or a unit that disagrees.
void settle_unit(SheetPlan& plan);

// A source named in a note row ("Kaynak: TİM"), unless the title named one.
void read_note(SheetPlan& plan, const std::vector<std::string_view>& cells);

// The first pass over the data rows: the number style (unless given), a source named in a note,
// and for a wide sheet which months hold anything. A long table's style is settled by its first
// telling amount and the pass stops there — a spreadsheet's, at its first amount stored as a
// number, unless `whole` — and returns false when rows were left unread.
bool survey_rows(SheetPlan& plan, RowSource& rows, const LoadOptions& options, bool whole = false);

// The months that are zero or empty in every row, as YYYY-MM, in order; and those of a template
// whose zeros are absent though some row has a figure.
std::vector<std::string> unpublished_months(const SheetPlan& plan, bool with_figures = false);

// What a file's report says of its table once surveyed and read, the same for a CSV file and a
// sheet: number style, unit (and whether it was assumed), source, unpublished months, and notes on
// months worked out from cumulative columns.
void report_plan(const SheetPlan& plan, LoadedFile& report);

}  // namespace kexport::input
