// From a table's data rows, cells to records: long rows field by field, wide rows one record per
// published month, with each problem reported at the cell it comes from. The same for a CSV file
// (one stretch of it per thread) and a spreadsheet's sheet.
#pragma once

#include <exception>
#include <string>
#include <vector>

#include "kexport/input/load.hpp"
#include "kexport/model/dataset_builder.hpp"
#include "table/record_interpreter.hpp"
#include "table/sheet_plan.hpp"

namespace kexport::input {

// What reading a run of rows collects, in a builder of its own so that runs can be read side by
// side and merged in file order.
struct RowsRead {
  explicit RowsRead(const Gazetteer& gazetteer) : interpreter(gazetteer, builder) {}
  DatasetBuilder builder;
  RecordInterpreter interpreter;
  std::uint64_t note_rows = 0;
  std::uint64_t group_rows = 0;
  std::vector<TotalColumnMismatch> total_mismatches;
  std::vector<std::string> problems;
  std::exception_ptr failure;              // the first error that stopped it
  std::optional<std::string> note_source;  // the first source a note row names
};

class SheetRows {
 public:
  SheetRows(const SheetPlan& plan, const LoadOptions& options) : plan_(plan), options_(options) {
    number_style_ = plan.style;
    number_style_.decimal = DecimalStyle::point;
    dollars_style_ = number_style_;
    dollars_style_.unit = ValueUnit::dollars;
    for (std::size_t i = 0; i < plan.layout.columns.size(); ++i) {
      if (plan.layout.columns[i].field == Field::value) value_column_ = i;
      if (plan.layout.columns[i].field == Field::imports) imports_column_ = i;
      if (plan.layout.columns[i].field == Field::weight) weight_column_ = i;
    }
  }

  // Reads every row `rows` has left into `into`. Bad rows are skipped or collected as the
  // options say; otherwise the first one throws.
  void read(RowSource& rows, RowsRead& into) const;

 private:
  [[nodiscard]] RowFields base_row(const std::vector<std::string_view>& cells) const;
  // `style`, where given, is the amount's own (a month worked out here), not its column's.
  void add(RowsRead& into, const RowSource& rows, const RowFields& row,
           std::optional<std::size_t> month_column, const ValueStyle* style = nullptr) const;
  void add_exports_and_imports(RowsRead& into, const RowSource& rows, RowFields& row,
                               std::string_view imports) const;
  [[nodiscard]] DataError error_in_column(const RowSource& rows, Field field,
                                          const std::string& problem) const;
  [[nodiscard]] Period month_of_row_year(const RowSource& rows, std::optional<int> row_year, int month) const;
  void read_wide_row(RowsRead& into, const RowSource& rows, const std::vector<std::string_view>& cells,
                     std::string& period_text) const;
  // A month of a sheet of cumulative columns: the column through it less the one through the
  // month before.
  [[nodiscard]] Cents cumulative_at(const RowSource& rows, const std::vector<std::string_view>& cells,
                                    std::size_t column) const;
  [[nodiscard]] Cents month_from_cumulative(const RowSource& rows, const std::vector<std::string_view>& cells,
                                            std::size_t column, std::size_t before) const;
  // Cents as an amount in dollars with a decimal point: "1234.50".
  static std::string plain_amount(Cents cents);

  // The style of a spreadsheet's number cells, stored as "291804236.45" whatever the sheet shows.
  [[nodiscard]] const ValueStyle& style_of(const RowSource& rows, std::size_t value_column) const {
    return rows.is_number(value_column) ? number_style_ : plan_.style;
  }

  const SheetPlan& plan_;
  const LoadOptions& options_;
  ValueStyle number_style_;
  ValueStyle dollars_style_;  // amounts worked out in cents here
  std::size_t value_column_ = 0;
  std::optional<std::size_t> imports_column_;  // beside the value column of exports
  std::optional<std::size_t> weight_column_;
};

}  // namespace kexport::input
