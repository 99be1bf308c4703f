// A table of cells as publishers lay it out, whatever file it comes in: title rows above the
// header, the header naming the columns (or months as columns), notes and sub-group rows among the
// data. Finding these is the same for a CSV file and a spreadsheet's sheet.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kexport/model/basis.hpp"
#include "kexport/model/error.hpp"
#include "kexport/model/file_format.hpp"
#include "kexport/model/gazetteer.hpp"
#include "kexport/model/period.hpp"
#include "kexport/model/text.hpp"
#include "kexport/model/vintage.hpp"
#include "table/record_interpreter.hpp"

namespace kexport::input {

// Rows of cells, one after another, and where each cell of the current row is in its file.
class RowSource {
 public:
  virtual ~RowSource() = default;
  RowSource() = default;
  RowSource(const RowSource&) = delete;
  RowSource& operator=(const RowSource&) = delete;

  virtual bool next(std::vector<std::string_view>& cells) = 0;
  [[nodiscard]] virtual SourceLocation location_of_cell(std::size_t column) const = 0;
  [[nodiscard]] virtual std::uint64_t row_line() const = 0;  // the current row's line (or row)
  [[nodiscard]] virtual const std::string& file_name() const = 0;
  // A spreadsheet's number cell: its text is the number as stored ("291804236.45"), whatever
  // number style the sheet's text cells are written in.
  [[nodiscard]] virtual bool is_number(std::size_t /*column*/) const { return false; }
  // What makes the current row unreadable though its cells were read (a formula without a stored
  // result), if anything.
  [[nodiscard]] virtual std::optional<DataError> row_problem() const { return std::nullopt; }
  // A spreadsheet's sheet: positions are cell references, and a row's empty cells at its end are
  // left out (a short row is not a ragged one).
  [[nodiscard]] virtual bool is_sheet() const { return false; }
  // Where the current row's cell in `column` lies in a range of cells merged down from a row
  // above (a province's name over its countries' rows): that row. A spreadsheet keeps a merged
  // range's text in its first cell only.
  [[nodiscard]] virtual std::optional<std::uint64_t> merged_from(std::size_t /*column*/) const {
    return std::nullopt;
  }
};

// What a cell (a header, a title, a note, a sheet's name) says of the amounts' unit: dollars and
// their scale, or another currency, which kexport does not convert.
struct StatedUnit {
  std::optional<ValueUnit> unit;
  std::string currency;  // "TL", "EUR"; empty for none
  [[nodiscard]] bool says_something() const { return unit.has_value() || !currency.empty(); }
};

// A place that states the unit, for the plan to check against the others.
struct UnitClaim {
  StatedUnit stated;
  SourceLocation where;
  std::string text;  // the cell as written
  // A claim without a cell of its own (a note's row, a sheet's name), placed in the file.
  static UnitClaim of_file(const StatedUnit& stated, const std::string& file, bool in_sheet,
                           std::string text) {
    UnitClaim claim;
    claim.stated = stated;
    claim.where.file = file;
    claim.where.in_sheet = in_sheet;
    claim.text = std::move(text);
    return claim;
  }
};

// What a text of words says of the unit: "(Bin $)", "Milyon ABD Doları", "(TL)", "Bin Euro",
// "thousand USD". A scale without a currency says nothing here (a title's "1000" is as often a
// count); a header cell is read by match_header, where "(Bin)" alone is a unit.
StatedUnit text_unit(std::string_view text);

// What a column of the header holds.
struct Column {
  std::optional<Field> field;    // a label or value column
  std::optional<Period> period;  // a wide month column with its year ("2026-01")
  std::optional<int> month;      // a wide month column named by month alone ("Ocak")
  bool total = false;            // a wide TOPLAM column, checked against the months
  // A range of months ("1 Ocak-31 Mart 2025", "OCAK-MART"): from January through the month above
  // (cumulative), or another range (partial). A range is never read as a month: in a sheet of
  // months it is left out as their total; a sheet of cumulative columns chained from January
  // gives each month as the difference from the column through the month before (minus_column).
  bool cumulative = false;
  bool partial_range = false;
  std::optional<std::size_t> minus_column;
  [[nodiscard]] bool is_month() const { return period.has_value() || month.has_value(); }
};

struct Layout {
  std::uint64_t header_line = 0;
  std::size_t title_records = 0;  // the records above the header, blank ones included
  std::size_t header_rows = 1;    // 2 where the months' years are in a row of their own below
  std::size_t title_rows = 0;     // those of them that hold something (blank rows are not written
                                  // in every format: a count to report, the same for each)
  std::vector<Column> columns;
  std::array<bool, field_count> present{};
  std::optional<ValueUnit> unit;  // from the value header
  // Every header and title cell that states a unit or a currency, in the order met.
  std::vector<UnitClaim> unit_claims;
  bool wide = false;
  bool cumulative = false;  // months are differences of cumulative columns
  // The flow the header says: imports where the only amount column is one of imports. (A
  // column of imports beside one of exports is Field::imports: each row gives two records.)
  std::optional<Flow> flow;
  bool in_sheet = false;  // a spreadsheet's sheet: positions are cell references
  std::string title;      // the text of the title rows, for year, province, unit and source
  // Columns of the same rows in other currencies or of quantities (TÜİK's query: EURO, TL,
  // MIKTAR_1), as written: left out, never summed or taken for dollars, and said by validate.
  std::vector<std::string> left_out;

  [[nodiscard]] bool has(Field field) const { return present[static_cast<std::size_t>(field)]; }
};

// Finds the header among the first rows: the first that names a label column and either a value
// column or months as columns. The rows above it are the title. Leaves `rows` after the header.
// Throws NoTable when no row makes a header (a workbook's sheet of notes is not an error).
Layout find_layout(RowSource& rows);

class NoTable : public DataError {
 public:
  using DataError::DataError;
};

// --- what the title rows tell -------------------------------------------------------------------

std::optional<int> title_year(std::string_view title);
std::optional<std::string> title_province(std::string_view title, const Gazetteer& gazetteer);
// The flow a title names alone: "İTHALAT", "Imports by province"; empty for neither or both.
std::optional<Flow> title_flow(std::string_view title);
// The publisher a title or a note names: "TÜİK", "TİM", "Ticaret Bakanlığı".
std::optional<std::string> text_source(std::string_view text);
// The province basis a title or note states (see Basis), if any.
std::optional<Basis> text_basis(std::string_view text);
// The release date a title states: a date followed by "tarihi itibarıyla", "itibariyle" or
// "tarihli" ("28.02.2026 TARİHİ İTİBARİYLE", "26 Şubat 2026 tarihli bülten"), or after "as of",
// "yayım tarihi", "bülten tarihi". A period's dates ("01.01.2026-31.01.2026") are not a release.
std::optional<Vintage> text_vintage(std::string_view text);
// A date in a file's name: the first whole one ("tuik-il-2026-02-26.xlsx"), else a month that
// begins the name, as TİM names its files ("2026-02-il-bazinda-sektor-rakamlari.xlsx").
std::optional<Vintage> file_name_vintage(std::string_view path);

// --- rows below the header ----------------------------------------------------------------------

bool is_blank(const std::vector<std::string_view>& cells);
// "Kaynak: TÜİK", "* Geçici veri", "Not: …": a note under the data.
bool is_note(const std::vector<std::string_view>& cells);
// A sub-group row ("I. TARIM"), which would double-count if summed with its members.
bool row_is_group(const Layout& layout, const std::vector<std::string_view>& cells);

// Cells that hold no number: empty, "-", "–", "—", "..", "...". Of them only the dashes say
// zero (is_nil_amount); a blank or ".." says nothing.
bool is_empty_amount(std::string_view cell);
// A cell that says zero: "0", "0,00", "0.000", or a dash.
bool is_zero_amount(std::string_view cell);
// A row labelled as a total in a label column (TOPLAM, GENEL TOPLAM, TOTAL EXPORTS, …).
bool row_is_total(const Layout& layout, const std::vector<std::string_view>& cells);

// The cells that hold amounts: the value column (and one of imports), or the month and total
// columns.
template <typename Visit>
void for_each_amount_cell(const Layout& layout, const std::vector<std::string_view>& cells, Visit visit) {
  for (std::size_t i = 0; i < cells.size() && i < layout.columns.size(); ++i) {
    const Column& c = layout.columns[i];
    if (c.is_month() || c.total || c.field == Field::value || c.field == Field::imports ||
        c.field == Field::weight)
      visit(i, trim(cells[i]));
  }
}

}  // namespace kexport::input
