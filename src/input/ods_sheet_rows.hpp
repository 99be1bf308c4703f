// A sheet of an .ods spreadsheet as rows of cells, streamed from content.xml (which holds every
// sheet; the ones before it are parsed past, not kept). Cells come as their text — strings as
// their paragraphs joined by line breaks, numbers as their stored value (office:value), dates as
// the month they fall in (YYYY-MM), booleans as TRUE/FALSE, error results as shown (#DIV/0!) —
// at their column. Repeated cells and rows (table:number-columns-repeated, -rows-repeated) are
// expanded only where they hold something: the million empty rows LibreOffice writes under a
// table cost nothing.
#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ods_workbook.hpp"
#include "sheet_layout.hpp"
#include "xml_stream.hpp"

namespace kexport::input {

class OdsSheetRows final : public RowSource {
 public:
  // LibreOffice's limits: a sheet beyond them is not one it wrote.
  static constexpr std::size_t max_columns = 16'384;
  static constexpr std::uint64_t max_rows = 1'048'576;

  OdsSheetRows(const OdsWorkbook& workbook, std::size_t sheet, std::uint64_t& hidden_rows);
  ~OdsSheetRows() override;
  OdsSheetRows(const OdsSheetRows&) = delete;
  OdsSheetRows& operator=(const OdsSheetRows&) = delete;

  bool next(std::vector<std::string_view>& cells) override;
  [[nodiscard]] SourceLocation location_of_cell(std::size_t column) const override;
  [[nodiscard]] std::uint64_t row_line() const override { return number_; }
  [[nodiscard]] const std::string& file_name() const override { return name_; }
  [[nodiscard]] bool is_number(std::size_t column) const override {
    return column < current_.numbers.size() && current_.numbers[column];
  }
  [[nodiscard]] std::optional<DataError> row_problem() const override;
  [[nodiscard]] bool is_sheet() const override { return true; }

  struct Row {
    std::uint64_t first = 0;   // its row number (1-based)
    std::uint64_t repeat = 1;  // how many rows in a row hold these cells
    std::vector<std::string> cells;
    std::vector<bool> numbers;
    std::optional<std::size_t> formula_without_value;  // a column
  };

 private:
  class Handler;
  bool fill();

  std::string name_;  // "book.ods[Sheet]"
  std::unique_ptr<Handler> handler_;
  std::unique_ptr<ZipArchive::Entry> entry_;
  std::unique_ptr<XmlStream> xml_;
  std::string buffer_;
  bool finished_ = false;
  std::deque<Row> rows_;  // completed, not yet given
  Row current_;
  std::uint64_t number_ = 0;  // the row given last
  std::uint64_t hidden_rows_ = 0;
  std::uint64_t& hidden_rows_seen_;
};

}  // namespace kexport::input
