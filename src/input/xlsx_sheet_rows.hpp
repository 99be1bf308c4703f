// A worksheet of an .xlsx workbook as rows of cells, its XML streamed from the archive: memory
// holds a piece of the XML and the rows it completed, never the sheet. Cells come as their text —
// shared and inline strings, numbers as stored, booleans as TRUE/FALSE, error values as written
// (#N/A), dates as the month they fall in (YYYY-MM) — at their column, gaps as empty cells.
#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sheet_layout.hpp"
#include "xlsx_workbook.hpp"
#include "xml_stream.hpp"

namespace kexport::input {

class XlsxSheetRows final : public RowSource {
 public:
  // Excel's limit: a reference beyond it is not a sheet Excel wrote.
  static constexpr std::size_t max_columns = 16'384;

  // `hidden_rows` is raised to the number of hidden rows this reader met, when it goes: a sheet
  // may be opened more than once, and the reading that goes furthest counts them all.
  XlsxSheetRows(const XlsxWorkbook& workbook, const XlsxSheet& sheet, std::uint64_t& hidden_rows);
  ~XlsxSheetRows() override;
  XlsxSheetRows(const XlsxSheetRows&) = delete;
  XlsxSheetRows& operator=(const XlsxSheetRows&) = delete;

  bool next(std::vector<std::string_view>& cells) override;
  [[nodiscard]] SourceLocation location_of_cell(std::size_t column) const override;
  [[nodiscard]] std::uint64_t row_line() const override { return current_.number; }
  [[nodiscard]] const std::string& file_name() const override { return name_; }
  [[nodiscard]] bool is_number(std::size_t column) const override {
    return column < current_.numbers.size() && current_.numbers[column];
  }
  [[nodiscard]] std::optional<DataError> row_problem() const override;
  [[nodiscard]] bool is_sheet() const override { return true; }

  struct Row {
    std::uint64_t number = 0;
    std::vector<std::string> cells;
    std::vector<bool> numbers;
    std::optional<std::size_t> formula_without_value;  // a column
  };

 private:
  class Handler;
  bool fill();

  const XlsxWorkbook& workbook_;
  std::string name_;  // "book.xlsx[Sheet]"
  std::unique_ptr<Handler> handler_;
  std::unique_ptr<ZipArchive::Entry> entry_;
  std::unique_ptr<XmlStream> xml_;
  std::string buffer_;
  bool finished_ = false;
  std::deque<Row> rows_;  // completed, not yet given
  Row current_;
  std::uint64_t hidden_rows_ = 0;
  std::uint64_t& hidden_rows_seen_;
};

}  // namespace kexport::input
