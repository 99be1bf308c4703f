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

 protected:
  // `name` is the sheet as messages name it: "book.xlsx[Sheet]".
  BufferedSheetRows(std::string name, std::uint64_t& hidden_rows);

  // Completes more rows into `completed_`; false when the sheet has no more.
  virtual bool read_more() = 0;

  std::string name_;
  std::deque<SheetRow> completed_;
  std::uint64_t hidden_rows_ = 0;

 private:
  SheetRow current_;
  std::uint64_t number_ = 0;  // the row given last
  std::uint64_t& hidden_rows_seen_;
};

}  // namespace kexport::input
