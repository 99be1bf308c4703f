// What the spreadsheet readers share once a format's cells are rows: the rows a reader has
// completed and not yet given, given one by one with their positions as sheet and cell, whether a
// cell is a number, the row's problem if any, and the count of hidden rows met.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "table/sheet_layout.hpp"

namespace kexport::input {

struct SheetRow {
  std::uint64_t number = 0;  // 1-based
  std::uint64_t repeat = 1;  // how many rows in a row hold these cells (.ods writes them once)
  std::vector<std::string> cells;
  std::vector<bool> numbers;                         // which cells are number cells
  std::optional<std::size_t> formula_without_value;  // a column
};

// A range of cells merged down over more than one row: 1-based rows, 0-based columns.
struct MergedRange {
  std::uint64_t first_row = 0, last_row = 0;
  std::size_t first_column = 0, last_column = 0;
};

class BufferedSheetRows : public RowSource {
 public:
  // Raises `hidden_rows` to the hidden rows this reader met: a sheet may be opened more than
  // once, and the reading that goes furthest counts them all.
  ~BufferedSheetRows() override;

  bool next(std::vector<std::string_view>& cells) final;
  [[nodiscard]] SourceLocation location_of_cell(std::size_t column) const final;
  [[nodiscard]] std::uint64_t row_line() const final { return number_; }
  [[nodiscard]] const std::string& file_name() const final { return name_; }
  [[nodiscard]] bool is_number(std::size_t column) const final {
    return column < current_.numbers.size() && current_.numbers[column];
  }
  [[nodiscard]] std::optional<DataError> row_problem() const final;
  [[nodiscard]] bool is_sheet() const final { return true; }
  [[nodiscard]] std::optional<std::uint64_t> merged_from(std::size_t column) const final;

 protected:
  // `name` is the sheet as messages name it: "book.xlsx[Sheet]".
  BufferedSheetRows(std::string name, std::uint64_t& hidden_rows);

  // Completes more rows into `completed_`; false when the sheet has no more.
  virtual bool read_more() = 0;

  // The sheet's merged ranges, for a format that finds them only when asked (.xlsx writes them
  // after its rows): called once, the first time merged_from() is.
  virtual void find_merged(std::vector<MergedRange>& /*into*/) const {}

  std::string name_;
  std::deque<SheetRow> completed_;
  // Merged ranges a format met as it read its rows (.ods marks them at their first cell).
  std::vector<MergedRange> merged_;
  std::uint64_t hidden_rows_ = 0;

 private:
  SheetRow current_;
  std::uint64_t number_ = 0;                                      // the row given last
  mutable std::optional<std::vector<MergedRange>> found_merged_;  // find_merged()'s, once asked
  std::uint64_t& hidden_rows_seen_;
};

}  // namespace kexport::input
